/// Receives the events of `XMLScanner`, in document order.
protocol XMLScannerDelegate: AnyObject {
  /// Whether text and CDATA inside the current element should be delivered.
  var wantsText: Bool { get }
  func startElement(_ tag: XMLTag, line: Int)
  /// `name` points into the scanner's buffer: valid during the call only.
  func endElement(_ name: UnsafeBufferPointer<UInt8>, line: Int)
  /// Character data with entities already decoded (CDATA delivered as is).
  func text(_ bytes: UnsafeBufferPointer<UInt8>)
}

/// Why a document stopped before its end.
struct XMLDamage: Error, Equatable {
  var line: Int
  var message: String
}

/// A streaming, non-validating XML scanner over a file, read in chunks.
///
/// It never loads a DTD and never expands entities other than the five predefined ones and
/// character references, so external-entity payloads stay inert text. Memory is bounded by the
/// largest single token (a tag, a comment, a CDATA section), not by the file.
final class XMLScanner {
  private let stream: UTF8Stream
  private var buf: [UInt8] = []
  private var pos = 0
  private var eof = false
  private(set) var line = 1
  /// The names of the open elements, flat: `openNames[openStarts[k]...]` is the k-th name.
  private var openNames: [UInt8] = []
  private var openStarts: [Int] = []
  private var attributeScratch: [XMLTag.Attribute] = []

  /// How much of a document this scanner sees.
  enum Part {
    /// The whole document.
    case whole
    /// Its first bytes: ending with elements still open is expected, not damage.
    case head
    /// Its remaining bytes, inside elements opened before: closing those is expected.
    case tail
  }

  private let part: Part
  /// The elements a `.tail` scanner closed that it had not opened, innermost first.
  private(set) var closedInherited: [String] = []

  init?(path: String) {
    guard let stream = UTF8Stream(path: path) else { return nil }
    self.stream = stream
    self.part = .whole
  }

  /// A scanner over the bytes `range` of a UTF-8 file, as the `part` of the document they are.
  init?(path: String, range: Range<Int>, part: Part) {
    guard let stream = UTF8Stream(path: path, utf8Range: range) else { return nil }
    self.stream = stream
    self.part = part
  }

  /// The names of the elements open where the scan stopped, outermost first.
  var openElementNames: [String] {
    openStarts.indices.map { k in
      let end = k + 1 < openStarts.count ? openStarts[k + 1] : openNames.count
      return String(decoding: openNames[openStarts[k]..<end], as: UTF8.self)
    }
  }

  /// Scans the whole document; returns the damage that stopped it, if any.
  func scan(_ delegate: some XMLScannerDelegate) -> XMLDamage? {
    var sawRoot = part == .tail
    while true {
      if pos >= buf.count && !refill() { break }
      if buf[pos] == UInt8(ascii: "<") {
        guard let end = tagEnd(from: pos) else {
          if refill() { continue }
          return XMLDamage(line: line, message: "file ends inside \(describeToken(at: pos))")
        }
        if let damage = handleMarkup(pos, end, delegate, &sawRoot) { return damage }
        countLines(pos, end)
        pos = end
        if sawRoot && openStarts.isEmpty && part == .whole { return nil }
      } else {
        let stop = textEnd(from: pos)
        if stop == pos {  // an entity cut by the chunk boundary
          if refill() { continue }
          break
        }
        if delegate.wantsText && !openStarts.isEmpty {
          deliverText(pos, stop, delegate)
        }
        countLines(pos, stop)
        pos = stop
      }
    }
    if part == .head { return nil }
    if let start = openStarts.last {
      return XMLDamage(line: line, message: "file ends before </\(String(decoding: openNames[start...], as: UTF8.self))> (truncated?)")
    }
    if !sawRoot { return XMLDamage(line: line, message: "no XML element found") }
    return nil
  }

  // MARK: buffer

  /// Reads the next chunk, keeping the unconsumed bytes; false at the end of the file.
  private func refill() -> Bool {
    if eof { return false }
    if pos > 0 { buf.removeFirst(pos); pos = 0 }
    let before = buf.count
    while buf.count == before {
      if !stream.next(into: &buf) { eof = true; return buf.count > before }
    }
    return true
  }

  /// Counts the line feeds of `a..<b` (every byte of the file passes here), eight at a time.
  private func countLines(_ a: Int, _ b: Int) {
    buf.withUnsafeBufferPointer { p in
      guard let base = p.baseAddress else { return }
      var n = 0
      var i = a
      let lf = ByteWord.repeating(0x0A)
      while i + 8 <= b {
        n += ByteWord.zeros(ByteWord.load(base + i) ^ lf).nonzeroBitCount
        i += 8
      }
      while i < b {
        if p[i] == 0x0A { n += 1 }
        i += 1
      }
      line += n
    }
  }

  // MARK: tokens

