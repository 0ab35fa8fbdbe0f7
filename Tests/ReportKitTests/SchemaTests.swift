import Foundation
import Testing

@testable import ReportKit

/// report.json is described once (`ReportSchema`): what the streaming writer writes reads back
/// through the same types into the same values, and older report/1 files still read as baselines.
@Suite struct SchemaTests {
  static let examples = Fixtures.root + "/../../examples"
  static let reports = Fixtures.root + "/../../reports"

  func report(_ logs: String, baseline: String? = nil) throws -> Report {
    var config = ReportConfig()
    config.targets.passRate = 0.95
    config.targets.p95Ms = 50
    let builder = ReportBuilder()
    let run = try builder.read([logs])
    let findings = Triage(config: config).findings(of: run)
    let before = try baseline.map { try builder.snapshot(of: $0, config: config) }
    let analysis = Analysis(run: run, findings: findings, config: config, baseline: before, label: "after")
    return Report(run: run, findings: findings, analysis: analysis, meta: RunMeta(runID: "rt", generatedAt: "2026-01-01T00:00:00Z"))
  }

  func written(_ r: Report) throws -> Data {
    let dir = TempDir()
    let path = dir.path + "/report.json"
    let sink = try #require(OutputSink(path: path))
    JSONRenderer().write(r, to: sink)
    #expect(sink.finish())
    return try Data(contentsOf: URL(fileURLWithPath: path))
  }

  @Test(arguments: [false, true])
  func whatIsWrittenReadsBackAsTheSameDocument(withBaseline: Bool) throws {
    let r = try report(Self.examples + "/logs", baseline: withBaseline ? Self.examples + "/baseline" : nil)
    let expected = ReportSchema.document(r)
    let decoded = try JSONDecoder().decode(ReportSchema.Document.self, from: try written(r))
    // Field by field first, for a readable failure; then the whole.
    #expect(decoded.totals == expected.totals)
    #expect(decoded.tests == expected.tests)
    #expect(decoded.requests == expected.requests)
    #expect(decoded.clusters == expected.clusters)
    #expect(decoded.metrics == expected.metrics)
    #expect(decoded.actions == expected.actions)
    #expect(decoded.comparison == expected.comparison)
    #expect(decoded == expected)
    #expect(withBaseline == (decoded.comparison != nil))
    #expect(decoded.metrics?.targets.isEmpty == false, "targets are part of the round trip")
    #expect(decoded.tests.contains { $0.classification != nil } && decoded.tests.contains { $0.status == "passed" && $0.name == nil })
  }

  @Test func theCIObjectReadsBackAndIsLeftOutOutsideCI() throws {
    var r = try report(Self.examples + "/logs")
    let plain = try written(r)
    #expect(!String(decoding: plain, as: UTF8.self).contains("\"ci\""), "no CI: the bytes of a report made elsewhere")
    #expect(try JSONDecoder().decode(ReportSchema.Document.self, from: plain).ci == nil)
    r.meta.ci = CIMetadata(
      provider: .gitlab, commit: "0123456789abcdef", branch: "main", runID: "555", runNumber: "31", jobURL: "https://g/-/jobs/7",
      runURL: "https://g/-/pipelines/555", repository: "acme/shop", pullRequest: "12", job: "e2e", workspace: "/builds/acme/shop")
    let decoded = try JSONDecoder().decode(ReportSchema.Document.self, from: try written(r))
    #expect(decoded.ci == ReportSchema.document(r).ci)
    #expect(decoded == ReportSchema.document(r))
    #expect(decoded.ci?.provider == "gitlab-ci" && decoded.ci?.run_url == "https://g/-/pipelines/555" && decoded.ci?.pull_request == "12")
  }

