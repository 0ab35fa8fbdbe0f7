import Foundation

/// Judges failures while their log is read (`Prejudgement`) and makes each one's cluster
/// signature with its judgement: the reader's thread that judges has time to spare (on pytest
/// 1M it idles some 0.5 s while the other thread reads on), triage's workers do not (the
/// signature was 60% of their work per failure there).
///
/// Triage takes the signature with the judgement, when the judgement holds: the test then has
/// the message and exception type judged, and its category is the judged rule's.
///
/// Failures of a cluster share one signature string, as triage's own do (pytest 1M: 55k
/// failures, 1.4k signatures; a string each was 12 MB more at the read's end, over the bench's
/// memory bar).
struct SigningJudge: FailureJudge {
  let classifier: Classifier
  private let book = SignatureBook()

  init(classifier: Classifier) { self.classifier = classifier }

  /// The failure judged as `Classifier.judge(message:exceptionType:detail:phase:)` judges it, with
  /// the signature `Signature.of` gives a test holding these texts in the rule's category; nil
  /// when it does not pack.
  func prejudge(message: String, exceptionType: String?, detail: String?, phase: Phase?) -> PrejudgedFailure? {
    let j = classifier.judge(message: message, exceptionType: exceptionType, detail: detail, phase: phase)
    let signature = Signature.of(
      category: classifier.ranked[j.rule].category, exceptionType: exceptionType, message: message, keep: j.kept)
    return Prejudgement(by: classifier.identity, phase: phase, j, signature: book.shared(signature))
  }
}

/// The signatures made so far, one string each: readers of several files judge at once.
private final class SignatureBook: @unchecked Sendable {
  private let lock = NSLock()
  private var seen = Set<String>()  // guarded by `lock`

  /// The string equal to `signature` made first.
  func shared(_ signature: String) -> String {
    lock.lock()
    defer { lock.unlock() }
    return seen.insert(signature).memberAfterInsert
  }
}