  /// The index just past the markup starting at `start`, or nil when the buffer ends first.
  private func tagEnd(from start: Int) -> Int? {
    buf.withUnsafeBufferPointer { p -> Int? in
      let n = p.count
      guard start + 1 < n else { return nil }
      if p[start + 1] == UInt8(ascii: "!") {
        if p.has("<!--", at: start) { return end(of: "-->", in: p, from: start + 4) }
        if p.has("<![CDATA[", at: start) { return end(of: "]]>", in: p, from: start + 9) }
        if start + 9 > n { return nil }  // not enough bytes to tell
        var depth = 0
        var quote: UInt8 = 0
        for i in (start + 2)..<n {
          let c = p[i]
          if quote != 0 { if c == quote { quote = 0 }; continue }
          if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
            quote = c
          } else if c == UInt8(ascii: "[") {
            depth += 1
          } else if c == UInt8(ascii: "]") {
            depth -= 1
          } else if c == UInt8(ascii: ">") && depth <= 0 {
            return i + 1
          }
        }
        return nil
      }
      if p[start + 1] == UInt8(ascii: "?") { return end(of: "?>", in: p, from: start + 2) }
      // Outside quotes the first `"`, `'` or `>` decides; inside, the first of the same quote
      // closes. Each found eight bytes at a time.
      var i = start + 1
      while true {
        i = p.firstIndex(ofAny: UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: ">"), UInt8(ascii: ">"), from: i)
        guard i < n else { return nil }
        if p[i] == UInt8(ascii: ">") { return i + 1 }
        let quote = p[i]
        i = p.firstIndex(ofAny: quote, quote, quote, quote, from: i + 1)
        guard i < n else { return nil }
        i += 1
      }
    }
  }

  private func describeToken(at start: Int) -> String {
    if buf[start...].starts(with: Array("<![CDATA[".utf8)) { return "a CDATA section" }
    if buf[start...].starts(with: Array("<!--".utf8)) { return "a comment" }
    return "a tag"
  }

  /// Where text starting at `start` stops: at `<`, or before an entity the buffer cuts.
  private func textEnd(from start: Int) -> Int {
    buf.withUnsafeBufferPointer { p in
      let i = p.firstIndex(ofByte: UInt8(ascii: "<"), from: start) ?? p.count
      if i == p.count && !eof {
        // Do not split an entity reference between two chunks.
        var k = i - 1
        while k >= start && k >= i - 12 {
          if p[k] == UInt8(ascii: ";") { break }
          if p[k] == UInt8(ascii: "&") { return k }
          k -= 1
        }
      }
      return i
    }
  }

  private func handleMarkup(_ start: Int, _ end: Int, _ delegate: some XMLScannerDelegate, _ sawRoot: inout Bool) -> XMLDamage? {
    let second = buf[start + 1]
    if second == UInt8(ascii: "?") { return nil }
    if second == UInt8(ascii: "!") {
      if buf[start...].starts(with: Array("<![CDATA[".utf8)) {
        guard !openStarts.isEmpty else { return XMLDamage(line: line, message: "CDATA outside the root element") }
        if delegate.wantsText {
          buf.withUnsafeBufferPointer { p in delegate.text(UnsafeBufferPointer(rebasing: p[(start + 9)..<(end - 3)])) }
        }
      }
      return nil  // comments, DOCTYPE (never loaded, never expanded)
    }
    if second == UInt8(ascii: "/") {
      var i = start + 2
      while i < end - 1 && !isSpace(buf[i]) && buf[i] != UInt8(ascii: ">") { i += 1 }
      let name = start + 2..<i
      if openStarts.isEmpty && part == .tail {
        closedInherited.append(String(decoding: buf[name], as: UTF8.self))
        endElement(name, delegate)
        return nil
      }
      guard let openStart = openStarts.last else {
        return XMLDamage(line: line, message: "closing tag </\(String(decoding: buf[name], as: UTF8.self))> with no open element")
      }
      // Compared in place (slices of the two arrays would be retained and released per tag).
      let matches = buf.withUnsafeBufferPointer { p in
        openNames.withUnsafeBufferPointer { o in
          UnsafeBufferPointer(rebasing: o[openStart...]).equals(UnsafeBufferPointer(rebasing: p[name]))
        }
      }
      guard matches else {
        return XMLDamage(
          line: line,
          message:
            "closing tag </\(String(decoding: buf[name], as: UTF8.self))> does not match <\(String(decoding: openNames[openStart...], as: UTF8.self))>"
        )
      }
      openNames.removeLast(openNames.count - openStart)
      openStarts.removeLast()
      endElement(name, delegate)
      return nil
    }
    let parsed = buf.withUnsafeBufferPointer { p in
      XMLTag.parse(UnsafeBufferPointer(rebasing: p[start..<end]), scratch: &attributeScratch)
    }
    guard let parsed else { return XMLDamage(line: line, message: "malformed tag") }
    if openStarts.isEmpty && sawRoot && part != .tail {
      return XMLDamage(line: line, message: "content after the root element")
    }
    sawRoot = true
    // The tag is read in place: the buffer and the attributes stay put while the delegate runs.
    buf.withUnsafeBufferPointer { p in
      attributeScratch.withUnsafeBufferPointer { attributes in
        let tag = XMLTag(UnsafeBufferPointer(rebasing: p[start..<end]), parsed, attributes: attributes)
        delegate.startElement(tag, line: line)
        if tag.selfClosing { delegate.endElement(tag.name, line: line) }
      }
    }
    if !parsed.selfClosing {
      openStarts.append(openNames.count)
      openNames.append(contentsOf: buf[(start + parsed.name.lowerBound)..<(start + parsed.name.upperBound)])
    }
    return nil
  }

  /// Tells the delegate that the element named by the bytes `name` of the buffer ends.
  private func endElement(_ name: Range<Int>, _ delegate: some XMLScannerDelegate) {
    buf.withUnsafeBufferPointer { p in delegate.endElement(UnsafeBufferPointer(rebasing: p[name]), line: line) }
  }

  private func deliverText(_ a: Int, _ b: Int, _ delegate: some XMLScannerDelegate) {
    buf.withUnsafeBufferPointer { p in
      let text = UnsafeBufferPointer(rebasing: p[a..<b])
      if text.firstIndex(ofByte: UInt8(ascii: "&")) != nil {
        XMLEntities.decode(text).withUnsafeBufferPointer { delegate.text($0) }
      } else {
        delegate.text(text)
      }
    }
  }

  /// Just after the first `s` at or after `from`.
  private func end(of s: StaticString, in p: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
    p.firstIndex(of: s, from: from).map { $0 + s.utf8CodeUnitCount }
  }
}

@inline(__always) func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 }
