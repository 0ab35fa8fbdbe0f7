import Foundation

/// What the two-thread readers (JUnit, pytest, curl) share: which files are worth a second
/// thread, and where in a file the line a part starts at is.
enum SplitFile {
  /// The size of `path` when a second thread may read part of it: `threshold` bytes or more,
  /// UTF-8 (with a BOM only when `allowingBOM`), and no `REPORT_THREADS=1`; else nil.
  static func size(of path: String, threshold: Int, allowingBOM: Bool = false) -> Int? {
    guard ProcessInfo.processInfo.environment["REPORT_THREADS"] != "1",
      let size = ByteChunks.size(of: path), size >= threshold,
      let head = ByteChunks.head(of: path, count: 4)
    else { return nil }
    let encoding = TextEncoding.detect(head)
    return encoding == .utf8 || (allowingBOM && encoding == .utf8BOM) ? size : nil
  }

  /// The file offset of the first line that `matches` (given the line's bytes without its line
  /// break) among the lines that begin after `from` (the first line too when `from` is 0).
  static func firstLine(
    in path: String, from: Int = 0, chunkSize: Int = 4 << 20, where matches: (UnsafeBufferPointer<UInt8>) -> Bool
  ) -> Int? {
    guard let chunks = ByteChunks(path: path, chunkSize: chunkSize, range: from..<Int.max, counts: false) else { return nil }
    var data: [UInt8] = []  // from the first line not yet judged
    var dataOffset = from  // the file offset of data[0]
    var skipping = from > 0  // the line `from` falls in began before it
    while true {
      let chunk = chunks.next()
      data += chunk
      var start = 0
      let found = data.withUnsafeBufferPointer { p -> Int? in
        guard let base = p.baseAddress else { return nil }
        while start < p.count {
          guard let nl = memchr(base + start, 0x0A, p.count - start) else { break }  // an unfinished line
          let end = base.distance(to: nl.assumingMemoryBound(to: UInt8.self))
          if !skipping && matches(UnsafeBufferPointer(rebasing: p[start..<end])) { return dataOffset + start }
          skipping = false
          start = end + 1
        }
        return nil
      }
      if let found { return found }
      if chunk.isEmpty {  // the end: a last line without a line break
        guard !skipping, start < data.count else { return nil }
        return data.withUnsafeBufferPointer { matches(UnsafeBufferPointer(rebasing: $0[start...])) } ? dataOffset + start : nil
      }
      data.removeFirst(start)
      dataOffset += start
    }
  }
}
