/// Splits a text file into numbered lines: any encoding `UTF8Stream` reads, LF, CRLF or bare CR
/// line ends, ANSI colour codes stripped, invalid UTF-8 replaced.
///
/// A line longer than `maxLine` bytes is cut as it is read: its first `maxLine` bytes are kept,
/// followed by `[… N bytes cut]`, and the rest is counted, never held. Memory stays within one
/// line's cap plus one chunk, however long a line is (a 1 GB `E` line of an assertion diff).
struct LineReader {
  let path: String
  /// Only these bytes of a UTF-8 file (a range starts at a line's first byte), else the whole file.
  var range: Range<Int>? = nil
  /// The number of the first line read.
  var firstLine = 1

  /// The longest line kept whole (64 KiB): more than any message or traceback line a report shows.
  static let maxLine = 64 << 10

  /// Calls `body` with each line (1-based number, text); stops early when it returns false.
  /// Returns false when the file cannot be opened.
  @discardableResult
  func forEach(_ body: (Int, String) -> Bool) -> Bool {
    forEachLine { number, text, _ in body(number, text) }
  }

  /// `forEach`, with each line's byte offset in the file (exact for UTF-8 without a BOM).
  ///
  /// `skip` is asked first, with the line's number and its bytes, when they are the bytes the
  /// String would hold (no ANSI code, not cut): a line it takes is counted but never made a
  /// String, and `body` is not called for it (most lines of a curl trace say nothing).
  @discardableResult
  func forEachLine(
    skip: (Int, UnsafeBufferPointer<UInt8>) -> Bool = { _, _ in false }, _ body: (Int, String, Int) -> Bool
  ) -> Bool {
    guard let stream = range.map({ UTF8Stream(path: path, utf8Range: $0) }) ?? UTF8Stream(path: path) else { return false }
    var buffer: [UInt8] = []
    var lineNumber = firstLine - 1
    var lineOffset = range?.lowerBound ?? 0  // the file offset of the current line's first byte
    var more = true
    var start = 0  // where the current line begins in `buffer`
    var scan = 0  // the next byte to look at: bytes are scanned once, never again
    var cut = 0  // bytes of the current line dropped beyond `maxLine`
    var escaped = false  // whether an ESC was seen in the current line's bytes scanned so far
    /// The line `start..<end` of `p`, cut at `maxLine` with a note of how much was dropped.
    func line(_ p: UnsafeBufferPointer<UInt8>, _ end: Int, plain: Bool?) -> String {
      let keep = min(end, start + Self.maxLine)
      let dropped = cut + (end - keep)
      let text = Self.string(p, start, keep, plain: plain)
      return dropped > 0 ? text + " [… \(dropped) bytes cut]" : text
    }
    /// Hands the line `start..<end` of `p` to `skip`, then to `body`; false: stop.
    func deliver(_ p: UnsafeBufferPointer<UInt8>, _ end: Int) -> Bool {
      let bytes = UnsafeBufferPointer(rebasing: p[start..<end])
      // Whether the line has no ANSI code (its ESC bytes were seen while its end was looked
      // for): asked once, for `skip` and for the String.
      let plain = cut == 0 && bytes.count <= Self.maxLine ? !escaped : nil
      return plain == true && skip(lineNumber, bytes) || body(lineNumber, line(p, end, plain: plain), lineOffset)
    }
    while more {
      more = stream.next(into: &buffer)
      var stop = false
      buffer.withUnsafeBufferPointer { p in
        var i = scan
        while true {
          i = Self.lineBreakOrEscape(in: p, from: i)
          guard i < p.count else { break }
          let b = p[i]
          if b == 0x1B {
            escaped = true
            i += 1
            continue
          }
          // A CR at the very end of a chunk may be half of a CRLF: wait for more.
          if b == 0x0D && i + 1 == p.count && more { break }
          lineNumber += 1
          if !deliver(p, i) { stop = true; return }
          let end = i
          i += (b == 0x0D && i + 1 < p.count && p[i + 1] == 0x0A) ? 2 : 1
          // The next line starts after this one's bytes as the file has them (cut ones too).
          lineOffset += (end - start) + cut + (i - end)
          start = i
          cut = 0
          escaped = false
        }
        scan = i
      }
      if stop { return true }
      // A line past its cap: keep its head, count and drop the rest read so far.
      if scan - start > Self.maxLine {
        let keepEnd = start + Self.maxLine
        cut += scan - keepEnd
        buffer.removeSubrange(keepEnd..<scan)
        scan = keepEnd
      }
      buffer.removeFirst(start)
      scan -= start
      start = 0
    }
    if !buffer.isEmpty {
      lineNumber += 1
      _ = buffer.withUnsafeBufferPointer { deliver($0, $0.count) }
    }
    return true
  }

  /// The first LF, CR or ESC at or after `from`, else `p.count`: eight bytes at a time (every
  /// byte of a million-test log passes here). A line's ESC bytes (the start of an ANSI code) are
  /// noted in the same pass that finds its end.
  static func lineBreakOrEscape(in p: UnsafeBufferPointer<UInt8>, from: Int) -> Int {
    p.firstIndex(ofAny: 0x0A, 0x0D, 0x1B, 0x0D, from: from)
  }

  /// The bytes `from..<to` as a String, with ANSI escape sequences removed (`plain`: whether
  /// they hold none is known; nil: look).
  static func string(_ p: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int, plain: Bool?) -> String {
    if plain ?? (UnsafeBufferPointer(rebasing: p[from..<to]).firstIndex(ofByte: 0x1B) == nil) {
      return String(decoding: UnsafeBufferPointer(rebasing: p[from..<to]), as: UTF8.self)
    }
    return String(decoding: ANSI.strip(p[from..<to]), as: UTF8.self)
  }
}

/// Removes terminal colour and cursor codes (CSI `ESC [ ... final` and OSC `ESC ] ... BEL`).
enum ANSI {
  static func strip<C: Collection>(_ bytes: C) -> [UInt8] where C.Element == UInt8, C.Index == Int {
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var i = bytes.startIndex
    while i < bytes.endIndex {
      let b = bytes[i]
      guard b == 0x1B, i + 1 < bytes.endIndex else { out.append(b); i += 1; continue }
      let kind = bytes[i + 1]
      i += 2
      if kind == UInt8(ascii: "[") {
        while i < bytes.endIndex, !(0x40...0x7E).contains(bytes[i]) { i += 1 }
        i += 1
      } else if kind == UInt8(ascii: "]") {
        while i < bytes.endIndex, bytes[i] != 0x07, bytes[i] != 0x1B { i += 1 }
        if i < bytes.endIndex, bytes[i] == 0x1B { i += 1 }  // ESC \ terminator
        i += 1
      }
    }
    return out
  }

  static func strip(_ text: String) -> String {
    guard text.utf8.contains(0x1B) else { return text }
    return String(decoding: strip(Array(text.utf8)), as: UTF8.self)
  }
}
