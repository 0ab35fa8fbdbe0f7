import Testing

@testable import ReportKit

@Suite struct RunAssemblerTests {
  func test(_ id: String, _ status: TestStatus, evidence: String? = nil, anonymous: Bool = false) -> TestResult {
    let (prefix, name) = TestID.split(id)
    var t = TestResult(idPrefix: String(prefix), name: String(name), suite: "", status: status)
    t.anonymous = anonymous
    if let evidence { t.detailsForWriting().evidence = [Evidence(path: evidence, line: 1, text: "x")] }
    return t
  }

  func assemble(_ artifacts: [(InputFormat, [TestResult])]) -> Run {
    var a = RunAssembler()
    var parsed = artifacts.enumerated().map { ParsedArtifact(path: "a\($0.offset)", format: $0.element.0, tests: $0.element.1) }
    a.add(&parsed)
    return a.run(warnings: [])
  }

  @Test func sameTestInTwoArtifactsCountsOnceWithBothEvidence() throws {
    let run = assemble([
      (.junit, [test("t.py::a", .failed, evidence: "junit.xml"), test("t.py::b", .passed)]),
      (.pytest, [test("t.py::a", .failed, evidence: "console.log"), test("t.py::b", .passed)]),
    ])
    #expect(run.tests.count == 2)
    let a = try #require(run.test("t.py::a"))
    #expect(a.details?.evidence.map(\.path) == ["junit.xml", "console.log"])
    #expect(run.inputs.map(\.tests) == [2, 2])
  }

  @Test func acrossArtifactsTheWorseOutcomeWins() {
    let run = assemble([(.junit, [test("t.py::a", .passed)]), (.pytest, [test("t.py::a", .error)])])
    #expect(run.tests.map(\.status) == [.error])
  }

  @Test func failThenPassInOneArtifactIsFlaky() {
    let run = assemble([(.junit, [test("T::a", .failed), test("T::b", .passed), test("T::a", .passed)])])
    #expect(run.tests.map(\.status) == [.flaky, .passed])
  }

  @Test func failThenFailIsOneFailedTest() {
    let run = assemble([(.junit, [test("T::a", .failed), test("T::a", .error)])])
    #expect(run.tests.map(\.status) == [.error])
  }

  @Test func repeatsAfterAPassAreInvocations() {
    let run = assemble([(.junit, [test("T::a", .passed), test("T::a", .skipped), test("T::a", .failed)])])
    #expect(run.tests.map(\.id) == ["T::a", "T::a (2)", "T::a (3)"])
    #expect(run.tests.map(\.status) == [.passed, .skipped, .failed])
  }

  @Test func pytestIdsRepeatedAcrossSessionsAreReruns() {
    let run = assemble([(.pytest, [test("t.py::a", .passed), test("t.py::a", .passed)])])
    #expect(run.tests.map(\.id) == ["t.py::a"])
  }

  @Test func placeholdersGiveWayToNamedTestsOfTheSameFile() {
    let run = assemble([
      (.pytest, [test("t.py::<passed #1>", .passed, anonymous: true), test("u.py::<passed #1>", .passed, anonymous: true)]),
      (.junit, [test("t.py::real", .passed)]),
    ])
    #expect(run.tests.map(\.id).sorted() == ["t.py::real", "u.py::<passed #1>"])
  }

  /// An artifact with its key hashes, as the readers hand them over.
  func hashed(_ format: InputFormat, _ tests: [TestResult], path: String = "big") -> ParsedArtifact {
    var a = ParsedArtifact(path: path, format: format, tests: tests)
    a.hashes = tests.map(\.keyHash)
    return a
  }

