/// When one cause outside the code decides most of a run's failures (a missing executable, an
/// expired certificate, a service down), a failure that only shows a code error or a failed
/// comparison may be its symptom: `None` where a response was due, an attribute a missing
/// program would have provided. Such verdicts keep their category but drop to low confidence,
/// so they are listed for triage instead of being trusted.
enum DominantCause {
  /// At least this many failures, and at least this share of all, must share the cause.
  static let minimumCount = 5
  static let minimumShare = 0.5

  /// The category most high-confidence failures outside logic share, when it dominates the run.
  static func of(_ verdicts: Classifications, failing: [Int]) -> Category? {
    guard failing.count >= minimumCount else { return nil }
    var counts: [Category: Int] = [:]
    for i in failing {
      guard let c = verdicts[i], c.category != .logic, c.confidence == .high else { continue }
      counts[c.category, default: 0] += 1
    }
    guard let (category, n) = counts.max(by: { $0.value < $1.value }), n >= minimumCount,
      Double(n) >= minimumShare * Double(failing.count)
    else { return nil }
    return category
  }

  /// Lowers the logic verdicts of a run dominated by another cause to low, naming that cause.
  static func apply(to verdicts: inout Classifications, failing: [Int]) {
    guard let cause = of(verdicts, failing: failing) else { return }
    for i in failing {
      guard var c = verdicts[i], c.category == .logic, c.confidence != .low else { continue }
      c.confidence = .low
      c.symptomOf = cause
      verdicts[i] = c
    }
  }
}
