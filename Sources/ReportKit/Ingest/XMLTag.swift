/// A start tag: its name and attributes, as slices of the scanner's buffer (valid during the
/// delegate call only; copy what you keep).
struct XMLTag {
  let name: ArraySlice<UInt8>
  let selfClosing: Bool
  private let raw: ArraySlice<UInt8>
  private var attributes: [(name: Range<Int>, value: Range<Int>)]

  /// Parses `<name a="1" b='2' ...>` or `<name .../>`; nil when it is not a start tag.
  /// `scratch` is reused from tag to tag so that no tag allocates.
  init?(_ raw: ArraySlice<UInt8>, scratch: inout [(name: Range<Int>, value: Range<Int>)]) {
    self.raw = raw
    scratch.removeAll(keepingCapacity: true)
    var i = raw.startIndex + 1
    let end = raw.endIndex - 1  // the '>'
    selfClosing = end > i && raw[end - 1] == UInt8(ascii: "/")
    let limit = selfClosing ? end - 1 : end
    let nameStart = i
    while i < limit && !isSpace(raw[i]) { i += 1 }
    guard i > nameStart else { attributes = []; return nil }
    name = raw[nameStart..<i]
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
    attributes = scratch
  }

  /// The decoded value of attribute `key`, or nil when absent.
  func attribute(_ key: StaticString) -> String? {
    guard let bytes = attributeBytes(key) else { return nil }
    if !bytes.contains(UInt8(ascii: "&")) { return String(decoding: bytes, as: UTF8.self) }
    return String(decoding: XMLEntities.decode(bytes), as: UTF8.self)
  }

  func attributeBytes(_ key: StaticString) -> ArraySlice<UInt8>? {
    let n = key.utf8CodeUnitCount
    let k = key.utf8Start
    outer: for a in attributes where a.name.count == n {
      var i = 0
      for b in raw[a.name] {
        if b != k[i] { continue outer }
        i += 1
      }
      return raw[a.value]
    }
    return nil
  }

  /// The name without a namespace prefix (`ns2:test-suite` → `test-suite`).
  var localName: ArraySlice<UInt8> {
    if let colon = name.lastIndex(of: UInt8(ascii: ":")) { return name[(colon + 1)...] }
    return name
  }
}

/// Decodes the predefined entities and character references; leaves every other `&name;` as text.
enum XMLEntities {
  static func decode(_ s: ArraySlice<UInt8>) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(s.count)
    var i = s.startIndex
    while i < s.endIndex {
      let c = s[i]
      guard c == UInt8(ascii: "&"), let semi = s[i..<min(s.endIndex, i + 12)].firstIndex(of: UInt8(ascii: ";")) else {
        out.append(c)
        i += 1
        continue
      }
      let name = s[(i + 1)..<semi]
      if let scalar = reference(name) {
        UTF8.encode(scalar) { out.append($0) }
        i = semi + 1
      } else {
        out.append(c)
        i += 1
      }
    }
    return out
  }

  private static func reference(_ name: ArraySlice<UInt8>) -> Unicode.Scalar? {
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
