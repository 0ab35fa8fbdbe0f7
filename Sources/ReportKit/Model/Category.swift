/// What kind of cause a failure has: the four answers a triager needs first.
public enum Category: String, Sendable, CaseIterable, Comparable {
  case infrastructure, auth, routing, logic

  /// Position in `allCases`: the order categories are listed in.
  var position: Int {
    switch self {
    case .infrastructure: 0
    case .auth: 1
    case .routing: 2
    case .logic: 3
    }
  }

  public static func < (a: Category, b: Category) -> Bool { a.position < b.position }
}

/// How sure a verdict is; low verdicts are listed for triage.
public enum Confidence: String, Sendable, CaseIterable, Comparable {
  case high, medium, low

  /// Surer is greater: low < medium < high.
  private var rank: Int {
    switch self {
    case .high: 2
    case .medium: 1
    case .low: 0
    }
  }

  public static func < (a: Confidence, b: Confidence) -> Bool { a.rank < b.rank }
}
