/// Decides what a file is from its content, never its name, by asking every parser.
enum FormatSniffer {
  /// What the file holds: the formats to parse it with (primary first), or why it is skipped.
  enum Verdict: Equatable {
    case formats([InputFormat])
    case skip(String)
  }

  static let headBytes = 256 * 1024

  static func sniff(path: String) -> Verdict {
    guard let raw = ByteChunks.head(of: path, count: headBytes) else { return .skip("cannot open file") }
    if raw.isEmpty { return .skip("empty file") }
    let encoding = TextEncoding.detect(raw)
    var text: [UInt8] = []
    if encoding == .utf16LE || encoding == .utf16BE {
      guard let stream = UTF8Stream(path: path) else { return .skip("cannot open file") }
      _ = stream.next(into: &text)
    } else {
      text = Array(raw.dropFirst(encoding.bomLength))
    }
    if text.prefix(8192).contains(0) { return .skip("binary file") }
    return verdict(SniffedHead(bytes: text))
  }

  /// The parser that scores highest reads the file; another that is sure too (2 or more) reads
  /// it as well (a CI log holding both pytest output and curl traces). Ties go by registry order.
  static func verdict(_ head: SniffedHead) -> Verdict {
    let scored = ArtifactReader.parsers.map { ($0.format, $0.sniff(head)) }.filter { $0.1 > 0 }
    guard let top = scored.max(by: { $0.1 < $1.1 }).map(\.1) else {
      return .skip("not a recognized test artifact (pytest console, JUnit XML, CTRF JSON or curl trace)")
    }
    let first = scored.first { $0.1 == top }.map(\.0) ?? .unknown
    let others = top >= 2 ? scored.filter { $0.0 != first && $0.1 >= 2 }.sorted { $0.1 > $1.1 }.map(\.0) : []
    return .formats([first] + others)
  }
}
