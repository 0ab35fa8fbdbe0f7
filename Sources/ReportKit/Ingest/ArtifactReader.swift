/// Reads one file with the parsers its content calls for.
enum ArtifactReader {
  /// Every format `report` reads, in the order ties are broken.
  static let parsers: [any ArtifactParser.Type] = [
    JUnitXMLParser.self, PytestConsoleParser.self, CurlTraceParser.self, CTRFParser.self,
  ]

  /// `judge`: judges failures while the file is read, where the parser can (see `PrejudgedFailure`).
  static func read(_ file: InputFile, prejudging judge: (any FailureJudge)? = nil) -> [ParsedArtifact] {
    switch FormatSniffer.sniff(path: file.path) {
    case .skip(let why):
      return [
        ParsedArtifact(
          path: file.display, format: .unknown, warnings: [Diagnostic(path: file.display, line: nil, message: "\(why); skipped")])
      ]
    case .formats(let formats):
      var parts = formats.compactMap { format in
        parsers.first { $0.format == format }.map { $0.init(path: file.path, displayPath: file.display).parse(prejudging: judge) }
      }
      guard !parts.isEmpty else { return [] }
      // A file read by two parsers is one input: its tests and its requests together.
      var first = parts.removeFirst()
      for p in parts {
        first.tests += p.tests
        first.requests += p.requests
        first.warnings += p.warnings
      }
      if first.format == .curl && first.requests.isEmpty {
        first.warnings.append(Diagnostic(path: file.display, line: nil, message: "looked like curl output but held no request"))
      }
      return [first]
    }
  }
}
