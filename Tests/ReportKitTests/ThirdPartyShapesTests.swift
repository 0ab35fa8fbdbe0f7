import Foundation
import Testing

@testable import ReportKit

/// The shapes third-party suites print that the rules got wrong (issue 12), read from logs real
/// pytest wrote (`scripts/make_classify_fixtures.sh`, Tests/Fixtures/classify).
@Suite struct ThirdPartyShapesTests {
  static func triaged(_ files: [String]) throws -> (Run, Findings) {
    let run = try ReportBuilder().read(files.map { Fixtures.path("classify/" + $0) })
    return (run, Triage().findings(of: run))
  }

  static func verdict(_ run: Run, _ f: Findings, _ id: String) -> (test: TestResult, verdict: Classification?)? {
    guard let i = run.tests.firstIndex(where: { $0.id == id }) else { return nil }
    return (run.tests[i], f.classifications[i])
  }

  static func line(_ file: String, _ n: Int) throws -> String {
    let lines = try String(contentsOfFile: Fixtures.path("classify/" + file), encoding: .utf8).split(
      separator: "\n", omittingEmptySubsequences: false)
    return String(lines[n - 1])
  }

  @Test func nativeTracebacksGiveTheRaisedExceptionAndItsLine() throws {
    let (run, f) = try Self.triaged(["native.log"])
    let chained = try #require(Self.verdict(run, f, "test_shapes.py::test_native_chained"))
    let d = try #require(chained.test.details)
    #expect(d.exceptionType == "ValueError")
    #expect(d.message?.hasPrefix("ValueError: (psycopg2.errors.ObjectNotInPrerequisiteState) prepared transactions are disabled") == true)
    // The continuation lines of the exception belong to it.
    #expect(d.message?.contains("(Background on this error at: https://sqlalche.me/e/21/e3q8)") == true)
    // The evidence quotes the line as the log has it, at its number.
    let e = try #require(d.evidence.first)
    #expect(e.text.hasPrefix("ValueError: (psycopg2"))
    #expect(try Self.line("native.log", e.line).hasPrefix("ValueError: (psycopg2"))
    #expect(chained.verdict?.category == .infrastructure)
    #expect(chained.verdict?.rule == "server_feature_disabled")
    // The frame in the test's own file is where it failed.
    #expect(d.file == "test_shapes.py")
  }

  @Test func statusesInsideComparedDataAreNotResponses() throws {
    let (run, f) = try Self.triaged(["long.log"])
    for id in ["test_shapes.py::test_log_records_compared", "test_shapes.py::test_looks_for_status_in_log"] {
      let v = try #require(Self.verdict(run, f, id)?.verdict)
      #expect(v.category == .logic, "\(id): \(v.rule)")
    }
  }

  @Test func aTeardownErrorThatSaysWhyDecidesTheFailure() throws {
    let (run, f) = try Self.triaged(["long.log"])
    let t = try #require(Self.verdict(run, f, "test_shapes.py::test_fails_and_errors_at_teardown"))
    #expect(t.test.details?.message == "assert None is not None")
    #expect(t.verdict?.rule == "tls_failure")
    #expect(t.verdict?.category == .infrastructure)
    // The cited lines include the teardown's.
    #expect(t.verdict?.evidence.contains { $0.text.contains("CERTIFICATE_VERIFY_FAILED") } == true)
  }

