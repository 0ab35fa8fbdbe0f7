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
  var bytes: [UInt8]
  /// Up to 5,000 non-empty lines, ANSI colours stripped.
  var lines: [Substring]

  /// The first byte that is not white space (`<` for XML, `{` for JSON).
  var firstSignificantByte: UInt8? { bytes.first { !($0 == 32 || $0 == 9 || $0 == 10 || $0 == 13) } }

  init(bytes: [UInt8]) {
    self.bytes = bytes
    var text = String(decoding: bytes, as: UTF8.self)
    // Split at line-break bytes (LF, VT, FF, CR), not by Character: a one-line 256 KiB JUnit
    // file costs one pass over its bytes, not a walk of its graphemes.
    var bounds: [Range<Int>] = []  // UTF-8 offsets of the lines in `text`
    text.withUTF8 { p in
      var start = 0
      for i in 0..<p.count where p[i] >= 10 && p[i] <= 13 {
        if start != i { bounds.append(start..<i) }
        start = i + 1
        if bounds.count == 5000 { return }
      }
      if start != p.count { bounds.append(start..<p.count) }
    }
    let u = text.utf8
    let lines = bounds.map { r in text[u.index(u.startIndex, offsetBy: r.lowerBound)..<u.index(u.startIndex, offsetBy: r.upperBound)] }
    self.lines = lines.map { raw in raw.hasPrefix("\u{1B}") ? Substring(ANSI.strip(String(raw))) : raw }
  }
}
