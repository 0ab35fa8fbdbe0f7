import Foundation
import Testing

@testable import ReportKit

/// CTRF out: ctrf.json is valid against the CTRF schema (`../shared/ctrf`, when it is there),
/// counts what report.json counts, carries each failure's verdict, and read back alone gives the
/// same run.
@Suite struct CTRFWriterTests {
  static let root = Fixtures.root + "/../.."
  static let schema = root + "/../shared/ctrf/ctrf.schema.json"

  /// examples/logs (pytest console, JUnit, curl) and the real CTRF reports with retries, in CI.
  func report(ci: CIMetadata? = nil) throws -> Report {
    let run = try ReportBuilder().read([Self.root + "/examples/logs", Fixtures.path("ctrf/rerun.ctrf.json")])
    let findings = Triage().findings(of: run)
    return Report(
      run: run, findings: findings, analysis: Analysis(run: run, findings: findings, config: ReportConfig()),
      meta: RunMeta(runID: "r1", generatedAt: "2026-01-01T00:00:00Z", ci: ci))
  }

  static let gitHub = CIMetadata(
    provider: .githubActions, commit: "0123456789abcdef", branch: "main", runID: "99", runNumber: "42",
    runURL: "https://github.com/acme/shop/actions/runs/99", repository: "acme/shop", job: "e2e")

  func written(_ r: Report, in dir: TempDir) throws -> String {
    let path = dir.path + "/ctrf.json"
    let sink = try #require(OutputSink(path: path))
    CTRFWriter().write(r, to: sink)
    #expect(sink.finish())
    return path
  }

  @Test func isValidAgainstTheCTRFSchema() throws {
    guard FileManager.default.fileExists(atPath: Self.schema) else {
      print("skipped: \(Self.schema) is absent, so ctrf.json is not checked against the CTRF schema")
      return
    }
    let dir = TempDir()
    let inCI = try written(try report(ci: Self.gitHub), in: dir)
    let plain = dir.path + "/plain.json"
    try FileManager.default.moveItem(atPath: inCI, toPath: plain)
    let again = try written(try report(), in: dir)
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = ["python3", Self.root + "/scripts/validate_ctrf.py", Self.schema, plain, again]
    let out = Pipe()
    p.standardOutput = out
    p.standardError = out
    try p.run()
    let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    p.waitUntilExit()
    #expect(p.terminationStatus == 0, "\(text)")
    #expect(text.hasSuffix("0 errors\n"), "\(text)")
  }

  @Test func countsWhatReportJSONCountsAndCarriesTheVerdicts() throws {
    let r = try report(ci: Self.gitHub)
    let dir = TempDir()
    let data = try Data(contentsOf: URL(fileURLWithPath: try written(r, in: dir)))
    let doc = try JSONDecoder().decode(CTRFSchema.Document.self, from: data)
    let t = r.run.totals
    #expect(doc.reportFormat == "CTRF" && doc.specVersion == CTRFSchema.specVersion)
    let s = try #require(doc.results.summary)
    #expect(s.tests == t.tests && doc.results.tests.count == t.tests)
    #expect(s.passed == t.passed + t.xpassed + t.flaky)
    #expect(s.failed == t.failed + t.errors && s.skipped == t.skipped + t.xfailed)
    #expect(s.flaky == 1 && t.flaky == 1 && t.errors == 2 && t.xfailed == 2, "the fixtures hold every kind")
    #expect(s.stop == 1_767_225_600_000, "from --now, not the clock")
    #expect(doc.results.environment?.commit == "0123456789abcdef" && doc.results.environment?.buildNumber == 42)
    #expect(doc.results.environment?.buildUrl == "https://github.com/acme/shop/actions/runs/99")
    for (i, test) in r.run.tests.enumerated() {
      let written = doc.results.tests[i]
      #expect(written.name == test.id)
      guard let c = r.findings.classifications[i] else {
        #expect(written.labels == nil)
        #expect(written.extra?.category == nil)
        continue
      }
      let cluster = try #require(r.findings.clusterOf[i].map { r.findings.clusters[$0] })
      let extra = CTRFSchema.Test.Extra(
        category: c.category.rawValue, rule: c.rule, confidence: c.confidence.rawValue, cluster: cluster.id,
        severity: cluster.severity.rawValue, exceptionType: test.details?.exceptionType)
      #expect(written.extra == extra)
      #expect(written.labels?["category"] == c.category.rawValue && written.labels?["cluster"] == cluster.id)
      // A flaky test carries the verdict on its failing attempt, and passed in the end.
      #expect(written.status == (test.status == .flaky ? "passed" : "failed"))
    }
    let flaky = try #require(doc.results.tests.first { $0.name == "test_retries.py::test_orders_recover_on_retry" })
    #expect(flaky.status == "passed" && flaky.flaky == true)
    let setup = try #require(doc.results.tests.first { $0.name == "test_retries.py::test_queue_depth" })
    #expect(setup.status == "failed" && setup.rawStatus == "setup_error")
  }

  @Test func readBackAloneItGivesTheSameRun() throws {
    let r = try report()
    let dir = TempDir()
    let back = CTRFParser(path: try written(r, in: dir), displayPath: "ctrf.json").parse()
    #expect(back.format == .ctrf && back.warnings.isEmpty)
    var a = Totals(back.tests)
    var b = r.run.totals
    #expect(abs(a.durationSeconds - b.durationSeconds) < 0.001 * Double(b.tests), "durations to the millisecond")
    a.durationSeconds = 0
    b.durationSeconds = 0
    #expect(a == b)
    #expect(back.tests.map(\.id) == r.run.tests.map(\.id))
    #expect(back.tests.map(\.status) == r.run.tests.map(\.status))
    #expect(back.tests.map(\.phase) == r.run.tests.map { $0.status.isFailure ? $0.phase : nil })
    // And it is classified the same way.
    let again = Triage().findings(of: try ReportBuilder().read([dir.path + "/ctrf.json"]))
    #expect(again.countsByCategory.map(\.1) == r.findings.countsByCategory.map(\.1))
    // The clusters of tests; failed requests stay in the curl traces, which ctrf.json does not carry.
    #expect(Set(again.clusters.map(\.id)) == Set(r.findings.clusters.filter { !$0.tests.isEmpty }.map(\.id)))
  }

  @Test func theSameRunGivesTheSameBytes() throws {
    let (a, b) = (TempDir(), TempDir())
    let x = try Data(contentsOf: URL(fileURLWithPath: try written(try report(ci: Self.gitHub), in: a)))
    let y = try Data(contentsOf: URL(fileURLWithPath: try written(try report(ci: Self.gitHub), in: b)))
    #expect(x == y && x.count > 1000)
  }
}
