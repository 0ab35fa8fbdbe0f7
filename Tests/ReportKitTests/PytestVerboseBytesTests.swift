import Testing

@testable import ReportKit

/// `PytestVerboseBytes` answers as the Character path does (`PytestLines.verboseByCharacters`) on
/// every line it decides, and leaves non-ASCII and xdist lines to it.
@Suite struct PytestVerboseBytesTests {
  static let pieces = [
    "tests/a.py", "a.py", "x.py", ".py", "tests/test_x.txt", "::", ":", "T", "test_y", "[", "]", "[x y]", "[a::b]", "[[", "]]",
    " ", "  ", "PASSED", "FAILED", "ERROR", "SKIPPED", "XFAIL", "XPASS", "RERUN", "PASS", "PASSEDX", "ERRORS", "E", "X",
    "(", ")", "(reason text)", "(why) ", "[ 10%]", "[100%]", " [ 50%]", "-", "=", "_", "py", "p", "y", "\t", "0", "/",
    // Near misses of each status word, which the bytes tell apart by their first letter.
    "XFAILX", "XFAILED", "XPA", "XPASSED", "SKIPPEDS", "SKIP", "RERUNX", "RERU", "FAIL", "FAILEDX", "PASSE", "ERRO", "P", "R", "S",
    "F", "Xfail", "passed",
  ]

  func same(_ line: String) {
    let s = line[...]
    let expected = PytestLines.verboseByCharacters(s)
    guard let bytes = PytestVerboseBytes.verbose(s) else {
      // Left to the Character path: only lines that are not ASCII, or xdist's.
      #expect(!line.utf8.allSatisfy { $0 < 0x80 } || line.hasPrefix("[gw"), "\(line.debugDescription)")
      return
    }
    #expect(bytes.map { String($0.id) } == expected.map { $0.id }, "\(line.debugDescription)")
    #expect(bytes?.status == expected?.status, "\(line.debugDescription)")
    #expect(bytes?.reason == expected?.reason, "\(line.debugDescription)")
    #expect((bytes == nil) == (expected == nil), "\(line.debugDescription)")
    // The split found in the same pass is `TestID.split`'s.
    if let b = bytes {
      let (prefix, name) = TestID.split(b.id, at: b.cut)
      let reference = TestID.split(String(b.id))
      #expect(prefix == reference.prefix && name == reference.name, "\(line.debugDescription)")
    }
  }

  @Test func realLines() {
    for line in [
      "tests/test_api.py::TestUsers::test_get[param 1] PASSED                     [ 10%]",
      "tests/test_api.py::test_x FAILED [ 20%]", "tests/a.py::t SKIPPED (no network) [ 30%]",
      "tests/a.py::t XFAIL (known bug)", "tests/a.py::t XPASS", "tests/a.py::t ERROR", "tests/a.py::t RERUN [ 1%]",
      "tests/a.py::t ", "tests/a.py::t", "tests/a.py", "tests/a.py ..F.s [ 50%]", "collected 12 items", "",
      "[gw0] [ 10%] PASSED tests/a.py::t", "tests/é.py::t PASSED", "tests/a.py::t \u{301}PASSED", "a.py::t]] PASSED",
      "E   assert 1 == 2", "==== FAILURES ====", "tests/a.py::t SKIPPED (a [b] c) [ 3%]", "tests/a.py::t SKIPPED ([x])",
      "a.py::::b PASSED", "a.py:::b PASSED", "a.py::T]]::t[x::y] PASSED", "a.py::t[a]]::b] PASSED", "a.py::t[x::y]::u PASSED",
      "a.py:: PASSED", "tests/a.py::t PASSED\t[ 10%]", "tests/a.py::t XPASS\t", "tests/a.py::t XPASSED", "tests/a.py::t RERUNS",
      "tests/a.py::t SKIPPED", "tests/a.py::t SKIPPEDX (r)", "tests/a.py::t XFAIL (r) [ 9%]",
    ] {
      same(line)
    }
  }

  /// Lines built from the pieces that tell the paths apart: brackets, spaces, status words and
  /// their near misses, reasons, percentages.
  @Test func generatedLines() {
    var rng = SystemRandomNumberGenerator()
    for _ in 0..<20_000 {
      let count = Int.random(in: 1...9, using: &rng)
      same((0..<count).map { _ in Self.pieces.randomElement(using: &rng) ?? "" }.joined())
    }
  }
}

/// A block's exception type read by bytes is the one read by Characters.
@Suite struct PytestMessageTypeTests {
  @Test func asByCharacters() {
    let pieces = ["requests", ".", "exceptions", "HTTPError", ":", " ", "404", "_", "é", "\u{301}", "x", "Ä", "٣", "\r\n", "-", "E"]
    var texts = ["requests.exceptions.HTTPError: 404 Not Found", "AssertionError", "assert 1 == 2", ":", "", "a:\u{301}b:c", "Ünï: x"]
    var rng = SystemRandomNumberGenerator()
    for _ in 0..<10_000 {
      texts.append((0..<Int.random(in: 1...7, using: &rng)).map { _ in pieces.randomElement(using: &rng) ?? "" }.joined())
    }
    for text in texts {
      let reference = PytestBlock.messageTypeByCharacters(text)
      #expect((PytestBlock.messageTypeASCII(text) ?? reference) == reference, "\(text.debugDescription)")
    }
    #expect(PytestBlock.messageTypeASCII("requests.exceptions.HTTPError: 404") == .some("requests.exceptions.HTTPError"))
  }

  /// Traceback location lines read by bytes give what the Character path gives: paths with
  /// spaces, `.py` or not, Windows drive letters, numbers with signs, types with spaces and tabs
  /// around them, the first byte that rules a line out, non-ASCII lines (the Character path).
  @Test func locationLinesAsByCharacters() {
    let pieces = [
      "tests/a.py", "C:", "\\x.py", "lib/http client.py", "a b", ".", "py", ":", "12", "+3", "-1", "x1", " ", "\t", "AssertionError",
      "HTTPError", "E", ">", "é", "\u{301}", "Error: msg", "\r",
    ]
    var lines = ["tests/a.py:12: AssertionError", "lib/http_client.py:43: HTTPError", "E   assert 1", "a b.py:3: X", "x:1:", ""]
    var rng = SystemRandomNumberGenerator()
    for _ in 0..<20_000 {
      lines.append((0..<Int.random(in: 1...6, using: &rng)).map { _ in pieces.randomElement(using: &rng) ?? "" }.joined())
    }
    for line in lines {
      let bytes = PytestLines.location(line[...])
      let characters = PytestLines.locationByCharacters(line[...])
      #expect(
        bytes?.file == characters?.file && bytes?.line == characters?.line && bytes?.type == characters?.type, "\(line.debugDescription)")
    }
  }
}
