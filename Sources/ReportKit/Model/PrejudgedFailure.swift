/// A failure's verdict worked out while its log was still read, carried with the test's details
/// until triage takes it (a reader with a thread to spare makes it; what it holds is the
/// classifier's own, a subclass of this). Immutable.
class PrejudgedFailure: @unchecked Sendable {
  /// The phase the failure was judged in: a test in another phase by the time of triage is
  /// judged again.
  let phase: Phase?

  init(phase: Phase?) { self.phase = phase }
}

extension Run {
  /// Lets go of the judgements made while reading, once triage has read them (one per failure of
  /// a large pytest log: 3.5 MiB on pytest 1M, at the peak otherwise). Called by the run's owner
  /// when nothing else reads the run's details.
  func releasePrejudgements(of tests: some Sequence<Int>) {
    for i in tests { self.tests[i].details?.prejudged = nil }
  }
}

/// What judges failures while they are read: the classifier, handed to the readers by the
/// pipeline (readers name no classification type).
protocol FailureJudge: Sendable {
  /// The verdict of a failing test that holds these texts, this phase and no skip reason, with
  /// no exchange linked; nil when it is not worth keeping.
  func prejudge(message: String, exceptionType: String?, detail: String?, phase: Phase?) -> PrejudgedFailure?
}
