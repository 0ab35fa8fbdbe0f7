/// Triage made on another thread while the inputs are found and sniffed (compiling the rules
/// takes ~5 ms, before the read could begin): the reader's judge waits for it only when a
/// failure is first judged.
struct LateTriage: Sendable {
  private let made: Background<(triage: Triage, judge: any FailureJudge)>

  init(config: ReportConfig) {
    made = Background {
      let triage = Triage(config: config)
      return (triage, triage.judge)  // one judge: its signature book is shared by every failure
    }
  }

  /// The triage, once made.
  var triage: Triage { made.wait().triage }

  /// What judges failures while they are read, as `Triage.judge` does.
  var judge: any FailureJudge { Judge(made: made) }

  private struct Judge: FailureJudge {
    let made: Background<(triage: Triage, judge: any FailureJudge)>

    func prejudge(message: String, exceptionType: String?, detail: String?, phase: Phase?) -> PrejudgedFailure? {
      made.wait().judge.prejudge(message: message, exceptionType: exceptionType, detail: detail, phase: phase)
    }
  }
}
