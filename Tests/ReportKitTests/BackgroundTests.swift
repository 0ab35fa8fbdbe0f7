import Foundation
import Testing

@testable import ReportKit

/// Work handed to `Background` starts at once, however many other pieces of work are waiting.
@Suite struct BackgroundTests {
  /// More blocked pieces of work than there are cores, then the one that frees them: on
  /// Dispatch's global queue (as many blocks at once as cores) the last one waited behind the
  /// blocked ones until the queue added a thread, ~4 s later on two cores; on threads of their
  /// own all end at once (in ~1 ms). The limit is not a speed target: it is 2,000 times that,
  /// and half of what the queue took.
  @Test func workQueuedBehindBlockedWorkStillStarts() {
    let blockers = ProcessInfo.processInfo.activeProcessorCount + 2
    let gate = DispatchSemaphore(value: 0)
    let waiting = (0..<blockers).map { k in
      Background { () -> Int in
        gate.wait()
        return k
      }
    }
    let opener = Background { () -> Bool in
      for _ in 0..<blockers { gate.signal() }
      return true
    }
    let ended = DispatchGroup()
    ended.enter()
    Detached.run {
      _ = opener.wait()
      for w in waiting { _ = w.wait() }
      ended.leave()
    }
    let endedInTime = ended.wait(timeout: .now() + 2) == .success
    #expect(endedInTime)
    if endedInTime { #expect(waiting.map { $0.wait() } == Array(0..<blockers)) }
  }

  /// `take` hands the value over once and leaves the object without it.
  @Test func takeHandsTheValueOver() {
    let b = Background { [1, 2, 3] }
    #expect(b.take() == [1, 2, 3])
  }
}
