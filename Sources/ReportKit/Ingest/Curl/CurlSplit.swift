import Foundation

/// Where a large curl log can be split: the start of a `+ curl ` line (a command echoed by
/// `set -x`) at or after the middle of the file.
enum CurlSplit {
  static func point(path: String, threshold: Int) -> (at: Int, size: Int)? {
    guard ProcessInfo.processInfo.environment["REPORT_THREADS"] != "1",
      let size = ByteChunks.size(of: path), size >= threshold,
      let head = ByteChunks.head(of: path, count: 4), TextEncoding.detect(head) == .utf8
    else { return nil }
    let middle = size / 2
    guard let chunks = ByteChunks(path: path, chunkSize: 1 << 20, range: middle..<size, counts: false) else { return nil }
    let needle = Array("\n+ curl ".utf8)
    var data: [UInt8] = []
    var dataOffset = middle
    while true {
      let chunk = chunks.next()
      if chunk.isEmpty { return nil }
      data += chunk
      if let k = firstIndex(of: needle, in: data) { return (dataOffset + k + 1, size) }
      // Keep the bytes that could begin the needle across the chunk's end.
      let keep = min(data.count, needle.count - 1)
      dataOffset += data.count - keep
      data = Array(data.suffix(keep))
    }
  }

  private static func firstIndex(of needle: [UInt8], in data: [UInt8]) -> Int? {
    data.withUnsafeBufferPointer { p -> Int? in
      guard let base = p.baseAddress, p.count >= needle.count else { return nil }
      var i = 0
      while i <= p.count - needle.count {
        guard let nl = memchr(base + i, Int32(needle[0]), p.count - needle.count + 1 - i) else { return nil }
        let k = base.distance(to: nl.assumingMemoryBound(to: UInt8.self))
        if needle.indices.allSatisfy({ p[k + $0] == needle[$0] }) { return k }
        i = k + 1
      }
      return nil
    }
  }
}
