/// A reader of one input format: it says how much a file's head looks like its format, and reads
/// the whole file into tests, requests and warnings. `ArtifactReader` tries every parser in
/// `ArtifactReader.parsers`; a new format is a new conforming type added there.
protocol ArtifactParser: SendableMetatype {
  /// The format this parser reads, as report.json names it.
  static var format: InputFormat { get }

  /// How strongly the head of a file looks like this format: 0 not at all; 2 or more, sure
  /// enough to read the file with this parser too when another one scores higher.
  static func sniff(_ head: SniffedHead) -> Int

  init(path: String, displayPath: String)

  /// Reads the file. A file that cannot be opened gives a warning, never an error.
  func parse() -> ParsedArtifact

  /// Reads the file, judging failures with `judge` where a thread would be idle otherwise
  /// (see `PrejudgedFailure`); the artifact is the one `parse()` reads.
  func parse(prejudging judge: (any FailureJudge)?) -> ParsedArtifact
}

extension ArtifactParser {
  func parse(prejudging judge: (any FailureJudge)?) -> ParsedArtifact { parse() }
}

extension ParsedArtifact {
  /// What a parser returns for a file it cannot open.
  static func unreadable(_ displayPath: String, format: InputFormat) -> ParsedArtifact {
    ParsedArtifact(path: displayPath, format: format, warnings: [Diagnostic(path: displayPath, line: nil, message: "cannot open file")])
  }
}

/// The first 256 KiB of a file, decoded to UTF-8, as the parsers sniff it.
struct SniffedHead {
  /// The decoded bytes (a UTF-16 file is converted).
  let bytes: [UInt8]
  /// Up to 5,000 non-empty lines, ANSI colours stripped; split on first use (an XML or JSON
  /// file is told by its first byte, and 2,000 JUnit files need no lines split).
  var lines: [Substring] { cache.lines(of: bytes) }
  private let cache = LineCache()

  /// `PytestConsoleParser.lineScore` of each of `lines`, made once: the pytest and the curl
  /// sniffers both ask it of every line (5,000 lines of a curl log took 50 ms twice).
  var pytestScores: [Int?] { cache.scores(of: lines) }

  /// The first byte that is not white space (`<` for XML, `{` for JSON).
  var firstSignificantByte: UInt8? { bytes.first { !($0 == 32 || $0 == 9 || $0 == 10 || $0 == 13) } }

  init(bytes: [UInt8]) {
    self.bytes = bytes
  }

  /// The lines, made once for all the sniffers that ask.
  private final class LineCache {
    private var made: [Substring]?
    private var scores: [Int?]?

    func scores(of lines: [Substring]) -> [Int?] {
      if let scores { return scores }
      let made = lines.map(PytestConsoleParser.lineScore)
      scores = made
      return made
    }

    func lines(of bytes: [UInt8]) -> [Substring] {
      if let made { return made }
      let text = String(decoding: bytes, as: UTF8.self)
      // Split at line-break bytes (LF, VT, FF, CR), not by Character: a one-line 256 KiB JUnit
      // file costs one pass over its bytes, not a walk of its graphemes.
      let lines = text.utf8Split(limit: 5000) { $0 >= 10 && $0 <= 13 }.map { raw in
        raw.hasPrefix("\u{1B}") ? Substring(ANSI.strip(String(raw))) : raw
      }
      made = lines
      return lines
    }
  }
}
