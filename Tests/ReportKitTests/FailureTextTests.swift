import Foundation
import Testing

@testable import ReportKit

/// The failure text rules read: the message, then the detail's `E` and cause lines (or, with
/// none, its first lines that are not quoted source).
@Suite struct FailureTextTests {
  /// The text by its definition, written plainly (lines as Substrings, parts joined): the byte
  /// version must give the same text.
  static func reference(message: String?, detail: String?) -> String {
    var parts: [Substring] = []
    if let message { parts.append(message[...]) }
    guard let detail else { return parts.joined(separator: "\n") }
    var picked = 0
    var firstLines: [Substring] = []
    var sawE = false
    for raw in detail.utf8.split(separator: 10, omittingEmptySubsequences: true) {
      let t = Substring(raw).utf8Trimmed()
      guard let first = t.utf8.first else { continue }
      if first == UInt8(ascii: "E") && (t.utf8.count == 1 || t.utf8HasPrefix("E ")) {
        sawE = true
        parts.append(t.dropFirst().utf8Trimmed())
        picked += 1
      } else if t.utf8HasPrefix("Caused by") || t.utf8HasPrefix("During handling") || t.utf8HasPrefix("[cause]")
        || t.utf8HasPrefix("cause:")
      {
        parts.append(t)
        picked += 1
      } else if !sawE && firstLines.count < 12 && !t.utf8HasPrefix("at ") && first != UInt8(ascii: ">") && !t.utf8HasPrefix("def ") {
        firstLines.append(t)
      }
      if picked >= 60 { break }
    }
    if !sawE { parts += firstLines }
    return parts.joined(separator: "\n")
  }

  @Test func edgeCases() {
    let details: [String?] = [
      nil, "", "\n\n", "E", "E ", "E\tx", "Ex", " E   boom  \n>  assert x\nE  second", "\t\tE\u{301} not an E line",
      "line one\r\nline two\r\n", "at Foo.bar(Foo.java:1)\ndef f():\nplain", "Caused by: x\nE y\nDuring handling z\n[cause] w\ncause: v",
      (0..<80).map { "E line \($0)" }.joined(separator: "\n"), (0..<20).map { "first \($0)" }.joined(separator: "\n"),
      "ünïcödé\nE  ✗ falló — 失败\n", "E\n\nE \n", "   \n\t\n",
    ]
    for message in [nil, "", "AssertionError: boom", "two\nlines"] as [String?] {
      for detail in details {
        #expect(
          FailureFacts.failureText(message: message, detail: detail) == Self.reference(message: message, detail: detail),
          "\(String(describing: message)) / \(String(describing: detail))")
      }
    }
  }

  @Test func realFailuresReadTheSame() throws {
    // Every failure of the bundled example and the fixtures' real logs (pytest, JUnit).
    let paths = [
      Fixtures.path("../../examples/logs/junit.xml"), Fixtures.path("../../examples/logs/pytest-console.log"),
      Fixtures.path("pytest/verbose-junit.log"), Fixtures.path("pytest/xunit2.xml"), Fixtures.path("reallogs/windows.log"),
      Fixtures.path("reallogs/junit-multi-result.xml"),
    ]
    var checked = 0
    for path in paths {
      let run = try ReportBuilder().read([path])
      for t in run.tests where t.details?.detail != nil || t.details?.message != nil {
        let d = t.details
        #expect(FailureFacts.failureText(message: d?.message, detail: d?.detail) == Self.reference(message: d?.message, detail: d?.detail))
        checked += 1
      }
    }
    #expect(checked > 40)
  }
}
