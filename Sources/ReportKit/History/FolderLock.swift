import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An advisory lock (`flock`) on a folder, held by one process at a time until released.
///
/// Best effort: a folder that cannot be opened or locked (a file system without `flock`) is
/// not locked, and the caller goes on relying on SQLite's own locking.
final class FolderLock {
  private var descriptor: Int32

  /// Waits for the exclusive lock on `folder`.
  init(folder: String) {
    descriptor = open(folder, O_RDONLY)
    if descriptor >= 0 && flock(descriptor, LOCK_EX) != 0 {
      close(descriptor)
      descriptor = -1
    }
  }

  /// Releases the lock (also released when the process ends).
  func release() {
    guard descriptor >= 0 else { return }
    flock(descriptor, LOCK_UN)
    close(descriptor)
    descriptor = -1
  }

  deinit { release() }
}
