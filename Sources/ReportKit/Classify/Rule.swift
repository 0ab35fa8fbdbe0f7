/// A classification rule as data: what it matches, what it concludes, why, and examples that
/// must and must not match (they are its tests and its documentation).
public struct Rule: Sendable {
  public let id: String
  public let category: Category
  public let signal: Signal
  public let confidence: Confidence
  public let rationale: String
  private(set) var matcher: Matcher
  let examples: [Example]
  /// From report.yml: checked before every built-in rule.
  public var isUser = false

  /// One example: a failure as a tool prints it, and whether the rule must match it.
  struct Example: Sendable {
    var text: String
    var exceptionType: String?
    var phase: Phase?
    var skipReason: String?
    /// A status or curl exit code of a correlated exchange (the failure text states none).
    var linkedStatus: Int?
    var linkedCurlExit: Int?
    var matches: Bool

    var facts: FailureFacts {
      var f = FailureFacts(text: text, exceptionType: exceptionType, phase: phase, skipReason: skipReason)
      if linkedStatus != nil || linkedCurlExit != nil {
        f.linked = [.init(index: 0, status: linkedStatus, curlExit: linkedCurlExit)]
      }
      return f
    }
  }

  /// A rule of high confidence.
  init(_ id: String, _ category: Category, _ signal: Signal, _ rationale: String, _ matcher: Matcher, examples: [Example]) {
    self.init(id, category, signal, .high, rationale, matcher, examples: examples)
  }

  init(
    _ id: String, _ category: Category, _ signal: Signal, _ confidence: Confidence, _ rationale: String,
    _ matcher: Matcher, examples: [Example]
  ) {
    self.id = id
    self.category = category
    self.signal = signal
    self.confidence = confidence
    self.rationale = rationale
    self.matcher = matcher
    self.examples = examples
  }

  /// This rule with its phrases resolved in the classifier's set.
  func resolved(in phrases: PhraseSet) -> Rule {
    var r = self
    r.matcher = matcher.resolved(in: phrases)
    return r
  }

  /// The examples this rule gets wrong, each with what went wrong (empty when the rule is sound).
  func exampleFailures() -> [String] {
    examples.compactMap { e in
      let matched = matcher.match(e.facts) != nil
      guard matched != e.matches else { return nil }
      return "\(id): \(e.matches ? "should match" : "should not match"): \(e.text)"
    }
  }
}

extension Rule.Example {
  /// An example the rule must match.
  static func yes(_ text: String, type: String? = nil, phase: Phase? = nil, skip: String? = nil) -> Self {
    .init(text: text, exceptionType: type, phase: phase, skipReason: skip, matches: true)
  }

  /// An example the rule must not match.
  static func no(_ text: String, type: String? = nil, phase: Phase? = nil, skip: String? = nil) -> Self {
    .init(text: text, exceptionType: type, phase: phase, skipReason: skip, matches: false)
  }

  /// A vague failure whose correlated curl exchange returned `status` or exited with `curlExit`.
  static func linked(_ text: String, status: Int? = nil, curlExit: Int? = nil, matches: Bool = true) -> Self {
    .init(text: text, linkedStatus: status, linkedCurlExit: curlExit, matches: matches)
  }
}
