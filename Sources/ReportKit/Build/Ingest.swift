import Foundation

/// Reads one file with the parsers its content calls for.
enum Ingest {
  static func read(_ file: InputCollector.File) -> [ParsedArtifact] {
    switch FormatSniffer.sniff(path: file.path) {
    case .skip(let why):
      return [
        ParsedArtifact(
          path: file.display, format: .unknown, warnings: [Diagnostic(path: file.display, line: nil, message: "\(why); skipped")])
      ]
    case .formats(let formats):
      var parts = formats.map { format -> ParsedArtifact in
        switch format {
        case .junit: JUnitXMLParser(path: file.path, displayPath: file.display).parse()
        case .pytest: PytestConsoleParser(path: file.path, displayPath: file.display).parse()
        case .curl: CurlTraceParser(path: file.path, displayPath: file.display).parse()
        case .unknown: ParsedArtifact(path: file.display, format: .unknown)
        }
      }
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
