/// Reads curl output (`-v`, `--trace-ascii`, `--trace`, `-w`), several requests per file and
/// interleaved with other CI log lines, into HTTP exchanges.
struct CurlTraceParser: ArtifactParser {
  static let format = InputFormat.curl

  /// Counts the lines only curl writes: `*   Trying`, trace headers, status lines, `curl: (N)`,
  /// `-w` timings, and `> METHOD /path` request lines. A line pytest claims is never curl's, nor
  /// is a CTRF report (its messages may quote `curl: (7)`).
  static func sniff(_ head: SniffedHead) -> Int {
    guard head.firstSignificantByte != UInt8(ascii: "<"), !CTRFParser.claims(head) else { return 0 }
    var score = 0
    for line in head.lines {
      if PytestConsoleParser.lineScore(line) != nil { continue }
      if line.hasPrefix("* Trying") || line.hasPrefix("*   Trying") || line.hasPrefix("== Info:") || line.hasPrefix("=> Send header")
        || line.hasPrefix("<= Recv header") || line.hasPrefix("< HTTP/") || line.contains("curl: (")
        || line.contains("\"time_total\"") || line.hasPrefix("time_total")
      {
        score += 2
      } else if line.hasPrefix("> "), let r = CurlExchangeBuilder.requestLine(String(line.dropFirst(2))), !r.0.isEmpty {
        score += 2
      }
    }
    return score
  }

  let path: String
  let displayPath: String

  func parse() -> ParsedArtifact {
    var artifact = ParsedArtifact(path: displayPath, format: .curl)
    var reader = CurlLineReader(path: displayPath)
    var builder = CurlExchangeBuilder()
    let opened = LineReader(path: path).forEach { number, raw in
      reader.read(raw, line: number) { builder.feed($0) }
      return true
    }
    guard opened else { return .unreadable(displayPath, format: .curl) }
    reader.finish { builder.feed($0) }
    builder.finish()
    artifact.requests = builder.exchanges.map { exchange in
      var e = exchange
      e.evidence = e.evidence.map { Evidence(path: displayPath, line: $0.line, text: $0.text) }
      return e
    }
    return artifact
  }
}
