import Foundation

/// Reads pytest console output in every mode (plain, `-v`, `-q`, `-rA`, `-l`, xdist, several
/// sessions, cut-off logs, collection errors) line by line.
struct PytestConsoleParser: ArtifactParser {
  static let format = InputFormat.pytest

  /// Counts the lines only pytest writes: section rules, result lines, `collected N items`. XML
  /// and CTRF reports are not console logs, whatever their text quotes.
  static func sniff(_ head: SniffedHead) -> Int {
    guard head.firstSignificantByte != UInt8(ascii: "<"), !CTRFParser.claims(head) else { return 0 }
    return head.lines.reduce(0) { $0 + (lineScore($1) ?? 0) }
  }

  /// What one line says for pytest: nil when it is not pytest's at all, else its weight (0 for a
  /// `===` rule with another title).
  static func lineScore(_ line: Substring) -> Int? {
    if let sep = PytestLines.separator(line), sep.char == "=" {
      let t = sep.title
      let known =
        t.contains("test session starts") || ["FAILURES", "ERRORS", "short test summary info", "PASSES"].contains(t)
        || PytestSummary(title: t, line: 0) != nil
      return known ? 3 : 0
    }
    if PytestLines.verbose(line)?.status != nil || (PytestLines.progress(line).map { !$0.file.isEmpty } ?? false) { return 1 }
    if line.hasPrefix("collected ") || line.hasPrefix("collecting ... collected") { return 2 }
    return nil
  }

  let path: String
  let displayPath: String

  func parse() -> ParsedArtifact {
    var artifact = ParsedArtifact(path: displayPath, format: .pytest)
    var state = PytestSession(path: displayPath)
    var sessions = 0
    var lastLine = 0
    var redactor = Redactor.Stream()
    let opened = LineReader(path: path).forEach { number, raw in
      lastLine = number
      let text = redactor.redact(raw)
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
    guard opened else { return .unreadable(displayPath, format: .pytest) }
    if state.hasContent || sessions == 0 { state.finish(into: &artifact, lastLine: lastLine) }
    return artifact
  }
}
