/// Reads curl output (`-v`, `--trace-ascii`, `--trace`, `-w`), several requests per file and
/// interleaved with other CI log lines, into HTTP exchanges.
struct CurlTraceParser {
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
    guard opened else {
      artifact.warnings.append(Diagnostic(path: displayPath, line: nil, message: "cannot open file"))
      return artifact
    }
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
