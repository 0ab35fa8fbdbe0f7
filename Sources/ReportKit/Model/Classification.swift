/// The verdict on one failed or errored test: category, the rule that decided it, how sure it
/// is, and the log lines that show it.
///
/// The one-byte fields are stored last (40 bytes, not 56: a run keeps one per failure).
public struct Classification: Sendable {
  public var rule: String
  public var evidence: [Evidence]
  /// The curl exchange (index in `Run.requests`) whose status or error decided it, if any.
  public var request: Int?
  public var category: Category
  public var confidence: Confidence
  /// Set when the verdict was lowered because most failures of the run share this other cause:
  /// with no signal of its own, this failure may be a symptom of it.
  public var symptomOf: Category?

  public init(
    category: Category, rule: String, confidence: Confidence, evidence: [Evidence], request: Int? = nil, symptomOf: Category? = nil
  ) {
    self.category = category
    self.rule = rule
    self.confidence = confidence
    self.evidence = evidence
    self.request = request
    self.symptomOf = symptomOf
  }
}