  /// A large artifact's tests are indexed on two threads (each indexing the tests whose hash
  /// falls in its half) when the reader gave their hashes: the run is the one a single pass over
  /// the same tests without hashes makes, repeats and all (retries merged, invocations numbered
  /// in order), and tests added by a later call find those they repeat alike.
  @Test func aLargeArtifactIsIndexedApartAsInOnePass() {
    var g = SystemRandomNumberGenerator()
    for format in [InputFormat.junit, .pytest] {
      let n = RunAssembler.indexedApartFrom + 1500
      let statuses: [TestStatus] = [.passed, .passed, .failed, .error, .skipped]
      let drawn = (0..<n).map { _ in
        test(
          "t\(Int.random(in: 0..<5, using: &g)).py::T::test_\(Int.random(in: 0..<(n * 4 / 5), using: &g))",
          statuses.randomElement(using: &g) ?? .passed)
      }
      var apart = RunAssembler()
      var hashedParts = [hashed(format, drawn)]
      apart.add(&hashedParts)
      var onePass = RunAssembler()
      var plainParts = [ParsedArtifact(path: "big", format: format, tests: drawn)]
      onePass.add(&plainParts)
      let (x, y) = (apart.run(warnings: []), onePass.run(warnings: []))
      #expect(x.tests.count < n)  // repeats were merged
      #expect(x.tests.map(\.id) == y.tests.map(\.id), "\(format)")
      #expect(x.tests.map(\.status) == y.tests.map(\.status), "\(format)")
      let later = (0..<300).map { _ in test("t\(Int.random(in: 0..<5, using: &g)).py::T::test_\(Int.random(in: 0..<n, using: &g))", .failed)
      }
      var more = [ParsedArtifact(path: "second", format: .junit, tests: later)]
      var same = more
      apart.add(&more)
      onePass.add(&same)
      #expect(apart.run(warnings: []).tests.map(\.id) == onePass.run(warnings: []).tests.map(\.id))
      #expect(apart.run(warnings: []).tests.map(\.status) == onePass.run(warnings: []).tests.map(\.status))
    }
  }
}

@Suite struct SnifferTests {
  @Test func formatsAreSniffedByContentNotName() throws {
    let dir = TempDir()
    let xmlNamedTxt = dir.file("results.txt", "<?xml version=\"1.0\"?>\n<testsuite><testcase name=\"a\"/></testsuite>")
    let pytestNamedXML = dir.file(
      "out.xml",
      "============================= test session starts ==============================\ncollected 1 item\n\nt.py .   [100%]\n============================== 1 passed in 0.01s ===============================\n"
    )
    let curlNamedLog = dir.file("job.log", "*   Trying 127.0.0.1:80...\n> GET / HTTP/1.1\n< HTTP/1.1 200 OK\n")
    #expect(FormatSniffer.sniff(path: xmlNamedTxt) == .formats([.junit]))
    #expect(FormatSniffer.sniff(path: pytestNamedXML) == .formats([.pytest]))
    #expect(FormatSniffer.sniff(path: curlNamedLog) == .formats([.curl]))
  }

  @Test func emptyBinaryAndProseAreSkipped() {
    let dir = TempDir()
    #expect(FormatSniffer.sniff(path: dir.file("empty.log", "")) == .skip("empty file"))
    #expect(FormatSniffer.sniff(path: dir.file("core", bytes: [0x7F, 0x45, 0x4C, 0x46, 0, 0, 0, 1, 2, 0])) == .skip("binary file"))
    if case .skip = FormatSniffer.sniff(path: dir.file("README", "Nothing to see here.\n")) {
    } else {
      Issue.record("prose was not skipped")
    }
  }

  @Test func aCILogWithBothPytestAndCurlIsReadByBoth() throws {
    let dir = TempDir()
    let log = """
      + curl -sS -v http://127.0.0.1:9/health
      *   Trying 127.0.0.1:9...
      * connect to 127.0.0.1 port 9 failed: Connection refused
      curl: (7) Failed to connect to 127.0.0.1 port 9 after 0 ms: Couldn't connect to server
      ============================= test session starts ==============================
      collected 1 item

      tests/test_health.py::test_health FAILED                                 [100%]

      =================================== FAILURES ===================================
      _________________________________ test_health __________________________________
      E   requests.exceptions.ConnectionError: Connection refused
      tests/test_health.py:5: ConnectionError
      ============================== 1 failed in 0.05s ===============================
      """
    let run = try ReportBuilder().read([dir.file("ci.log", log)])
    #expect(run.tests.map(\.id) == ["tests/test_health.py::test_health"])
    #expect(run.requests.map(\.curlExit) == [7])
    #expect(run.inputs.map(\.format) == [.pytest])
  }
}
