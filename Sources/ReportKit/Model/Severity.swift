/// How much a cluster hurts: from its category and blast radius, or set in report.yml.
/// Ordered by harm: `low < medium < high < critical`.
public enum Severity: String, Sendable, CaseIterable, Comparable {
  case critical, high, medium, low

  private var harm: Int {
    switch self {
    case .critical: 3
    case .high: 2
    case .medium: 1
    case .low: 0
    }
  }

  public static func < (a: Severity, b: Severity) -> Bool { a.harm < b.harm }
}
