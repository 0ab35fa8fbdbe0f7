import Foundation

/// The layout of a JSON document: where the members of an object and the items of an array lie,
/// by byte range and line, found without decoding them.
///
/// The CTRF reader decodes one test at a time from these ranges (so one odd test does not lose
/// the others), cites the line each test starts on, and keeps the tests completed before a
/// syntax error or a cut-off end. Values are skipped, not checked: what a range holds is checked
/// when it is decoded.
struct JSONOutline {
  /// The document's UTF-8 bytes.
  let bytes: [UInt8]
  /// The offset each line starts at: line `n` starts at `lineStarts[n - 1]`.
  private let lineStarts: [Int]

  /// A value: its bytes (up to the end of the document when it is cut off) and its first line.
  struct Value {
    var range: Range<Int>
    var line: Int
    /// Whether the value ends inside the document (false: cut off or broken).
    var complete: Bool
    /// `{`, `[`, `"` or the first byte of a number or literal.
    var kind: UInt8
  }

  /// A member of an object: its key, the key's line, and its value.
  struct Member {
    var key: String
    var line: Int
    var value: Value
  }

  /// Where and why the document stops being JSON.
  struct Damage: Error, Equatable {
    var line: Int
    var message: String
  }

  init(bytes: [UInt8]) {
    self.bytes = bytes
    var starts = [0]
    for i in bytes.indices where bytes[i] == 0x0A { starts.append(i + 1) }
    lineStarts = starts
  }

  /// The line of the document's last byte: where a cut-off file ends.
  var endLine: Int { line(at: max(bytes.count - 1, 0)) }

  /// The 1-based line of byte `offset`.
  func line(at offset: Int) -> Int {
    var lo = 0
    var hi = lineStarts.count
    while lo + 1 < hi {
      let mid = (lo + hi) / 2
      if lineStarts[mid] <= offset { lo = mid } else { hi = mid }
    }
    return lo + 1
  }

  /// The document's one top-level value, or why there is none; text after it is damage.
  func root() -> (value: Value?, damage: Damage?) {
    let start = skipSpace(0)
    guard start < bytes.count else { return (nil, Damage(line: line(at: start), message: "no JSON value")) }
    let (end, damage) = skipValue(start)
    let value = Value(range: start..<(end ?? bytes.count), line: line(at: start), complete: end != nil, kind: bytes[start])
    if let damage { return (value, damage) }
    let after = skipSpace(end ?? bytes.count)
    if after < bytes.count { return (value, Damage(line: line(at: after), message: "text after the end of the JSON value")) }
    return (value, nil)
  }

  /// The members of the object `value`, in order, up to any damage.
  func members(of value: Value) -> (members: [Member], damage: Damage?) {
    var out: [Member] = []
    var i = skipSpace(value.range.lowerBound + 1)
    if i < bytes.count && bytes[i] == UInt8(ascii: "}") { return (out, nil) }
    while true {
      guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { return (out, unexpected(i, wanted: "a key (a string)")) }
      let keyStart = i
      let (keyEnd, keyDamage) = skipString(i)
      guard let keyEnd else { return (out, keyDamage) }
      i = skipSpace(keyEnd)
      guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { return (out, unexpected(i, wanted: "':'")) }
      i = skipSpace(i + 1)
      guard i < bytes.count else { return (out, unexpected(i, wanted: "a value")) }
      let (end, damage) = skipValue(i)
      out.append(
        Member(
          key: string(keyStart..<keyEnd), line: line(at: keyStart),
          value: Value(range: i..<(end ?? bytes.count), line: line(at: i), complete: end != nil, kind: bytes[i])))
      guard let end else { return (out, damage) }
      i = skipSpace(end)
      guard i < bytes.count else { return (out, unexpected(i, wanted: "',' or '}'")) }
      if bytes[i] == UInt8(ascii: "}") { return (out, nil) }
      guard bytes[i] == UInt8(ascii: ",") else { return (out, unexpected(i, wanted: "',' or '}'")) }
      i = skipSpace(i + 1)
    }
  }

  /// The items of the array `value`, in order, up to any damage (a cut-off item is left out).
  func items(of value: Value) -> (items: [Value], damage: Damage?) {
    var out: [Value] = []
    var i = skipSpace(value.range.lowerBound + 1)
    if i < bytes.count && bytes[i] == UInt8(ascii: "]") { return (out, nil) }
    while true {
      guard i < bytes.count else { return (out, unexpected(i, wanted: "a value")) }
      let (end, damage) = skipValue(i)
      guard let end else { return (out, damage) }
      out.append(Value(range: i..<end, line: line(at: i), complete: true, kind: bytes[i]))
      i = skipSpace(end)
      guard i < bytes.count else { return (out, unexpected(i, wanted: "',' or ']'")) }
      if bytes[i] == UInt8(ascii: "]") { return (out, nil) }
      guard bytes[i] == UInt8(ascii: ",") else { return (out, unexpected(i, wanted: "',' or ']'")) }
      i = skipSpace(i + 1)
    }
  }

