import Foundation
import Testing

@testable import ReportKit

/// gl-code-quality-report.json: one Code Climate issue per located failure, paths relative to
/// the checkout, fingerprints stable across runs.
@Suite struct CodeQualityTests {
  /// One entry of the file, as GitLab reads it.
  struct Entry: Decodable, Equatable {
    struct Location: Decodable, Equatable {
      struct Lines: Decodable, Equatable { var begin: Int }
      var path: String
      var lines: Lines
    }
    var type: String
    var check_name: String
    var description: String
    var categories: [String]
    var severity: String
    var fingerprint: String
    var location: Location
  }

  func run() -> Run {
    func failing(_ name: String, file: String?, line: Int?, message: String, status: TestStatus = .failed) -> TestResult {
      var t = TestResult(idPrefix: "tests/test_api.py::", name: name, suite: "tests/test_api.py", status: status, phase: .call)
      let d = t.detailsForWriting()
      d.file = file
      d.line = line
      d.message = message
      d.evidence = [Evidence(path: "log", line: 1, text: message)]
      return t
    }
    return Run(
      inputs: [InputSummary(path: "log", format: .pytest, tests: 4)],
      tests: [
        failing(
          "test_orders", file: "/builds/acme/shop/tests/test_api.py", line: 28, message: "ConnectionError: [Errno 111] Connection refused"),
        failing("test_profile", file: "tests/test_api.py", line: 40, message: "AssertionError: got 401: JWT expired\nassert 401 == 200"),
        failing("test_nowhere", file: nil, line: nil, message: "AssertionError: assert 1 == 2"),
        TestResult(idPrefix: "tests/test_api.py::", name: "test_ok", suite: "tests/test_api.py", status: .passed),
      ], requests: [])
  }

  func entries(ci: CIMetadata?) throws -> [Entry] {
    let run = run()
    let findings = Triage().findings(of: run)
    let report = Report(
      run: run, findings: findings, analysis: Analysis(run: run, findings: findings, config: ReportConfig()),
      meta: RunMeta(runID: "r", generatedAt: "2026-01-01T00:00:00Z", ci: ci))
    let dir = TempDir()
    let sink = try #require(OutputSink(path: dir.path + "/cq.json"))
    CodeQualityWriter().write(report, to: sink)
    #expect(sink.finish())
    return try JSONDecoder().decode([Entry].self, from: Data(contentsOf: URL(fileURLWithPath: dir.path + "/cq.json")))
  }

  @Test func oneIssuePerLocatedFailureRelativeToTheCheckout() throws {
    let ci = CIMetadata(provider: .gitlab, workspace: "/builds/acme/shop")
    let e = try entries(ci: ci)
    #expect(e.count == 2, "the failure without a location and the pass are left out")
    let orders = try #require(e.first { $0.description.hasPrefix("tests/test_api.py::test_orders failed") })
    #expect(orders.location == .init(path: "tests/test_api.py", lines: .init(begin: 28)))
    #expect(orders.check_name == "report/connection_refused")
    #expect(orders.description.hasSuffix("infrastructure (connection_refused): ConnectionError: [Errno 111] Connection refused"))
    #expect(orders.type == "issue" && orders.categories == ["Bug Risk"])
    #expect(["critical", "major", "minor", "info"].contains(orders.severity))
    let profile = try #require(e.first { $0.description.contains("test_profile") })
    #expect(!profile.description.contains("\n"), "one line")
    #expect(Set(e.map(\.fingerprint)).count == 2 && e.allSatisfy { $0.fingerprint.count == 16 })
    // The same failures in another run: the same fingerprints (GitLab compares them).
    #expect(try entries(ci: ci).map(\.fingerprint) == e.map(\.fingerprint))
    // Outside the checkout (or outside CI) a path stays as it was.
    #expect(try entries(ci: nil).contains { $0.location.path == "/builds/acme/shop/tests/test_api.py" })
  }

  @Test func severitiesMapToCodeClimates() {
    #expect(CodeQualityWriter.severity(.critical) == "critical")
    #expect(CodeQualityWriter.severity(.high) == "major")
    #expect(CodeQualityWriter.severity(.medium) == "minor")
    #expect(CodeQualityWriter.severity(.low) == "info")
  }

  @Test func anEmptyRunIsAnEmptyArray() throws {
    let dir = TempDir()
    let run = Run(inputs: [], tests: [], requests: [])
    let findings = Triage().findings(of: run)
    let report = Report(
      run: run, findings: findings, analysis: Analysis(run: run, findings: findings, config: ReportConfig()),
      meta: RunMeta(runID: "r", generatedAt: "2026-01-01T00:00:00Z"))
    let sink = try #require(OutputSink(path: dir.path + "/cq.json"))
    CodeQualityWriter().write(report, to: sink)
    #expect(sink.finish())
    #expect(try String(contentsOfFile: dir.path + "/cq.json", encoding: .utf8) == "[]\n")
  }
}
