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

  /// A run of one input: its tests' and requests' evidence name no file (report/3), and read
  /// back whole.
  @Test(arguments: ["ci-curl-verbose.log", "curl-timings.jsonl", "junit.xml", "pytest-console.log"])
  func aSingleInputReadsBackAsTheSameDocument(file: String) throws {
    let r = try report(Self.examples + "/logs/" + file)
    let data = try written(r)
    let dir = TempDir()
    try referenceReaderReadsTheSameTests(dir.file("report.json", bytes: [UInt8](data)))
    let decoded = try JSONDecoder().decode(ReportSchema.Document.self, from: data)
    #expect(decoded.requests == ReportSchema.document(r).requests)
    #expect(decoded == ReportSchema.document(r))
    #expect(decoded.requests.count + decoded.tests.count > 3)
    let text = String(decoding: data, as: UTF8.self)
    let lines = text.split(separator: "\n").filter { $0.hasPrefix("{\"method\"") || $0.contains("\",\"seq\":") }
    #expect(!lines.isEmpty && lines.allSatisfy { !$0.contains("\"path\":") }, "\(file)")
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
      ReportSchema.Test.writePassing(t, to: JSONWriter(sink: a, compact: true))
      ReportSchema.Test(t, nil, nil).write(to: JSONWriter(sink: b, compact: true))
      #expect(a.finish() && b.finish())
      let (x, y) = (try String(contentsOfFile: fast, encoding: .utf8), try String(contentsOfFile: slow, encoding: .utf8))
      #expect(x == y)
      #expect(x.hasPrefix("{\"id\":\"\(t.id.replacingOccurrences(of: "\"", with: "\\\""))\",\"status\":\"passed\""))
    }
  }

  @Test func theRequestFastPathWritesWhatTheSchemaValueWrites() throws {
    let r = try report(Self.examples + "/logs")
    #expect(r.run.requests.count >= 10)
    for x in r.run.requests {
      for input in [nil, x.evidence.first?.path] {
        let dir = TempDir()
        let (fast, slow) = (dir.path + "/fast", dir.path + "/slow")
        let (a, b) = (try #require(OutputSink(path: fast)), try #require(OutputSink(path: slow)))
        [x].withUnsafeBufferPointer { ReportSchema.Request.write($0, 0, to: JSONWriter(sink: a, compact: true), input: input) }
        ReportSchema.Request(x).write(to: JSONWriter(sink: b, compact: true), input: input)
        #expect(a.finish() && b.finish())
        let text = try String(contentsOfFile: fast, encoding: .utf8)
        #expect(try text == String(contentsOfFile: slow, encoding: .utf8))
        let named = x.evidence.contains { $0.path != input }
        #expect(text.contains("\"path\":") == named, "the only input's path is left out: \(text)")
        for key in ["method", "url", "host", "status", "reason", "curl_exit", "error", "body_excerpt"] {
          #expect(!text.contains("\"\(key)\":null"), "null fields are left out: \(text)")
        }
      }
    }
  }

  /// The writer asks whether a test's name and suite are the ones its id gives by bytes first:
  /// the answer is what comparing the derived Strings answers, canonically equal spellings
  /// (`é` precomposed or not) included, on drawn ids, names and suites.
  @Test func derivedNameAndSuiteAreAskedAsTheStringsCompare() {
    var rng = DamagedInputTests.SplitMix(state: 23)
    func pick<T>(_ xs: [T]) -> T { xs[Int(rng.next() % UInt64(xs.count))] }
    let files = ["tests/a.py", "tests/caf\u{E9}.py", "tests/cafe\u{301}.py", "a.pyx", "com/x/ATest", "", "b.py"]
    let classes = ["", "T", "T::U", "Caf\u{E9}", "Cafe\u{301}"]
    let names = ["t", "t[x::y]", "caf\u{E9}", "cafe\u{301}", ""]
    var asked = 0
    for _ in 0..<4000 {
      let (file, cls, name) = (pick(files), pick(classes), pick(names))
      let id = [file, cls, name].filter { !$0.isEmpty }.joined(separator: "::")
      let otherName = pick(names + [ReportSchema.derivedName(id: id)])
      let derivedSuite = ReportSchema.derivedSuite(id: id)
      let suite: String? = pick([nil, derivedSuite, "tests.a.T", "tests.caf\u{E9}.T", "tests.cafe\u{301}.T", "com/x/ATest", ""])
      #expect(ReportSchema.isDerivedName(otherName, id: id) == (otherName == ReportSchema.derivedName(id: id)), "\(id) \(otherName)")
      #expect(ReportSchema.isDerivedSuite(suite, id: id) == (suite == derivedSuite), "\(id) \(suite ?? "nil")")
      if suite != nil && suite == derivedSuite && suite?.utf8.elementsEqual(derivedSuite?.utf8 ?? "".utf8) == false { asked += 1 }
    }
    #expect(asked > 0)  // some suites equal only as Strings (another spelling of é)
  }

  /// Metrics written with the endpoints from the analysis's own values give the bytes the
  /// schema value gives: names and hosts that need escapes, one status or several, no latency.
  @Test func theEndpointsFastPathWritesWhatTheSchemaValueWrites() throws {
    var rng = DamagedInputTests.SplitMix(state: 5)
    func pick<T>(_ xs: [T]) -> T { xs[Int(rng.next() % UInt64(xs.count))] }
    var requests: [HTTPExchange] = []
    for _ in 0..<3_000 {
      var x = HTTPExchange()
      x.method = pick(["GET", "POST", nil, "PU\"T"])
      x.host = pick(["a.example", "b\\.example", nil, "c\u{1}.example", "é.example"])
      x.url = "https://\(x.host ?? "h")\(pick(["/v1/a", "/q\"uote", "/tab\t", "/é"]))/\(pick(["a", "b", "c", "d", "e", "f", "g", "h"]))"
      if rng.next() % 3 > 0 { x.status = pick([200, 404, 503]) } else { x.curlExit = pick([6, 7]) }
      if rng.next() % 2 == 0 { x.timingsMs["total"] = Double(rng.next() % 5_000) / 7 }
      requests.append(x)
    }
    let metrics = Metrics(Run(inputs: [], tests: [], requests: requests), Findings(), targets: Targets())
    #expect(metrics.endpoints.count > 200)
    #expect(metrics.endpoints.contains { $0.statuses.count > 1 } && metrics.endpoints.contains { $0.statuses.count == 1 })
    let dir = TempDir()
    let (fast, slow) = (dir.path + "/fast", dir.path + "/slow")
    let (a, b) = (try #require(OutputSink(path: fast)), try #require(OutputSink(path: slow)))
    ReportSchema.Metrics.write(metrics, to: JSONWriter(sink: a, compact: true))
    ReportSchema.Metrics(metrics).write(to: JSONWriter(sink: b, compact: true))
    #expect(a.finish() && b.finish())
    let text = try String(contentsOfFile: fast, encoding: .utf8)
    #expect(try text == String(contentsOfFile: slow, encoding: .utf8))
    #expect(text.contains("\"name\":\"PU\\\"T /q\\\"uote/"))
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

  /// report/1 and report/2 as earlier builds wrote them (Tests/Fixtures/report1, report2) and
  /// report/3 as this build writes it, for the same logs, read back into the same document; each
  /// is smaller than the one before.
  @Test func report1And2And3ReadAsTheSameDocument() throws {
    let files = try ["report1/report.json", "report2/report.json"].map { try Data(contentsOf: URL(fileURLWithPath: Fixtures.path($0))) }
    let new = try Data(contentsOf: URL(fileURLWithPath: Self.reports + "/example-compare/report.json"))
    let b = try JSONDecoder().decode(ReportSchema.Document.self, from: new)
    #expect(b.schema == "report/3")
    #expect(new.count < files[1].count && files[1].count < files[0].count, "\(files.map(\.count)) then \(new.count) bytes")
    for (k, old) in files.enumerated() {
      var a = try JSONDecoder().decode(ReportSchema.Document.self, from: old)
      #expect(a.schema == "report/\(k + 1)")
      // The same tests in the same order (each listed one back in its place), with the same fields.
      #expect(a.tests == b.tests)
      #expect(a.clusters?.map { Set($0.tests) } == b.clusters?.map { Set($0.tests) })
      a.schema = b.schema
      a.clusters = b.clusters  // report/1 listed a cluster's tests by id, the later ones in run order
      #expect(a == b)
      // Each serves as a baseline, alike.
      let (sa, sb) = (Snapshot(label: "x", document: a), Snapshot(label: "x", document: b))
      #expect(sa.totals == sb.totals && sa.tests.count == sb.tests.count)
    }
    #expect(b.clusters?.allSatisfy { !$0.tests.isEmpty || $0.count == 0 } == true)
  }

  /// report/3 leaves a field out only where a reader works the same value out again: each way a
  /// test can differ from what would be worked out is written, and everything reads back whole,
  /// with one input and with two. Hand-made tests, one per case.
  @Test(arguments: [1, 2])
  func report3LeavesOutOnlyWhatReadsBackTheSame(inputCount: Int) throws {
    let inputs = (0..<inputCount).map { "logs/run\($0).xml" }
    func failing(_ prefix: String, _ name: String, _ suite: String, _ fill: (TestDetails) -> Void) -> TestResult {
      var t = TestResult(idPrefix: prefix, name: name, suite: suite, status: .failed, phase: .call, durationSeconds: 0.5)
      let d = t.detailsForWriting()
      d.sources = [inputs[0]]
      fill(d)
      return t
    }
    let pytestDetail =
      "    def test_x():\n>       assert a == b\nE       assert 1 == 2\nE        +  where 1 = f()\nE\n\ntests/a.py:3: AssertionError"
    let tests = [
      // Derivable: name, suite (pytest's dotted module + class), message (the E lines), sources,
      // the evidence's path (the only source) and text (the message).
      failing("tests/é/a.py::TestA::", "test_x[a::b]", "tests.é.a.TestA") { d in
        d.detail = pytestDetail
        d.message = "assert 1 == 2\n +  where 1 = f()\n"
        d.evidence = [Evidence(path: inputs[0], line: 7, text: "assert 1 == 2\n +  where 1 = f()\n")]
      },
      failing("tests/a.py::", "test_none", "tests.a") { d in d.detail = pytestDetail },  // no message, though derivable
      failing("tests/a.py::", "test_other", "elsewhere") { d in  // suite and message differ from the derived
        d.detail = pytestDetail
        d.message = "boom"
        d.evidence = [Evidence(path: "other.log", line: 2, text: "boom"), Evidence(path: inputs[0], line: 3, text: "")]
      },
      // JUnit of Java: the message is the detail's first line without the exception type.
      failing("com.x.ATest::", "testA", "com.x.ATest") { d in
        d.exceptionType = "java.lang.AssertionError"
        d.detail = "java.lang.AssertionError: expected <1>\r\n\tat com.x.ATest.testA(ATest.java:9)"
        d.message = "expected <1>\r"
      },
      failing("", "plain", "") { d in
        d.detail = ""; d.message = ""; d.evidence = [Evidence(path: inputs[0], line: 1, text: "")]
      },
      failing("x.py::", "t", "x") { d in d.sources = [] },
      failing("x.py::", "t2", "x") { d in d.sources = inputs + ["extra.log"] },
    ]
    var passing: [TestResult] = []
    for prefix in ["tests/é/a.py::TestA::", "tests/é/a.py::TestB::", "tests/😀/b.py::", "tests/😀/c.py::", "tests/😀/c.py::T::"] {
      for n in ["test_p[1]", "test_p[2]"] {
        passing.append(TestResult(idPrefix: prefix, name: n, suite: "s", status: .passed, durationSeconds: 0.001))
      }
    }
    var anonymous = TestResult(idPrefix: "z.py::", name: "anon", suite: "z", status: .passed)
    anonymous.anonymous = true
    let all = [passing[0]] + tests[0..<3] + passing[1..<5] + [anonymous] + tests[3...] + passing[5...]
    let run = Run(inputs: inputs.map { InputSummary(path: $0, format: .junit, tests: all.count) }, tests: Array(all), requests: [])
    let findings = Triage().findings(of: run)
    let r = Report(
      run: run, findings: findings, analysis: Analysis(run: run, findings: findings, config: ReportConfig()),
      meta: RunMeta(runID: "d", generatedAt: "2026-01-01T00:00:00Z"))
    let data = try written(r)
    let decoded = try JSONDecoder().decode(ReportSchema.Document.self, from: data)
    let expected = ReportSchema.document(r)
    for (x, y) in zip(decoded.tests, expected.tests) { #expect(x == y) }
    #expect(decoded == expected)
    let dir = TempDir()
    try referenceReaderReadsTheSameTests(dir.file("report.json", bytes: [UInt8](data)))
    // What was left out, and what was written because it differs.
    let lines = String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    func line(_ id: String) throws -> String { try #require(lines.first { $0.hasPrefix("{\"id\":\"\(id)\"") }) }
    let first = try line("tests/é/a.py::TestA::test_x[a::b]")
    for key in ["name", "suite", "message", "path", "text"] { #expect(!first.contains("\"\(key)\":"), "\(key) left out: \(first)") }
    #expect(first.contains("\"sources\":") == (inputCount == 2))
    #expect(try line("tests/a.py::test_none").contains("\"message\":null"))
    let other = try line("tests/a.py::test_other")
    #expect(other.contains("\"suite\":\"elsewhere\"") && other.contains("\"message\":\"boom\"") && other.contains("\"path\":\"other.log\""))
    #expect(!(try line("com.x.ATest::testA")).contains("\"message\""))
    #expect(try line("plain").contains("\"suite\":\"\""))
    #expect(try line("x.py::t").contains("\"sources\":[]") == (inputCount == 1))
    // The passing groups: each prefix after the first takes what it shares with the one before,
    // counted in code points and never through a character beyond U+FFFF.
    let groups = lines.filter { $0.hasPrefix("[") }
    #expect(groups.count == 5)
    #expect(groups[1].hasPrefix("[18,\"B::test_p[\",[\"1]\",\"2]\"]"), "\(groups[1])")  // `tests/é/a.py::Test` is 18 code points
    #expect(groups[2].hasPrefix("[6,\"😀/b.py::test_p[\""), "\(groups[2])")  // stops before the emoji
    #expect(groups[3].hasPrefix("[6,\"😀/c.py::test_p[\""), "\(groups[3])")
    #expect(groups[4].hasPrefix("[6,\"😀/c.py::T::test_p[\""), "\(groups[4])")
  }

  /// scripts/report_json.py, the reader docs/report-json.md gives, reads every schema as the Swift
  /// reader does (each case of report/3's rules: above).
  @Test func theReferenceReaderReadsWhatTheSwiftReaderReads() throws {
    for path in [Fixtures.path("report1/report.json"), Fixtures.path("report2/report.json"), Self.reports + "/example/report.json"] {
      try referenceReaderReadsTheSameTests(path)
    }
  }

  func referenceReaderReadsTheSameTests(_ path: String) throws {
    let doc = try JSONDecoder().decode(ReportSchema.Document.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
    func same(_ command: String, _ items: [some Encodable]) throws {
      let p = Process()
      p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
      p.arguments = ["python3", Fixtures.root + "/../../scripts/report_json.py", command, path]
      let out = Pipe()
      p.standardOutput = out
      try p.run()
      let data = out.fileHandleForReading.readDataToEndOfFile()
      p.waitUntilExit()
      #expect(p.terminationStatus == 0)
      let lines = String(decoding: data, as: UTF8.self).split(separator: "\n")
      #expect(lines.count == items.count, "\(path) \(command)")
      for (line, item) in zip(lines, items) {
        let python = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? NSDictionary
        let swift = try JSONSerialization.jsonObject(with: JSONEncoder().encode(item)) as? NSDictionary
        #expect(python == swift, "\(path): \(line)")
      }
    }
    #expect(!doc.tests.isEmpty || !doc.requests.isEmpty)
    try same("tests", doc.tests)
    try same("requests", doc.requests)
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
    var arena = NameArena()
    let compacted = names.map { TestResult(group: TestGroup(idPrefix: "a.py::", suite: "a"), name: $0[...], in: &arena, status: .passed) }
    #expect(compacted.withUnsafeBufferPointer { JSONRenderer.sharedStart(of: Array($0.indices), in: $0) } == shared)
  }
}
