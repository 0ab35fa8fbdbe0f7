import Foundation

/// Reads pytest console output in every mode (plain, `-v`, `-q`, `-rA`, `-l`, xdist, several
/// sessions, cut-off logs, collection errors) line by line.
struct PytestConsoleParser: ArtifactParser {
  static let format = InputFormat.pytest

  /// Counts the lines only pytest writes: section rules, result lines, `collected N items`. XML
  /// and CTRF reports are not console logs, whatever their text quotes.
  static func sniff(_ head: SniffedHead) -> Int {
    guard head.firstSignificantByte != UInt8(ascii: "<"), !CTRFParser.claims(head) else { return 0 }
    return head.pytestScores.reduce(0) { $0 + ($1 ?? 0) }
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
    // A progress line's file ends in `.py`, `.txt` or `.rst` (as Characters, so those bytes are
    // in the line): lines without them (every line of a curl or XML head) are not walked.
    let mayNameFile = line.utf8Contains(".py") || line.utf8Contains(".txt") || line.utf8Contains(".rst")
    if PytestLines.verbose(line)?.status != nil || (mayNameFile && PytestLines.progress(line).map { !$0.file.isEmpty } ?? false) {
      return 1
    }
    if line.hasPrefix("collected ") || line.hasPrefix("collecting ... collected") { return 2 }
    return nil
  }

  let path: String
  let displayPath: String
  /// Logs from this size on have their blocks read by a second thread.
  var splitThreshold = PytestSplitReader.threshold
  /// Judges the failures of blocks read apart while the other thread reads on (see `PrejudgedFailure`).
  var prejudge: (any FailureJudge)?
  /// Whether every block is judged before the blocks are applied (tests); by default the judging
  /// stops where the other thread needs the blocks.
  var judgeEveryBlock = false

  init(path: String, displayPath: String) {
    self.path = path
    self.displayPath = displayPath
  }

  func parse() -> ParsedArtifact { parseNotingSplit().artifact }

  func parse(prejudging judge: (any FailureJudge)?) -> ParsedArtifact {
    var parser = self
    parser.prejudge = judge
    return parser.parseNotingSplit().artifact
  }

  /// The artifact, and whether the blocks read apart were taken (for tests).
  ///
  /// A large log is read by two threads (see `PytestSplitReader`): a second thread reads it line
  /// by line, making the tests, and this one reads its blocks meanwhile, which the second takes
  /// over when it reaches them. The blocks are let go once applied: made on this thread, what
  /// they leave is room in this thread's malloc arena, which the stages after reading (on this
  /// thread) fill again. Read the other way round, that room stayed in the second thread's arena
  /// while this one grew: pytest 1M peaked 14 MiB higher.
  ///
  /// This thread is done with the blocks long before the other one is with the lines (a million
  /// tests to index): meanwhile it judges the blocks' failures (`prejudge`), which the other
  /// takes when it applies the blocks (judging stops there), so that triage need not judge them
  /// again.
  func parseNotingSplit() -> (artifact: ParsedArtifact, split: Bool) {
    guard let size = SplitFile.size(of: path, threshold: splitThreshold) else { return parseLines(second: nil) }
    let blocks = Background<PytestSplitReader.Blocks?>()
    let judged = BlockJudgements(stopsWhenAsked: !judgeEveryBlock)
    let me = self
    let lines = Background { me.parseLines(second: PytestSplitReader(awaiting: blocks, judged: judged)) }
    var read = PytestSplitReader.blocks(path: path, displayPath: displayPath, size: size)
    blocks.put(read)
    if let prejudge, let all = read?.blocks {
      read = nil  // the blocks' one other reference here: `make` lets go of them before it hands over
      judged.make(consume all, by: prejudge)
    } else {
      judged.none()
    }
    return lines.take()
  }

  /// Reads the log line by line; `second` has the blocks read apart (nil: none are).
  private func parseLines(second: PytestSplitReader?) -> (artifact: ParsedArtifact, split: Bool) {
    var artifact = ParsedArtifact(path: displayPath, format: .pytest)
    var state = PytestSession(path: displayPath)
    var sessions = 0
    var lastLine = 0
    var redactor = Redactor.Stream()
    var adopted = false
    var split = second
    var resume: (offset: Int, line: Int)?
    func handle(_ number: Int, _ raw: String, _ offset: Int) -> Bool {
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
        if let reader = split, sep.title == "FAILURES" || sep.title == "ERRORS" {
          split = nil  // the first such line only: the second thread read from there
          if state.block == nil, !redactor.insidePEM, let read = reader.take(), read.headerOffset == offset, !read.openPEM {
            state.adopt(read, headerLine: number, judged: reader.judged)
            adopted = true
            lastLine = number + read.lastLine - 1
            if let stop = read.stop {
              resume = (stop.offset, number + stop.line - 1)
            }
            return false
          }
        }
        state.enterSection(title: sep.title, line: number)
        return true
      }
      state.consume(text, line: number)
      return true
    }
    let opened = LineReader(path: path).forEachLine(handle)
    if let resume, let size = ByteChunks.size(of: path) {
      LineReader(path: path, range: resume.offset..<size, firstLine: resume.line).forEachLine(handle)
    }
    second?.join()  // a second thread whose blocks were not taken still ends here
    guard opened else { return (.unreadable(displayPath, format: .pytest), false) }
    if state.hasContent || sessions == 0 { state.finish(into: &artifact, lastLine: lastLine) }
    return (artifact, adopted)
  }
}
