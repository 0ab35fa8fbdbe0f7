/// A failure judged while its log was still being read, taken by `Triage` in place of judging it
/// again.
///
/// A large pytest log is read by two threads (`PytestSplitReader`): one reads the tests' lines,
/// the other the blocks of tracebacks, and the blocks' thread is done first. It then judges the
/// blocks' failures from their texts while the other thread reads on, and each judgement rides
/// on its test's details. It holds only as long as everything it read still is: the texts
/// (`TestDetails` drops it when its message, exception type, detail or skip reason is set), the
/// test's phase, the classifier, and no exchange to link (`holds(for:_:)`).
///
/// It may carry the failure's cluster signature too (made by triage's judge, `SigningJudge`,
/// with the same texts): the thread that judges has time to spare, triage's workers do not.
///
/// One is kept per failure from reading to triage, so it is packed: 80 bytes. Readers see it as
/// a `PrejudgedFailure` made by a `FailureJudge`.
final class Prejudgement: PrejudgedFailure, @unchecked Sendable {
  /// The classifier that judged.
  let by: Classifier.Identity
  private let needle: String?
  /// Up to four kept numbers, 16 bits each (`kept`).
  private let packed: UInt64
  private let rule: Int32
  private let count: UInt8
  private let confidence: Confidence
  /// The cluster signature of a failure holding the texts judged, in the category judged.
  let signature: String?

  /// Nil when the judgement does not pack: more than four kept numbers, or one beyond 16 bits, or
  /// an exchange in its hit (a prejudgement links none).
  init?(by: Classifier.Identity, phase: Phase?, _ j: Classifier.Judgement, signature: String? = nil) {
    guard j.hit.exchange == nil, j.kept.count <= 4, j.rule <= Int(Int32.max) else { return nil }
    var packed: UInt64 = 0
    for (k, n) in j.kept.sorted().enumerated() {
      guard let small = Int16(exactly: n) else { return nil }
      packed |= UInt64(UInt16(bitPattern: small)) << (16 * k)
    }
    self.by = by
    needle = j.hit.needle
    self.packed = packed
    rule = Int32(j.rule)
    count = UInt8(j.kept.count)
    confidence = j.confidence
    self.signature = signature
    super.init(phase: phase)
  }

  var judgement: Classifier.Judgement {
    let kept = (0..<Int(count)).map { Int(Int16(bitPattern: UInt16(truncatingIfNeeded: packed >> (16 * $0)))) }
    return Classifier.Judgement(rule: Int(rule), hit: Matcher.Hit(needle: needle), confidence: confidence, kept: Set(kept))
  }

  /// Whether `classifier` may take this as its judgement of `test` (with no exchange linked: the
  /// caller checks there is none to link).
  func holds(for test: borrowing TestResult, _ classifier: Classifier) -> Bool {
    by === classifier.identity && test.phase == phase && test.details?.skipReason == nil
  }
}

extension Classifier {
  /// A failure judged from its texts alone, as `judge(facts(test, correlator: nil))` judges a
  /// test that holds these texts, this phase and no skip reason.
  func judge(message: String, exceptionType: String?, detail: String?, phase: Phase?) -> Judgement {
    judge(
      FailureFacts(
        text: FailureFacts.failureText(message: message, detail: detail), exceptionType: exceptionType, phase: phase, phrases: phrases))
  }
}
