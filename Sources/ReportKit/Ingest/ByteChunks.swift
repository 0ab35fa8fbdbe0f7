#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads a file in fixed-size chunks, so memory stays flat however large the input is.
final class ByteChunks {
  private let fd: Int32
  let chunkSize: Int
  /// Bytes left to read when only a range of the file is read.
  private var remaining: Int?
  /// Whether the bytes read count towards the progress line (a sniffed head does not).
  private let counts: Bool

  /// Opens `path` for reading (`range`: only those bytes); nil when it cannot be opened.
  init?(path: String, chunkSize: Int = 1 << 20, range: Range<Int>? = nil, counts: Bool = true) {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { return nil }
    if let range, lseek(fd, off_t(range.lowerBound), SEEK_SET) < 0 { close(fd); return nil }
    self.fd = fd
    self.chunkSize = chunkSize
    self.remaining = range?.count
    self.counts = counts
  }

  /// The size of the file at `path`, or nil.
  static func size(of path: String) -> Int? {
    var st = stat()
    guard stat(path, &st) == 0 else { return nil }
    return Int(st.st_size)
  }

  deinit { close(fd) }

  /// The next chunk of up to `chunkSize` bytes; empty at the end of the file (or range).
  func next() -> [UInt8] {
    let want = min(chunkSize, remaining ?? chunkSize)
    guard want > 0 else { return [] }
    // Read straight into uninitialized storage: no zero-filling of the chunk first.
    let chunk = [UInt8](unsafeUninitializedCapacity: want) { storage, count in
      guard let base = storage.baseAddress else { return count = 0 }
      var n = 0
      repeat { n = Glibc.read(fd, base, want) } while n < 0 && errno == EINTR
      count = max(n, 0)
    }
    if let left = remaining { remaining = left - chunk.count }
    if counts { ReadProgress.add(chunk.count) }
    return chunk
  }

  /// The first `count` bytes of the file at `path` (for sniffing).
  static func head(of path: String, count: Int) -> [UInt8]? {
    ByteChunks(path: path, chunkSize: count, counts: false)?.next()
  }
}
