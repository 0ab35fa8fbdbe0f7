/// A `--trace` / `--trace-ascii` data block (`=> Send header, 79 bytes`) being collected.
///
/// ASCII dumps wrap at 64 bytes; a line continues the previous one exactly when its offset is the
/// previous offset plus the previous length (no CRLF was consumed), so a token wrapped over two
/// lines is rejoined before redaction sees it. Hex dumps are decoded back to bytes.
struct CurlTraceBlock {
  enum Direction { case requestHeader, responseHeader, responseData, ignored }

  let direction: Direction
  let declaredBytes: Int
  private var hex: Bool?
  private var bytes: [UInt8] = []
  private var byteLines: [Int] = []  // for each byte, the log line it came from
  private var asciiLines: [(text: String, line: Int)] = []
  private var lastOffset = -1
  private var lastLength = 0

  /// The trace headers and the direction of the data each opens.
  private static let kinds: [(String, Direction)] = [
    ("=> Send header", .requestHeader), ("<= Recv header", .responseHeader), ("<= Recv data", .responseData),
    ("=> Send data", .ignored), ("<= Recv SSL data", .ignored), ("=> Send SSL data", .ignored),
  ]

  /// Whether `line` may open a block: every header starts with `=>` or `<=` (a response header
  /// line `< ...` is told apart by its second byte, without the headers' list).
  static func mayOpen(_ line: Substring) -> Bool {
    var u = line.utf8.makeIterator()
    let (a, b) = (u.next(), u.next())
    return (a == UInt8(ascii: "=") && b == UInt8(ascii: ">")) || (a == UInt8(ascii: "<") && b == UInt8(ascii: "="))
  }

  /// Parses `=> Send header, 79 bytes (0x4f)`; nil for other lines.
  init?(_ line: Substring) {
    guard line.utf8.count > 12, let match = Self.kinds.first(where: { line.utf8.starts(with: $0.0.utf8) }) else { return nil }
    direction = match.1
    let after = line.dropFirst(match.0.count).drop { $0 == "," || $0 == " " }
    declaredBytes = Int(after.prefix { $0.isNumber }) ?? 0
  }

  /// Adds a `0000: ...` data line; false when the line is not one.
  mutating func add(_ line: Substring, number: Int) -> Bool {
    guard line.count >= 5, let colon = line.firstIndex(of: ":"), line.distance(from: line.startIndex, to: colon) == 4,
      let offset = Int(line[..<colon], radix: 16)
    else { return false }
    var content = line[line.index(after: colon)...]
    if content.first == " " { content = content.dropFirst() }
    if hex == nil { hex = Self.looksHex(content, expected: min(16, declaredBytes)) }
    if hex == true {
      for token in content.prefix(48).split(separator: " ") {
        guard token.count == 2, let b = UInt8(token, radix: 16) else { break }
        bytes.append(b)
        byteLines.append(number)
      }
    } else if offset == lastOffset + lastLength, !asciiLines.isEmpty {
      asciiLines[asciiLines.count - 1].text += content
    } else {
      asciiLines.append((String(content), number))
    }
    lastOffset = offset
    lastLength = content.count
    return true
  }

  private static func looksHex(_ s: Substring, expected: Int) -> Bool {
    guard expected > 0 else { return false }
    let tokens = s.prefix(48).split(separator: " ", omittingEmptySubsequences: true)
    guard tokens.count >= expected else { return false }
    return tokens.prefix(expected).allSatisfy { $0.count == 2 && UInt8($0, radix: 16) != nil }
  }

  /// The block's logical lines (header lines, or body text), each with its first log line.
  func lines() -> [(text: String, line: Int)] {
    guard hex == true else { return asciiLines }
    var out: [(String, Int)] = []
    var start = 0
    var i = 0
    while i < bytes.count {
      if bytes[i] == 0x0A || (direction != .responseData && bytes[i] == 0x0D && i + 1 < bytes.count && bytes[i + 1] == 0x0A) {
        out.append((String(decoding: bytes[start..<i], as: UTF8.self), byteLines[start < byteLines.count ? start : byteLines.count - 1]))
        i += bytes[i] == 0x0D ? 2 : 1
        start = i
      } else {
        i += 1
      }
    }
    if start < bytes.count { out.append((String(decoding: bytes[start...], as: UTF8.self), byteLines[start])) }
    return out
  }
}
