import Foundation

/// A value computed on another thread (or handed over by one, `put`); `wait()` hands it over
/// once it is there.
final class Background<T>: @unchecked Sendable {
  private var value: T?
  private let group = DispatchGroup()

  /// Computes `work` on a thread of Dispatch's global queue.
  convenience init(_ work: @escaping @Sendable () -> T) {
    self.init()
    DispatchQueue.global().async { self.put(work()) }
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
