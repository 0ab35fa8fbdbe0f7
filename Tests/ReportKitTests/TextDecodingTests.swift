import Foundation
import Testing

@testable import ReportKit

@Suite struct TextDecodingTests {
  func lines(_ bytes: [UInt8]) -> [String] {
    let dir = TempDir()
    let path = dir.file("f.txt", bytes: bytes)
    var out: [String] = []
    LineReader(path: path).forEach { _, line in
      out.append(line); return true
    }
    return out
  }

  @Test func utf8WithBOMAndCRLFAndBareCR() {
    #expect(lines([0xEF, 0xBB, 0xBF] + Array("a\r\nb\rc\nd".utf8)) == ["a", "b", "c", "d"])
  }

  @Test func utf16LittleAndBigEndian() {
    #expect(lines(utf16("héllo\r\nwörld ✓\n")) == ["héllo", "wörld ✓"])
    #expect(lines(utf16("x😀y\nz", littleEndian: false)) == ["x😀y", "z"])
  }

  @Test func invalidBytesAreReplacedNotFatal() {
    #expect(lines([0x61, 0xFF, 0x62, 0x0A]) == ["a\u{FFFD}b"])
  }

  /// The word-at-a-time search for a line break finds the first LF, CR or ESC as a byte loop
  /// does, from every start, in random bytes thick and thin with them (and bytes next to them in
  /// value, which the word test may flag) and at every length around a word.
  @Test func lineBreakIsTheFirstLFOrCROrESC() {
    var rng = DamagedInputTests.SplitMix(state: 41)
    let alphabet: [UInt8] = [0x0A, 0x0D, 0x0B, 0x0C, 0x09, 0x0E, 0x00, 0x01, 0x8A, 0x8D, 0xFF, 0x61, 0x1B]
    for round in 0..<3000 {
      let thin = round % 2 == 0
      let bytes = (0..<Int(rng.next() % 40)).map { _ -> UInt8 in
        let r = Int(rng.next() % 100)
        return thin && r > 3 ? UInt8(ascii: "x") : alphabet[r % alphabet.count]
      }
      bytes.withUnsafeBufferPointer { p in
        for from in 0...p.count {
          let expected = (from..<p.count).first { p[$0] == 0x0A || p[$0] == 0x0D || p[$0] == 0x1B } ?? p.count
          #expect(LineReader.lineBreakOrEscape(in: p, from: from) == expected)
        }
      }
    }
  }

  @Test func ansiColourCodesAreStripped() {
    #expect(lines(Array("\u{1B}[31mFAILED\u{1B}[0m x\n\u{1B}]0;title\u{07}ok".utf8)) == ["FAILED x", "ok"])
  }

  @Test func crlfSplitAcrossChunksIsOneLineEnd() {
    // 1 MiB chunks: put a CR exactly at the end of the first chunk.
    let first = [UInt8](repeating: UInt8(ascii: "a"), count: (1 << 20) - 1) + [0x0D]
    let result = lines(first + [0x0A] + Array("next".utf8))
    #expect(result.count == 2)
    #expect(result.last == "next")
  }

  @Test func utf16PytestLogIsSniffedAsPytest() {
    let dir = TempDir()
    let log =
      "\r\n=================================== ERRORS ====================================\r\n"
      + "_________ ERROR collecting tests/test_a.py _________\r\nE   NameError: name 'x' is not defined\r\n"
      + "!!!!!!!!!!!!!!!!!!! Interrupted: 1 error during collection !!!!!!!!!!!!!!!!!!!!\r\n"
    let path = dir.file("log.txt", bytes: utf16(log))
    #expect(FormatSniffer.sniff(path: path) == .formats([.pytest]))
  }
}

/// Lines `skip` takes are counted, not made Strings: the others reach `body` with the numbers
/// and offsets they have without a skip; `skip` sees only lines whose bytes are the String's.
@Suite struct SkippedLineTests {
  @Test func skippedLinesAreCountedAndTheRestReadAsBefore() {
    let dir = TempDir()
    var bytes = Array("keep 1\r\nskip 2\n\u{1B}[31mskip 3\u{1B}[0m\nkeep 4\rskip ".utf8)
    bytes += [UInt8](repeating: UInt8(ascii: "x"), count: LineReader.maxLine + 10)
    bytes += Array("\nskip 6\nkeep 7\nskip 8".utf8)
    let path = dir.file("mixed.log", bytes: bytes)
    var all: [(Int, String, Int)] = []
    LineReader(path: path).forEachLine {
      all.append(($0, $1, $2)); return true
    }
    var offered: [Int] = []
    var read: [(Int, String, Int)] = []
    LineReader(path: path).forEachLine { number, p in
      offered.append(number)
      return String(decoding: p, as: UTF8.self).hasPrefix("skip")
    } _: {
      read.append(($0, $1, $2)); return true
    }
    #expect(all.count == 8)
    // Line 3 holds ANSI codes and line 5 is cut: never offered, read as before.
    #expect(offered == [1, 2, 4, 6, 7, 8])
    #expect(read.map(\.0) == [1, 3, 4, 5, 7])
    let kept = all.filter { [1, 3, 4, 5, 7].contains($0.0) }
    #expect(read.map(\.1) == kept.map(\.1) && read.map(\.2) == kept.map(\.2))
    #expect(read[1].1 == "skip 3" && read[3].1.hasSuffix("bytes cut]"))
  }

