import Foundation

/// Reads pytest console output in every mode (plain, `-v`, `-q`, `-rA`, `-l`, xdist, several
/// sessions, cut-off logs, collection errors) line by line.
struct PytestConsoleParser {
  let path: String
  let displayPath: String

  func parse() -> ParsedArtifact {
    var artifact = ParsedArtifact(path: displayPath, format: .pytest)
    var state = PytestSession(path: displayPath)
    var sessions = 0
    var lastLine = 0
    let opened = LineReader(path: path).forEach { number, raw in
      lastLine = number
      let text = Redactor.redact(raw)
      let line = text[...]
      if let sep = PytestLines.separator(line), sep.char == "=" {
        if sep.title.contains("test session starts") {
          if state.hasContent { state.finish(into: &artifact, lastLine: number - 1); sessions += 1 }
          state = PytestSession(path: displayPath)
          state.started = true
          state.section = .header
          return true
        }
        state.enterSection(title: sep.title, line: number)
        return true
      }
      state.consume(text, line: number)
      return true
    }
    guard opened else {
      artifact.warnings.append(Diagnostic(path: displayPath, line: nil, message: "cannot open file"))
      return artifact
    }
    if state.hasContent || sessions == 0 { state.finish(into: &artifact, lastLine: lastLine) }
    return artifact
  }
}
