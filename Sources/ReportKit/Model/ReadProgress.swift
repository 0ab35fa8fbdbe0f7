import Synchronization

/// How many bytes of input have been read so far, across every reader thread: what a progress
/// line shows. Readers add as they read; nothing else depends on it.
enum ReadProgress {
  static let bytes = Atomic<Int>(0)

  static func add(_ n: Int) { bytes.add(n, ordering: .relaxed) }
}
