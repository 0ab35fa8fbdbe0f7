/// The verdict on one failed or errored test: category, the rule that decided it, how sure it
/// is, and the log lines that show it.
public struct Classification: Sendable {
  public var category: Category
  public var rule: String
  public var confidence: Confidence
  public var evidence: [Evidence]
  /// The curl exchange (index in `Run.requests`) whose status or error decided it, if any.
  public var request: Int?
  /// Set when the verdict was lowered because most failures of the run share this other cause:
  /// with no signal of its own, this failure may be a symptom of it.
  public var symptomOf: Category?
}
