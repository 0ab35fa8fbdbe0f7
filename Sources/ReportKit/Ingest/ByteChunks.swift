#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads a file in fixed-size chunks, so memory stays flat however large the input is.
final class ByteChunks {
  private let fd: Int32
  let chunkSize: Int

  /// Opens `path` for reading; nil when it cannot be opened.
  init?(path: String, chunkSize: Int = 1 << 20) {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { return nil }
    self.fd = fd
    self.chunkSize = chunkSize
  }

  deinit { close(fd) }

  /// Appends up to `chunkSize` bytes to `buffer`; returns how many were read (0 at the end).
  func read(into buffer: inout [UInt8]) -> Int {
    let old = buffer.count
    buffer.reserveCapacity(old + chunkSize)
    var got = 0
    buffer.append(contentsOf: repeatElement(0, count: chunkSize))
    buffer.withUnsafeMutableBufferPointer { p in
      while true {
        let n = Glibc.read(fd, p.baseAddress! + old, chunkSize)
        if n < 0 && errno == EINTR { continue }
        got = max(n, 0)
        break
      }
    }
    buffer.removeLast(chunkSize - got)
    return got
  }

  /// The first `count` bytes of the file at `path` (for sniffing).
  static func head(of path: String, count: Int) -> [UInt8]? {
    guard let reader = ByteChunks(path: path, chunkSize: count) else { return nil }
    var out: [UInt8] = []
    _ = reader.read(into: &out)
    return out
  }
}
