#if canImport(Glibc)
  import Glibc
#endif

/// A buffered byte writer to a file descriptor: large outputs are written as they are made.
final class OutputSink {
  private let fd: Int32
  private var buffer: [UInt8] = []
  private(set) var failed = false
  /// The errno of the first write or sync that failed.
  private(set) var errorCode: Int32 = 0

  /// What went wrong, in words (`No space left on device`).
  var errorText: String { String(cString: strerror(errorCode == 0 ? EIO : errorCode)) }

  /// Creates (or truncates) `path` for writing; nil when it cannot be created.
  init?(path: String) {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard fd >= 0 else { return nil }
    self.fd = fd
    buffer.reserveCapacity(1 << 20)
  }

  deinit { close(fd) }

  func write(_ s: String) {
    var s = s
    s.withUTF8 { buffer.append(contentsOf: $0) }
    if buffer.count >= 1 << 20 { flush() }
  }

  func write(bytes: some Sequence<UInt8>) {
    buffer.append(contentsOf: bytes)
    if buffer.count >= 1 << 20 { flush() }
  }

  func byte(_ b: UInt8) { buffer.append(b) }

  /// Writes what is buffered; sets `failed` on an I/O error.
  func flush() {
    buffer.withUnsafeBytes { p in
      guard let base = p.baseAddress else { return }
      var off = 0
      while off < p.count {
        let n = Glibc.write(fd, base + off, p.count - off)
        if n < 0 {
          if errno == EINTR { continue }
          if !failed { errorCode = errno }
          failed = true
          return
        }
        off += n
      }
    }
    buffer.removeAll(keepingCapacity: true)
  }

  /// Flushes and forces the bytes to disk.
  func finish() -> Bool {
    flush()
    if fsync(fd) != 0 {
      if !failed { errorCode = errno }
      failed = true
    }
    return !failed
  }
}