  @Test func helpTextURLsAreNotEndpoints() throws {
    let (run, f) = try Self.triaged(["long.log", "native.log"])
    let stories = Analysis.stories(run, f)
    #expect(!stories.isEmpty)
    for s in stories { #expect(s.endpoint.map { !URLParts.isReferenceHost($0.host ?? "") } ?? true, "\(s.title)") }
    #expect(ClusterStory.endpoint(in: "-- Docs: https://docs.pytest.org/en/stable/how-to/capture-warnings.html") == nil)
    #expect(ClusterStory.endpoint(in: "(Background on this error at: https://sqlalche.me/e/21/e3q8)") == nil)
    #expect(ClusterStory.endpoint(in: "see https://example.com/help for more") == nil)
    #expect(ClusterStory.endpoint(in: "HTTPError: 503 for url: http://127.0.0.1:8000/api/orders")?.path == "/api/orders")
    #expect(Correlator.endpoints(in: "Docs: https://docs.pytest.org/en/stable/x.html").isEmpty)
  }

  @Test func aRerunThenPassIsFlakyAndItsFailingAttemptIsClassified() throws {
    // The console says RERUN then PASSED; the CTRF file holds the failed attempt's text.
    let (run, f) = try Self.triaged(["long.log", "flaky.ctrf.json"])
    let i = try #require(run.tests.firstIndex { $0.id == "test_shapes.py::test_flaky_once" })
    #expect(run.tests[i].status == .flaky)
    let v = try #require(f.classifications[i])
    #expect(v.category == .infrastructure)
    #expect(v.rule == "connection_refused")
    #expect(v.evidence.contains { $0.text.contains("Connection refused") })
    #expect(f.flaky.contains(i))
    #expect(!f.failingInOrder.contains(i))
    let k = try #require(f.clusterOf[i])
    #expect(f.clusters[k].flaky == 1)
    #expect(f.clusters[k].severity == .low)
    // Not a failure in the counts.
    let failures = run.tests.indices.filter { run.tests[$0].status.isFailure }.count
    #expect(f.countsByCategory.reduce(0) { $0 + $1.1 } == failures)
    // The console alone (no attempt text) still gets a verdict.
    let (consoleRun, consoleFindings) = try Self.triaged(["long.log"])
    let j = try #require(consoleRun.tests.firstIndex { $0.id == "test_shapes.py::test_flaky_once" })
    #expect(consoleRun.tests[j].status == .flaky)
    #expect(consoleFindings.classifications[j] != nil)
    #expect(consoleRun.warnings.allSatisfy { !$0.message.contains("final summary disagrees") })
  }

  @Test func aPassFarFasterThanItsPeersIsAFalseGreen() throws {
    let (run, f) = try Self.triaged(["timing.xml"])
    let s = try #require(f.suspicious.first { $0.kind == .tooFast })
    #expect(s.tests == ["test_timing.py::test_checkout_end_to_end"])
    let e = try #require(s.evidence.first)
    #expect(e.text.contains("test_checkout_end_to_end passed in 0.00 s"))
    #expect(e.text.contains("the 5 other passing tests of test_timing.py: median 1.10 s"))
    #expect(try Self.line("timing.xml", e.line).contains("name=\"test_checkout_end_to_end\"") || e.line == 1)
    #expect(run.tests.count == 6)
  }

  @Test func aPeerGroupNeedsSlowPeersAndEnoughOfThem() {
    func run(_ seconds: [Double]) -> Run {
      var r = Run(inputs: [], tests: [], requests: [], warnings: [])
      for (k, s) in seconds.enumerated() {
        r.tests.append(TestResult(idPrefix: "t.py::", name: "t\(k)", suite: "t", status: .passed, durationSeconds: s))
      }
      return r
    }
    #expect(TooFastPasses.detect(run([2, 2, 2, 2, 2, 0.01])).first?.tests == ["t.py::t5"])
    #expect(TooFastPasses.detect(run([0.9, 0.9, 0.9, 0.9, 0.9, 0.0])).isEmpty)  // median under 1 s
    #expect(TooFastPasses.detect(run([2, 2, 2, 0.0])).isEmpty)  // too few peers
    #expect(TooFastPasses.detect(run([2, 2, 2, 2, 2, 0.05])).isEmpty)  // 2.5%, not under 2%
  }

  /// Peers are the passes of one file whichever class (group object) they come from: classes
  /// interleaved, and equal groups made apart (two readers), count as one file's peers.
  @Test func peersAreTheFilesPassesAcrossClassesAndGroupObjects() throws {
    var r = Run(inputs: [], tests: [], requests: [], warnings: [])
    let a = TestGroup(idPrefix: "t.py::A::", suite: "t.py::A")
    let b = TestGroup(idPrefix: "t.py::B::", suite: "t.py::B")
    let aAgain = TestGroup(idPrefix: "t.py::A::", suite: "t.py::A")
    let other = TestGroup(idPrefix: "u.py::", suite: "u.py")
    for (k, group) in [a, b, a, other, aAgain, b, a, other, b].enumerated() {
      r.tests.append(TestResult(group: group, name: "t\(k)", status: .passed, durationSeconds: 2))
    }
    r.tests.append(TestResult(group: aAgain, name: "fast", status: .passed, durationSeconds: 0.01))
    let s = try #require(TooFastPasses.detect(r).first)
    #expect(s.tests == ["t.py::A::fast"])
    #expect(s.evidence.first?.text.contains("the 7 other passing tests of t.py: median 2.00 s") == true)
  }

  /// The median found by selection is the sorted array's middle (or the mean of its middle two),
  /// with repeats, at every count up to 40.
  @Test func theMedianBySelectionIsTheSortedMiddle() {
    var rng = DamagedInputTests.SplitMix(state: 3)
    for n in 1...40 {
      for _ in 0..<50 {
        var values = (0..<n).map { _ in Double(rng.next() % 7) / 4 }
        let sorted = values.sorted()
        let expected = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2
        #expect(TooFastPasses.median(&values) == expected, "\(sorted)")
      }
    }
  }

  @Test func aDominantCauseLowersTheLogicVerdictsItMayExplain() {
    func verdict(_ c: Category, _ conf: Confidence) -> Classification {
      Classification(category: c, rule: c == .logic ? "code_exception" : "missing_executable", confidence: conf, evidence: [])
    }
    var many: Classifications = [:]
    for i in 0..<8 { many[i] = verdict(.infrastructure, .high) }
    many[8] = verdict(.logic, .high)
    many[9] = verdict(.logic, .medium)
    DominantCause.apply(to: &many, failing: Array(0..<10))
    #expect(many[8]?.confidence == .low && many[8]?.symptomOf == .infrastructure && many[8]?.category == .logic)
    #expect(many[9]?.confidence == .low)
    #expect(many[0]?.confidence == .high && many[0]?.symptomOf == nil)
    // Half the run is not dominated by four of ten.
    var mixed: Classifications = [:]
    for i in 0..<4 { mixed[i] = verdict(.infrastructure, .high) }
    for i in 4..<10 { mixed[i] = verdict(.logic, .high) }
    DominantCause.apply(to: &mixed, failing: Array(0..<10))
    #expect(mixed.values.allSatisfy { $0.confidence == .high })
  }
}