  /// An ANSI code whose ESC is read in one chunk (1 MiB) and its line's end in the next: the
  /// line is not offered to `skip`, and is read with the code stripped; the line after it is
  /// offered again.
  @Test func anEscapeInTheChunkBeforeTheLineEnd() {
    let dir = TempDir()
    let filler = 10_485  // lines of 100 bytes: the ESC below is the 1,048,506th byte
    var bytes = Array(String(repeating: String(repeating: "x", count: 99) + "\n", count: filler).utf8) + Array("skip \u{1B}[31".utf8)
    #expect(bytes.count < 1 << 20)
    bytes += Array(("m" + String(repeating: "r", count: 100) + "\u{1B}[0m\nskip 3\n").utf8)
    #expect(bytes.count > (1 << 20) + 20)
    let path = dir.file("chunks.log", bytes: bytes)
    var offered: [Int] = []
    var read: [(Int, String)] = []
    LineReader(path: path).forEachLine { number, p in
      offered.append(number)
      return String(decoding: p, as: UTF8.self).hasPrefix("skip")
    } _: {
      read.append(($0, $1)); _ = $2; return true
    }
    #expect(offered == Array(1...filler) + [filler + 2])
    #expect(read.map(\.0) == Array(1...(filler + 1)))
    #expect(read.last?.1 == "skip " + String(repeating: "r", count: 100))
  }
}

/// Lines longer than the cap are cut as they are read, whatever the chunk boundaries.
@Suite struct LongLineTests {
  @Test(arguments: [LineReader.maxLine + 1, 3 << 20, 5 << 20 + 7])
  func aLongLineIsCutKeepingItsHeadAndTheLinesAfterIt(length: Int) throws {
    let dir = TempDir()
    var bytes = Array("first\r\nE   AssertionError: ".utf8)
    bytes += [UInt8](repeating: UInt8(ascii: "x"), count: length)
    bytes += Array("\r\nthird\nlast".utf8)
    let path = dir.file("long.log", bytes: bytes)
    var lines: [(Int, String)] = []
    LineReader(path: path).forEach {
      lines.append(($0, $1)); return true
    }
    #expect(lines.map(\.0) == [1, 2, 3, 4])
    #expect(lines[0].1 == "first" && lines[2].1 == "third" && lines[3].1 == "last")
    let long = lines[1].1
    let total = "E   AssertionError: ".utf8.count + length
    #expect(long.hasPrefix("E   AssertionError: xxx"))
    #expect(long.hasSuffix(" [… \(total - LineReader.maxLine) bytes cut]"), "\(long.suffix(40))")
    #expect(long.utf8.count < LineReader.maxLine + 40)
  }
}

/// The curl sniffer's score with the pytest scores made once and its Foundation searches asked
/// only where their bytes are is the score as the sniffer first read it, on every fixture.
@Suite struct SniffScoreTests {
  /// The curl sniffer as it was: each line's pytest score made again, Foundation's `contains`.
  static func curlScoreBefore(_ head: SniffedHead) -> Int {
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

  @Test func scoresAsBefore() throws {
    var files: [String] = []
    for dir in [Fixtures.root, AnalyzeTests.examples + "/logs", AnalyzeTests.examples + "/baseline"] {
      guard let e = FileManager.default.enumerator(atPath: dir) else { continue }
      for case let name as String in e where !name.hasSuffix("/") { files.append(dir + "/" + name) }
    }
    var curlScored = 0
    for path in files {
      guard let bytes = ByteChunks.head(of: path, count: FormatSniffer.headBytes) else { continue }
      let head = SniffedHead(bytes: bytes)
      let score = CurlTraceParser.sniff(head)
      #expect(score == Self.curlScoreBefore(head), "\(path)")
      #expect(PytestConsoleParser.sniff(head) == head.lines.reduce(0) { $0 + (PytestConsoleParser.lineScore($1) ?? 0) })
      if score > 0 { curlScored += 1 }
    }
    #expect(files.count > 50 && curlScored >= 9)
  }

  /// `PytestConsoleParser.lineScore` as it was: every line walked as a progress line.
  static func lineScoreBefore(_ line: Substring) -> Int? {
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

  /// Lines without `.py`, `.txt` or `.rst` are not walked as progress lines: every line of every
  /// fixture's head, and progress lines and near misses, score as before.
  @Test func lineScoresAsBefore() throws {
    var lines: [Substring] = [
      "tests/a.py ..F.s [ 50%]", "a.txt .", "docs/x.rst s", "tests\\b.py ..", "tests/c.py", "tests/c.pyc ..", "é.py ..",
      "a.py\u{301} ..", "a.p y ..", "tests/d.py ..F [100%]", "x.py ..  ", "x.py [ 10%]", "..F.. [ 50%]", "tests/e.py::test_x PASSED",
      "test_f.py x X R E", "readme.md ..", "a.rst\t..",
    ]
    for dir in [Fixtures.root, AnalyzeTests.examples + "/logs"] {
      guard let e = FileManager.default.enumerator(atPath: dir) else { continue }
      for case let name as String in e where !name.hasSuffix("/") {
        guard let bytes = ByteChunks.head(of: dir + "/" + name, count: FormatSniffer.headBytes) else { continue }
        lines += SniffedHead(bytes: bytes).lines
      }
    }
    var progress = 0
    for line in lines {
      #expect(PytestConsoleParser.lineScore(line) == Self.lineScoreBefore(line), "\(line)")
      if PytestLines.progress(line).map({ !$0.file.isEmpty }) ?? false { progress += 1 }
    }
    #expect(lines.count > 5000)
    #expect(progress >= 12, "\(progress) progress lines")
  }
}