  @Test func thePassingFastPathWritesWhatTheSchemaValueWrites() throws {
    var anonymous = TestResult(idPrefix: "tests/a.py::", name: "t[\"q\"]", suite: "a", status: .passed, durationSeconds: 0.000012)
    anonymous.anonymous = true
    let tests = [
      anonymous, TestResult(idPrefix: "", name: "plain", suite: "", status: .passed),
      TestResult(idPrefix: "x.py::T::", name: "ok", suite: "T", status: .passed, durationSeconds: 12.5),
    ]
    for t in tests {
      let dir = TempDir()
      let (fast, slow) = (dir.path + "/fast", dir.path + "/slow")
      let (a, b) = (try #require(OutputSink(path: fast)), try #require(OutputSink(path: slow)))
      ReportSchema.Test.writePassing(t, to: JSONWriter(sink: a))
      ReportSchema.Test(t, nil, nil).write(to: JSONWriter(sink: b))
      #expect(a.finish() && b.finish())
      let (x, y) = (try String(contentsOfFile: fast, encoding: .utf8), try String(contentsOfFile: slow, encoding: .utf8))
      #expect(x == y)
      #expect(x.hasPrefix("{\"id\": \"\(t.id.replacingOccurrences(of: "\"", with: "\\\""))\""))
    }
  }

  @Test func theRequestFastPathWritesWhatTheSchemaValueWrites() throws {
    let r = try report(Self.examples + "/logs")
    #expect(r.run.requests.count >= 10)
    for x in r.run.requests {
      let dir = TempDir()
      let (fast, slow) = (dir.path + "/fast", dir.path + "/slow")
      let (a, b) = (try #require(OutputSink(path: fast)), try #require(OutputSink(path: slow)))
      ReportSchema.Request.write(x, to: JSONWriter(sink: a))
      ReportSchema.Request(x).write(to: JSONWriter(sink: b))
      #expect(a.finish() && b.finish())
      #expect(try String(contentsOfFile: fast, encoding: .utf8) == String(contentsOfFile: slow, encoding: .utf8))
    }
  }

  @Test func theCommittedExampleReportsDecode() throws {
    for run in ["example", "example-compare"] {
      let data = try Data(contentsOf: URL(fileURLWithPath: Self.reports + "/\(run)/report.json"))
      let doc = try JSONDecoder().decode(ReportSchema.Document.self, from: data)
      #expect(doc.schema == ReportSchema.version)
      #expect(doc.tests.count == doc.totals.tests)
      #expect((doc.comparison != nil) == (run == "example-compare"))
    }
  }

  /// report/1 as an earlier build wrote it (Tests/Fixtures/report1) and report/2 as this build
  /// writes it, for the same logs, read back into the same document; report/2 is the smaller.
  @Test func report1AndReport2ReadAsTheSameDocument() throws {
    let old = try Data(contentsOf: URL(fileURLWithPath: Fixtures.path("report1/report.json")))
    let new = try Data(contentsOf: URL(fileURLWithPath: Self.reports + "/example-compare/report.json"))
    var a = try JSONDecoder().decode(ReportSchema.Document.self, from: old)
    let b = try JSONDecoder().decode(ReportSchema.Document.self, from: new)
    #expect(a.schema == "report/1" && b.schema == "report/2")
    #expect(new.count < old.count, "report/2 is smaller: \(new.count) vs \(old.count) bytes")
    // The same tests in the same order (each listed one back in its place), with the same fields.
    #expect(a.tests == b.tests)
    #expect(a.clusters?.map { Set($0.tests) } == b.clusters?.map { Set($0.tests) })
    #expect(b.clusters?.allSatisfy { !$0.tests.isEmpty || $0.count == 0 } == true)
    a.schema = b.schema
    a.clusters = b.clusters  // report/1 listed a cluster's tests by id, report/2 in run order
    #expect(a == b)
    // Both serve as a baseline, alike.
    let (sa, sb) = (Snapshot(label: "x", document: a), Snapshot(label: "x", document: b))
    #expect(sa.totals == sb.totals && sa.tests.count == sb.tests.count)
  }

  /// A report/2 file whose groups or places do not add up is refused, not misread. Hand-written:
  /// the smallest documents with one defect each.
  @Test(arguments: [
    #"{"id": "a::f", "seq": 5, "status": "failed", "name": "f"}"#,
    #"{"id": "a::f", "seq": -1, "status": "failed", "name": "f"}"#,
  ])
  func report2WithTestsOutOfPlaceIsRefused(listed: String) throws {
    let head = #"{"schema": "report/2", "run_id": "x", "generated_at": "t", "inputs": [], "#
    let totals =
      #""totals": {"tests": 2, "passed": 1, "failed": 1, "errors": 0, "skipped": 0, "xfailed": 0, "xpassed": 0, "flaky": 0, "duration_s": 0}, "#
    let good =
      head + totals
      + #""tests": [{"id": "a::f", "seq": 1, "status": "failed", "name": "f"}], "passed": [{"prefix": "a::", "names": ["p"], "durations_s": [0.5]}], "requests": [], "warnings": []}"#
    let doc = try JSONDecoder().decode(ReportSchema.Document.self, from: Data(good.utf8))
    #expect(doc.tests.map(\.id) == ["a::p", "a::f"])
    #expect(doc.tests[0].duration_s == 0.5 && doc.tests[0].status == "passed")
    let bad =
      head + totals + #""tests": ["# + listed
      + #"], "passed": [{"prefix": "a::", "names": ["p"], "durations_s": [0.5]}], "requests": [], "warnings": []}"#
    #expect(throws: DecodingError.self) { try JSONDecoder().decode(ReportSchema.Document.self, from: Data(bad.utf8)) }
    let short =
      head + totals
      + #""tests": [], "passed": [{"prefix": "a::", "names": ["p", "q"], "durations_s": [0.5]}], "requests": [], "warnings": []}"#
    #expect(throws: DecodingError.self) { try JSONDecoder().decode(ReportSchema.Document.self, from: Data(short.utf8)) }
  }

  @Test func anEarlyReport1WithoutAnalysisIsStillABaseline() throws {
    // Hand-written: the shape report/1 had before classification and analysis were added
    // (schema, run_id, generated_at, inputs, totals, tests, requests, warnings only).
    let dir = TempDir()
    let path = dir.file(
      "old.json",
      """
      {"schema": "report/1", "run_id": "old", "generated_at": "2026-01-01T00:00:00Z",
       "inputs": [{"path": "a.log", "format": "pytest-console", "tests": 2, "requests": 0, "warnings": []}],
       "totals": {"tests": 2, "passed": 1, "failed": 1, "errors": 0, "skipped": 0, "xfailed": 0, "xpassed": 0, "flaky": 0, "pass_rate": 0.5, "duration_s": 1.5},
       "tests": [{"id": "a.py::t1", "status": "passed", "duration_s": 0.5}, {"id": "a.py::t2", "status": "failed", "name": "t2", "suite": "a.py"}],
       "requests": [], "warnings": []}
      """)
    let s = try Snapshot(reportJSON: path)
    #expect(s.totals.tests == 2 && s.passRate == 0.5 && s.tests["a.py::t2"]?.status == .failed)
    #expect(s.clusters.isEmpty && s.failuresByCategory.isEmpty)
    let other = dir.file(
      "other.json",
      #"{"schema": "report/9", "run_id": "x", "generated_at": "", "inputs": [], "totals": {"tests": 0, "passed": 0, "failed": 0, "errors": 0, "skipped": 0, "xfailed": 0, "xpassed": 0, "flaky": 0, "duration_s": 0}, "tests": [], "requests": [], "warnings": []}"#
    )
    #expect(throws: Snapshot.SchemaMismatch.self) { try Snapshot(reportJSON: other) }
  }

  /// A passed group's prefix takes in the stem its names share up to a `[` (a parametrized
  /// test's), never a whole name.
  @Test(arguments: [
    (["test_get[a]", "test_get[b]"], 9), (["a"], 0), (["t[x]", "t[x]"], 2), (["x", "y"], 0), (["t[é1]", "t[é2]"], 2),
    (["t[a][é1]", "t[a][é2]"], 5), (["test_a", "test_ab"], 0), (["test_get[a]", "test_get"], 0), (["[", "[a"], 0),
  ])
  func aGroupSharesWhatItsNamesStartWith(names: [String], shared: Int) {
    let tests = names.map { TestResult(idPrefix: "a.py::", name: $0, suite: "a", status: .passed) }
    #expect(tests.withUnsafeBufferPointer { JSONRenderer.sharedStart(of: Array($0.indices), in: $0) } == shared)
    // Names kept as slices of one shared chunk (as readers store them) read the same.
    var compacted = tests
    NameCompactor.compact(&compacted, from: 0)
    #expect(compacted.withUnsafeBufferPointer { JSONRenderer.sharedStart(of: Array($0.indices), in: $0) } == shared)
  }
}
