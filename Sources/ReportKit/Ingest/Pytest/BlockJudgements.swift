import Synchronization

/// The failures of the blocks one thread read, judged by that thread while the other reads on
/// (see `PrejudgedFailure`), handed over when the other asks.
///
/// Asking stops the judging: the answer never waits for more than the block being judged, and
/// holds the judgements made so far (the rest are judged by triage, as without any). A log whose
/// tests take less time to index than its blocks to judge loses nothing by it.
final class BlockJudgements: Sendable {
  private let made = Background<[PrejudgedFailure?]>()
  private let stop = Atomic<Bool>(false)
  /// Whether asking stops the judging (tests ask for every block judged: false).
  private let stopsWhenAsked: Bool

  init(stopsWhenAsked: Bool = true) { self.stopsWhenAsked = stopsWhenAsked }

  /// Judges `blocks` in order until asked (`take`), then hands over what it has. Call once, or
  /// `none` instead. The blocks are let go of before the judgements are handed over: their reader
  /// changes them in place once it has the judgements.
  func make(_ blocks: consuming [PytestBlock], by judge: any FailureJudge) {
    var out: [PrejudgedFailure?] = []
    out.reserveCapacity(blocks.count)
    for k in blocks.indices {
      if stop.load(ordering: .relaxed) { break }
      out.append(blocks[k].prejudged(by: judge))
    }
    _ = consume blocks
    made.put(out)
  }

  /// Hands over no judgement.
  func none() { made.put([]) }

  /// The judgements made so far, in the order of the blocks (fewer than the blocks when judging
  /// was stopped); judging stops. Call once.
  func take() -> [PrejudgedFailure?] {
    if stopsWhenAsked { stopJudging() }
    return made.take()
  }

  /// Stops the judging at the next block (`take` does it first).
  func stopJudging() { stop.store(true, ordering: .relaxed) }
}
