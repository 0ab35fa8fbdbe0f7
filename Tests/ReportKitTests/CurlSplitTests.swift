import Foundation
import Testing

@testable import ReportKit

/// A curl log read by two threads (split at a `+ curl ` line) gives what one pass gives.
@Suite struct CurlSplitTests {
  /// Every curl log among the fixtures and examples (real curl runs).
  static let logs = [
    "curl/spread-hosts.log", "curl/spread-routes.log", "curl/trace-ascii-wrapped.txt", "curl/trace-hex.txt",
    "curl/verbose-meter-refused.log", "curl/verbose-refused.log", "curl/verbose-userpass.log", "curl/write-out-plain.txt",
    "eval/logs/curl-inventory.log", "../../examples/logs/ci-curl-verbose.log", "../../examples/logs/curl-admin-trace.txt",
    "../../examples/logs/curl-timings.jsonl",
  ]

  func read(_ path: String, threshold: Int) -> (ParsedArtifact, Bool) {
    CurlTraceParser(path: path, displayPath: "log").read(threshold: threshold)
  }

  /// Everything an exchange holds, as one comparable line per exchange.
  func described(_ a: ParsedArtifact) -> [String] {
    a.requests.map { x in
      let parts: [String] = [
        x.method ?? "-", x.url ?? "-", x.host ?? "-", x.status.map(String.init) ?? "-", x.reason ?? "-",
        x.curlExit.map(String.init) ?? "-", x.error ?? "-", x.bodyExcerpt ?? "-", x.bodyLine.map(String.init) ?? "-",
        x.timingsMs.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ","),
        x.evidence.map { "\($0.path):\($0.line):\($0.text)" }.joined(separator: "|"),
      ]
      return parts.joined(separator: " ¦ ")
    }
  }

  @Test(arguments: logs)
  func eachLogReadsTheSameInTwoHalves(name: String) {
    let (one, two) = CurlTraceParser(path: Fixtures.path(name), displayPath: "log").readBothWays()
    #expect(!one.requests.isEmpty, "\(name)")
    #expect(described(one) == described(two), "\(name)")
    #expect(one.warnings == two.warnings, "\(name)")
  }

  /// A log of many commands is cut into ten parts (two large, eight small, taken by whichever
  /// thread is free): read so, it gives what one pass gives, line numbers included; a PEM block
  /// open across a cut makes it one pass.
  @Test func aLongLogReadInTenPartsReadsAsOne() throws {
    let dir = TempDir()
    let pieces = try ["curl/spread-hosts.log", "curl/verbose-refused.log", "curl/spread-routes.log"].map {
      try String(contentsOfFile: Fixtures.path($0), encoding: .utf8)
    }
    var text = ""
    for k in 0..<120 { text += pieces[k % pieces.count] + (text.hasSuffix("\n") ? "" : "\n") }
    let path = dir.file("long.log", text)
    let cuts = try #require(CurlSplit.cuts(path: path, threshold: 1))
    #expect(cuts.cuts.count == CurlSplit.cutPerMille.count)
    let (one, two) = CurlTraceParser(path: path, displayPath: "log").readBothWays()
    #expect(one.requests.count > 300)
    #expect(described(one) == described(two))
    // A PEM block left open at the end of a part: the parts are not read apart.
    let open = text.utf8.count * 81 / 100
    let cut = text.index(text.startIndex, offsetBy: open)
    let withKey = String(text[..<cut]) + "\n-----BEGIN PRIVATE KEY-----\n" + String(text[cut...])
    let keyed = dir.file("keyed.log", withKey)
    let (read, split) = CurlTraceParser(path: keyed, displayPath: "log").read(threshold: 1)
    #expect(!split)
    #expect(described(read) == described(CurlTraceParser(path: keyed, displayPath: "log").read(threshold: .max).0))
  }

  @Test func theSplitIsTakenAtACommandLineAfterTheMiddle() {
    #expect(read(Fixtures.path("curl/spread-hosts.log"), threshold: 1).1)
    #expect(read(Fixtures.path("curl/spread-routes.log"), threshold: 1).1)
    #expect(!read(Fixtures.path("curl/trace-hex.txt"), threshold: 1).1, "no `+ curl` line: one pass")
  }
}
