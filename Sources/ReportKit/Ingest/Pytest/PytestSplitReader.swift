/// Reads the block sections of a large pytest log (FAILURES, ERRORS, PASSES: the tracebacks) on
/// one thread while another reads the progress lines before them (which thread does which:
/// `PytestConsoleParser.parseNotingSplit`).
///
/// The blocks' thread finds the first `=== FAILURES ===` or `=== ERRORS ===` line by its bytes
/// and reads blocks from there up to the next line of another section. The lines' thread reads
/// from the start; on meeting that same line (same byte offset) with no block open and no PEM
/// block being masked, it takes the blocks instead of reading them and goes on after them.
/// Otherwise it reads on by itself. The tests, their order and every line number are the same
/// either way.
struct PytestSplitReader {
  /// Logs smaller than this are read by one thread: a second one would cost more than it saves.
  static let threshold = 32 << 20

  /// What the second thread read.
  struct Blocks {
    /// The file offset of the section header the blocks start at.
    var headerOffset: Int
    /// The blocks, their lines numbered from 1 at the header.
    var blocks: [PytestBlock]
    var section: PytestSection
    /// Where the first line not read starts, and its number (nil: read to the end).
    var stop: (offset: Int, line: Int)?
    /// The number of the last line read.
    var lastLine: Int
    var openPEM: Bool
  }

  private let second: Background<Blocks?>
  /// The blocks' failures as judged by the thread that read them, after the blocks.
  let judged: BlockJudgements

  /// Blocks that another thread reads (`blocks(path:displayPath:size:)`) and puts into `second`,
  /// then judges into `judged`.
  init(awaiting second: Background<Blocks?>, judged: BlockJudgements) {
    self.second = second
    self.judged = judged
  }

  /// The blocks of the file at `path` (of `size` bytes), from its first FAILURES or ERRORS rule
  /// (found by its bytes); nil when it has none or they cannot be read alone.
  static func blocks(path: String, displayPath: String, size: Int) -> Blocks? {
    let at = SplitFile.firstLine(in: path) { $0.first == UInt8(ascii: "=") && Self.isBlockHeader($0) }
    return at.flatMap { readBlocks(path: path, displayPath: displayPath, from: $0, size: size) }
  }

  /// The blocks once they are read (nil when there was no section or they could not be read
  /// alone), moved out: call once. `join` only waits for them.
  func take() -> Blocks? { second.take() }

  func join() { second.join() }

  /// Whether `title` opens a section of blocks.
  static func opensBlocks(_ title: String) -> Bool { title == "FAILURES" || title == "ERRORS" || title == "PASSES" }

  private static func isBlockHeader<C: Collection<UInt8>>(_ bytes: C) -> Bool {
    var line = String(decoding: bytes, as: UTF8.self)[...]
    if line.utf8.last == 0x0D { line = line.dropLast() }
    guard let sep = PytestLines.separator(line), sep.char == "=" else { return false }
    return sep.title == "FAILURES" || sep.title == "ERRORS"
  }

  /// Reads blocks from the header at `from` up to the first line of another section.
  private static func readBlocks(path: String, displayPath: String, from: Int, size: Int) -> Blocks? {
    var session = PytestSession(path: displayPath)
    var redactor = Redactor.Stream()
    var stop: (offset: Int, line: Int)?
    var last = 0
    var ok = true
    let opened = LineReader(path: path, range: from..<size).forEachLine { number, raw, offset in
      let text = redactor.redact(raw)
      if let sep = PytestLines.separator(text[...]) {
        if sep.char == "=" {
          guard opensBlocks(sep.title) else {
            stop = (offset, number)
            return false
          }
          last = number
          session.enterSection(title: sep.title, line: number)
          return true
        }
        // An `!!!` line (interrupted, stopped after N failures) is the first thread's to read.
        if sep.char == "!" {
          ok = false
          return false
        }
      }
      last = number
      session.consume(text, line: number)
      return true
    }
    guard opened, ok else { return nil }
    session.closeBlock()
    return Blocks(
      headerOffset: from, blocks: session.blocks, section: session.section, stop: stop, lastLine: last,
      openPEM: redactor.insidePEM)
  }
}
