import Foundation

/// A value computed on another thread (or handed over by one, `put`); `wait()` hands it over
/// once it is there.
final class Background<T>: @unchecked Sendable {
  private var value: T?
  private let group = DispatchGroup()

  /// Computes `work` on a thread of its own (`Detached.run`).
  convenience init(_ work: @escaping @Sendable () -> T) {
    self.init()
    Detached.run { self.put(work()) }
  }

  /// A value another thread will `put`.
  init() { group.enter() }

  /// Hands the value over: call once.
  func put(_ v: T) {
    value = v
    group.leave()
  }

  func wait() -> T {
    group.wait()
    guard let value else { preconditionFailure("the work sets the value before the group is left") }
    return value
  }

  /// The value, moved out: this object no longer holds it (a big result is then owned once, and
  /// can be changed in place). Call once; `join` waits without it.
  func take() -> T {
    let v = wait()
    value = nil
    return v
  }

  /// Waits for the work to end.
  func join() { group.wait() }
}

/// Work started on a thread of its own.
enum Detached {
  /// Runs `work` on a new thread of its own, not on Dispatch's global queue: that queue runs as
  /// many blocks at once as there are cores, so on two cores a block queued behind two long
  /// ones (report.json's writer waits on a semaphore in one) waited for them to end, while the
  /// thread that needed its result idled (the false greens on a curl run waited ~100 ms).
  static func run(_ work: @escaping @Sendable () -> Void) {
    Thread(block: work).start()
  }
}
