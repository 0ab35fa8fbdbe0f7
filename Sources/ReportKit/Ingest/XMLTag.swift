/// A start tag: its name and attributes, read in place from the scanner's buffer. Valid during
/// the delegate call only (its pointers are the buffer's): copy what you keep. Nothing in it is
/// reference counted, so passing or copying a tag costs no retain.
struct XMLTag {
  /// An attribute's name and value, as offsets into the tag's bytes.
  typealias Attribute = (name: Range<Int>, value: Range<Int>)

  let name: UnsafeBufferPointer<UInt8>
  let selfClosing: Bool
  private let raw: UnsafeBufferPointer<UInt8>
  private let attributes: UnsafeBufferPointer<Attribute>

  /// The tag `raw` (`<name a="1" b='2' ...>` or `<name .../>`) with its attributes as `parse`
  /// found them.
  init(_ raw: UnsafeBufferPointer<UInt8>, _ parsed: (name: Range<Int>, selfClosing: Bool), attributes: UnsafeBufferPointer<Attribute>) {
    self.raw = raw
    name = UnsafeBufferPointer(rebasing: raw[parsed.name])
    selfClosing = parsed.selfClosing
    self.attributes = attributes
  }

  /// Finds the name and the attributes (into `scratch`, reused from tag to tag so that no tag
  /// allocates) of `<name a="1" b='2' ...>` or `<name .../>`; nil when it is not a start tag.
  static func parse(_ raw: UnsafeBufferPointer<UInt8>, scratch: inout [Attribute]) -> (name: Range<Int>, selfClosing: Bool)? {
    scratch.removeAll(keepingCapacity: true)
    var i = 1
    let end = raw.count - 1  // the '>'
    let selfClosing = end > i && raw[end - 1] == UInt8(ascii: "/")
    let limit = selfClosing ? end - 1 : end
    let nameStart = i
    while i < limit && !isSpace(raw[i]) { i += 1 }
    guard i > nameStart else { return nil }
    let name = nameStart..<i
    while i < limit {
      while i < limit && isSpace(raw[i]) { i += 1 }
      let an = i
      while i < limit && raw[i] != UInt8(ascii: "=") && !isSpace(raw[i]) { i += 1 }
      let anEnd = i
      while i < limit && isSpace(raw[i]) { i += 1 }
      guard i < limit, raw[i] == UInt8(ascii: "=") else { if anEnd > an { continue } else { break } }
      i += 1
      while i < limit && isSpace(raw[i]) { i += 1 }
      guard i < limit else { break }
      let quote = raw[i]
      guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else {
        // Unquoted value (not XML, but seen in hand-made files): up to the next space.
        let vs = i
        while i < limit && !isSpace(raw[i]) { i += 1 }
        scratch.append((an..<anEnd, vs..<i))
        continue
      }
      i += 1
      let vs = i
      while i < limit && raw[i] != quote { i += 1 }
      scratch.append((an..<anEnd, vs..<i))
      i += 1
    }
    return (name, selfClosing)
  }

  /// The decoded value of attribute `key`, or nil when absent.
  func attribute(_ key: StaticString) -> String? {
    attributeBytes(key).map(string)
  }

  /// An attribute's value (as `attributeBytes` gives it) with its entities decoded.
  func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    if bytes.firstIndex(ofByte: UInt8(ascii: "&")) == nil { return String(decoding: bytes, as: UTF8.self) }
    return String(decoding: XMLEntities.decode(bytes), as: UTF8.self)
  }

  func attributeBytes(_ key: StaticString) -> UnsafeBufferPointer<UInt8>? {
    let n = key.utf8CodeUnitCount
    let k = key.utf8Start
    outer: for a in attributes where a.name.count == n {
      var i = 0
      for b in raw[a.name] {
        if b != k[i] { continue outer }
        i += 1
      }
      return UnsafeBufferPointer(rebasing: raw[a.value])
    }
    return nil
  }

  /// The name without a namespace prefix (`ns2:test-suite` → `test-suite`).
  var localName: UnsafeBufferPointer<UInt8> {
    if let colon = name.lastIndex(of: UInt8(ascii: ":")) { return UnsafeBufferPointer(rebasing: name[(colon + 1)...]) }
    return name
  }
}

/// Decodes the predefined entities and character references; leaves every other `&name;` as text.
enum XMLEntities {
  /// `s` with its entity and character references decoded; any other `&` kept as it is. The
  /// bytes between references are copied as runs (tracebacks in JUnit files are full of `&lt;`).
  static func decode(_ s: UnsafeBufferPointer<UInt8>) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(s.count)
    var copied = 0  // the bytes before this are in `out`
    var i = 0
    while let amp = s.firstIndex(ofByte: UInt8(ascii: "&"), from: i) {
      i = amp + 1
      guard let semi = s[amp..<min(s.count, amp + 12)].firstIndex(of: UInt8(ascii: ";")),
        let scalar = reference(s[(amp + 1)..<semi])
      else { continue }
      out.append(contentsOf: UnsafeBufferPointer(rebasing: s[copied..<amp]))
      UTF8.encode(scalar) { out.append($0) }
      i = semi + 1
      copied = i
    }
    out.append(contentsOf: UnsafeBufferPointer(rebasing: s[copied..<s.count]))
    return out
  }

  /// The scalar an entity or character reference names (`lt`, `#x41`, `#65`), if any.
  static func reference(_ name: Slice<UnsafeBufferPointer<UInt8>>) -> Unicode.Scalar? {
    switch String(decoding: name, as: UTF8.self) {
    case "lt": return "<"
    case "gt": return ">"
    case "amp": return "&"
    case "quot": return "\""
    case "apos": return "'"
    case let n where n.hasPrefix("#x") || n.hasPrefix("#X"):
      return UInt32(n.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
    case let n where n.hasPrefix("#"):
      return UInt32(n.dropFirst(1)).flatMap(Unicode.Scalar.init)
    default: return nil
    }
  }
}