  /// The text of a string token (quotes included in `range`), escapes decoded.
  func string(_ range: Range<Int>) -> String {
    let inner = bytes[(range.lowerBound + 1)..<(range.upperBound - 1)]
    guard inner.contains(UInt8(ascii: "\\")) else { return String(decoding: inner, as: UTF8.self) }
    return (try? JSONDecoder().decode(String.self, from: Data(bytes[range]))) ?? String(decoding: inner, as: UTF8.self)
  }

  // MARK: - Skipping

  private func skipSpace(_ from: Int) -> Int {
    var i = from
    while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
    return i
  }

  /// The end of the value starting at `i`, or the damage that stopped it.
  private func skipValue(_ i: Int) -> (end: Int?, damage: Damage?) {
    switch bytes[i] {
    case UInt8(ascii: "\""): return skipString(i)
    case UInt8(ascii: "{"), UInt8(ascii: "["): return skipContainer(i)
    default: return skipScalar(i)
    }
  }

  private func skipString(_ start: Int) -> (end: Int?, damage: Damage?) {
    var i = start + 1
    while i < bytes.count {
      switch bytes[i] {
      case UInt8(ascii: "\\"): i += 2
      case UInt8(ascii: "\""): return (i + 1, nil)
      case 0x0A:
        // A cut-off file often ends with a line break: that is the end, not a break in a string.
        guard bytes[i...].allSatisfy({ $0 == 0x0A || $0 == 0x0D || $0 == 0x20 || $0 == 0x09 }) else {
          return (nil, Damage(line: line(at: i), message: "line break inside a string"))
        }
        i = bytes.count
      default: i += 1
      }
    }
    return (nil, Damage(line: endLine, message: "the file ends inside a string (begun on line \(line(at: start)))"))
  }

  /// An object or array, nested ones and strings inside included.
  private func skipContainer(_ start: Int) -> (end: Int?, damage: Damage?) {
    var closers: [UInt8] = []
    var i = start
    while i < bytes.count {
      let b = bytes[i]
      switch b {
      case UInt8(ascii: "{"): closers.append(UInt8(ascii: "}")); i += 1
      case UInt8(ascii: "["): closers.append(UInt8(ascii: "]")); i += 1
      case UInt8(ascii: "}"), UInt8(ascii: "]"):
        guard closers.last == b else {
          let want = closers.last.map { "'\(Character(Unicode.Scalar($0)))'" } ?? "a value"
          return (nil, Damage(line: line(at: i), message: "expected \(want) but found '\(Character(Unicode.Scalar(b)))'"))
        }
        closers.removeLast()
        i += 1
        if closers.isEmpty { return (i, nil) }
      case UInt8(ascii: "\""):
        let (end, damage) = skipString(i)
        guard let end else { return (nil, damage) }
        i = end
      default: i += 1
      }
    }
    let what = bytes[start] == UInt8(ascii: "{") ? "an object" : "an array"
    return (nil, Damage(line: endLine, message: "the file ends inside \(what) (begun on line \(line(at: start)))"))
  }

  /// A number or `true`, `false`, `null`.
  private func skipScalar(_ start: Int) -> (end: Int?, damage: Damage?) {
    var i = start
    while i < bytes.count, !Self.ends(bytes[i]) { i += 1 }
    let token = bytes[start..<i]
    let literal = token.elementsEqual("true".utf8) || token.elementsEqual("false".utf8) || token.elementsEqual("null".utf8)
    let number = !token.isEmpty && token.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || "+-.eE".utf8.contains($0) }
    guard literal || number else { return (nil, unexpected(start, wanted: "a value")) }
    return (i, nil)
  }

  private static func ends(_ b: UInt8) -> Bool {
    b == UInt8(ascii: ",") || b == UInt8(ascii: "}") || b == UInt8(ascii: "]") || b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09
  }

  private func unexpected(_ i: Int, wanted: String) -> Damage {
    guard i < bytes.count else { return Damage(line: endLine, message: "the file ends where \(wanted) should follow") }
    let shown = bytes[i] >= 0x21 && bytes[i] < 0x7F ? "'\(Character(Unicode.Scalar(bytes[i])))'" : String(format: "byte 0x%02X", bytes[i])
    return Damage(line: line(at: i), message: "expected \(wanted) but found \(shown)")
  }
}
