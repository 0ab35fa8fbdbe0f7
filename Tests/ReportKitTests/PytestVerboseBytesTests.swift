import Testing

@testable import ReportKit

/// `PytestVerboseBytes` answers as the Character path does (`PytestLines.verboseByCharacters`) on
/// every line it decides, and leaves non-ASCII and xdist lines to it.
@Suite struct PytestVerboseBytesTests {
  static let pieces = [
    "tests/a.py", "a.py", "x.py", ".py", "tests/test_x.txt", "::", ":", "T", "test_y", "[", "]", "[x y]", "[a::b]", "[[", "]]",
    " ", "  ", "PASSED", "FAILED", "ERROR", "SKIPPED", "XFAIL", "XPASS", "RERUN", "PASS", "PASSEDX", "ERRORS", "E", "X",
    "(", ")", "(reason text)", "(why) ", "[ 10%]", "[100%]", " [ 50%]", "-", "=", "_", "py", "p", "y", "\t", "0", "/",
  ]

  func same(_ line: String) {
    let s = line[...]
    let expected = PytestLines.verboseByCharacters(s)
    guard let bytes = PytestVerboseBytes.verbose(s) else {
      // Left to the Character path: only lines that are not ASCII, or xdist's.
      #expect(!line.utf8.allSatisfy { $0 < 0x80 } || line.hasPrefix("[gw"), "\(line.debugDescription)")
      return
    }
    #expect(bytes?.id == expected?.id, "\(line.debugDescription)")
    #expect(bytes?.status == expected?.status, "\(line.debugDescription)")
    #expect(bytes?.reason == expected?.reason, "\(line.debugDescription)")
    #expect((bytes == nil) == (expected == nil), "\(line.debugDescription)")
  }

  @Test func realLines() {
    for line in [
      "tests/test_api.py::TestUsers::test_get[param 1] PASSED                     [ 10%]",
      "tests/test_api.py::test_x FAILED [ 20%]", "tests/a.py::t SKIPPED (no network) [ 30%]",
      "tests/a.py::t XFAIL (known bug)", "tests/a.py::t XPASS", "tests/a.py::t ERROR", "tests/a.py::t RERUN [ 1%]",
      "tests/a.py::t ", "tests/a.py::t", "tests/a.py", "tests/a.py ..F.s [ 50%]", "collected 12 items", "",
      "[gw0] [ 10%] PASSED tests/a.py::t", "tests/é.py::t PASSED", "tests/a.py::t \u{301}PASSED", "a.py::t]] PASSED",
      "E   assert 1 == 2", "==== FAILURES ====", "tests/a.py::t SKIPPED (a [b] c) [ 3%]", "tests/a.py::t SKIPPED ([x])",
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

  @Test func asciiCheck() {
    for text in ["", "a", "abcdefgh", "abcdefghi", "abcdefgé", "éabcdefgh", "abcdefghijklmnop\u{7F}"] {
      var copy = text
      let fast = copy.withUTF8 { PytestVerboseBytes.isASCII($0) }
      #expect(fast == text.utf8.allSatisfy { $0 < 0x80 }, "\(text.debugDescription)")
    }
  }
}
