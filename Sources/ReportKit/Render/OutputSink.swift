#if canImport(Glibc)
  import Glibc
#endif

/// A buffered byte writer to a file descriptor: large outputs are written as they are made.
///
/// The buffer is raw memory, not an array: report.json of a million tests is written in tens of
/// millions of small pieces, and an array's append checked its uniqueness and capacity for each.
final class OutputSink {
  private let fd: Int32
  private static let capacity = 1 << 20
  private let buffer: UnsafeMutablePointer<UInt8>
  /// Bytes buffered, from `buffer`.
  private var count = 0
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
    buffer = .allocate(capacity: Self.capacity)
  }

  deinit {
    buffer.deallocate()
    close(fd)
  }

  func write(_ s: String) { s.withUTF8Bytes { append($0) } }

  func write(bytes: UnsafeBufferPointer<UInt8>) { append(bytes) }

  /// Static text (a key, a mark), copied as it is.
  func write(static s: StaticString) { append(UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount)) }

  func write(bytes: [UInt8]) { bytes.withUnsafeBufferPointer { append($0) } }

  /// `n` in decimal, as `String(n)` spells it, its digits put straight into the buffer
  /// (report.json writes a number or two per test and per evidence line).
  func decimal(_ n: Int) {
    if count + 24 > Self.capacity { flush() }  // 20 digits and a sign at most
    var digits = 1
    var rest = n.magnitude / 10
    while rest > 0 { digits += 1; rest /= 10 }
    let end = count + digits + (n < 0 ? 1 : 0)
    var at = end
    var v = n.magnitude
    repeat {
      at -= 1
      buffer[at] = UInt8(ascii: "0") + UInt8(v % 10)
      v /= 10
    } while v > 0
    if n < 0 { buffer[at - 1] = UInt8(ascii: "-") }
    count = end
  }

  func byte(_ b: UInt8) {
    if count == Self.capacity { flush() }
    buffer[count] = b
    count += 1
  }

  private func append(_ p: UnsafeBufferPointer<UInt8>) {
    guard let base = p.baseAddress, !p.isEmpty else { return }
    if count + p.count > Self.capacity {
      flush()
      if p.count > Self.capacity { return send(p) }  // larger than the buffer: written as it is
    }
    (buffer + count).update(from: base, count: p.count)
    count += p.count
  }

  /// Writes what is buffered; sets `failed` on an I/O error.
  func flush() {
    send(UnsafeBufferPointer(start: buffer, count: count))
    count = 0
  }

  /// Writes `p` to the file; sets `failed` on an I/O error (the rest of `p` is dropped).
  private func send(_ p: UnsafeBufferPointer<UInt8>) {
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

  /// Appends the whole file at `path` (after what is buffered), through the buffer; false, with
  /// `failed` set, when it cannot be read or written.
  func append(contentsOf path: String) -> Bool {
    flush()
    let source = open(path, O_RDONLY)
    guard source >= 0 else {
      if !failed { errorCode = errno }
      failed = true
      return false
    }
    defer { close(source) }
    while !failed {
      let got = read(source, buffer, Self.capacity)
      if got < 0 && errno == EINTR { continue }
      guard got > 0 else {
        if got < 0 {
          errorCode = errno
          failed = true
        }
        break
      }
      send(UnsafeBufferPointer(start: buffer, count: got))
    }
    return !failed
  }

  /// Flushes and (`sync`) forces the bytes to disk.
  func finish(sync: Bool = true) -> Bool {
    flush()
    if sync && fsync(fd) != 0 {
      if !failed { errorCode = errno }
      failed = true
    }
    return !failed
  }
}
