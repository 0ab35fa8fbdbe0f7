import Foundation
import Testing

@testable import ReportKit

@Suite struct PytestParserTests {
  func parse(_ path: String) -> ParsedArtifact { PytestConsoleParser(path: path, displayPath: "log").parse() }

  func parse(text: String) -> ParsedArtifact {
    let dir = TempDir()
    return parse(dir.file("log.txt", text))
  }

  /// The same real run read in every console mode gives the same outcomes as pytest's summary.
  /// two-sessions.log holds the run and then a second session (the user lookups again): each
  /// session's tests count, as their two summary lines say (15 + 2 tests).
  @Test(arguments: ["plain.log", "quiet.log", "verbose-junit.log", "xdist.log", "xdist-v.log", "two-sessions.log"])
  func everyModeAgreesWithThePytestSummary(_ name: String) throws {
    let run = try ReportBuilder().read([Fixtures.path("pytest/" + name)])
    let a = (tests: run.tests, warnings: run.inputs.flatMap(\.warnings))
    let t = Totals(a.tests)
    #expect(a.warnings.isEmpty, "\(a.warnings)")
    let counts: [Int] = [t.tests, t.passed, t.failed, t.errors, t.skipped, t.xfailed]
    #expect(counts == (name == "two-sessions.log" ? [17, 5, 9, 1, 1, 1] : [15, 4, 8, 1, 1, 1]))
    let failing = a.tests.filter { $0.status.isFailure }
    #expect(failing.allSatisfy { !$0.anonymous && $0.details?.message != nil && $0.details?.evidence.isEmpty == false })
    #expect(a.tests.first { $0.id == "test_staging_api.py::test_cache_warmup" }?.phase == .setup)
  }

  @Test func verboseLogCarriesMessagesLocationsAndReasons() throws {
    let a = parse(Fixtures.path("pytest/verbose-junit.log"))
    let profile = try #require(a.tests.first { $0.id == "test_staging_api.py::test_profile_with_token" })
    #expect(profile.status == .failed)
    #expect(profile.phase == .call)
    #expect(profile.details?.message?.hasPrefix("AssertionError: got 401: JWT expired") == true)
    #expect(profile.details?.file == "test_staging_api.py")
    #expect(profile.details?.exceptionType == "AssertionError")
    let evidence = try #require(profile.details?.evidence.first)
    let lines = try rawLines(Fixtures.path("pytest/verbose-junit.log"))
    #expect(lines[evidence.line - 1].hasPrefix("E       AssertionError: got 401"))
    let orders = try #require(a.tests.first { $0.name == "test_list_orders" })
    #expect(orders.details?.exceptionType == "requests.exceptions.HTTPError")
    #expect(orders.details?.message?.contains("503 Server Error") == true)
    // -v alone cuts the reason and prints no SKIPPED summary line: the cut reason is all there is.
    #expect(a.tests.first { $0.name == "test_billing_invoice" }?.details?.skipReason == "staging environme...")
    let withRA = parse(Fixtures.path("../../examples/logs/pytest-console.log"))
    #expect(
      withRA.tests.first { $0.name == "test_billing_invoice" }?.details?.skipReason
        == "staging environment unavailable: BILLING_URL not set")
  }

  @Test func passingTestOutputFromDashRA() throws {
    let a = parse(Fixtures.path("../../examples/logs/pytest-console.log"))
    let t = try #require(a.tests.first { $0.name == "test_realtime_events" })
    #expect(t.status == .passed)
    #expect(t.details?.output?.contains("Using MockWebSocket fallback") == true)
  }

  @Test func localsFromDashLAreRedacted() throws {
    let a = parse(Fixtures.path("../../examples/logs/pytest-console.log"))
    let profile = try #require(a.tests.first { $0.name == "test_profile_with_token" })
    #expect(profile.details?.detail?.contains("eyJ") == false)
  }

  @Test func cutOffLogWarnsWithTheLastLine() {
    let a = parse(Fixtures.path("pytest/cutoff-v.log"))
    #expect(a.tests.count >= 10)
    #expect(a.warnings.count == 1)
    #expect(a.warnings.first?.line == 40)
    #expect(a.warnings.first?.message.contains("no final summary line") == true)
  }

  @Test func utf16WithCRLFReadsLikeUTF8() throws {
    let text = try String(contentsOfFile: Fixtures.path("pytest/verbose-junit.log"), encoding: .utf8)
    let dir = TempDir()
    let a = parse(dir.file("win.log", bytes: utf16(text.replacingOccurrences(of: "\n", with: "\r\n"))))
    #expect(a.warnings.isEmpty)
    #expect(Totals(a.tests).failed == 8)
  }

  @Test func ansiColouredVerboseLog() throws {
    let text = try String(contentsOfFile: Fixtures.path("pytest/verbose-junit.log"), encoding: .utf8)
      .replacingOccurrences(of: " PASSED", with: " \u{1B}[32mPASSED\u{1B}[0m")
      .replacingOccurrences(of: " FAILED", with: " \u{1B}[31mFAILED\u{1B}[0m")
    let a = parse(text: text)
    #expect(a.warnings.isEmpty)
    #expect(Totals(a.tests).passed == 4)
  }

  @Test func summaryDisagreementIsAWarning() throws {
    // Hand-edited: the final line claims one more pass than the log shows.
    let text = try String(contentsOfFile: Fixtures.path("pytest/verbose-junit.log"), encoding: .utf8)
      .replacingOccurrences(of: "8 failed, 4 passed", with: "8 failed, 5 passed")
    let a = parse(text: text)
    #expect(a.warnings.first?.message == "final summary disagrees with the tests read: 5 passed (read 4)")
  }

  @Test func collectionErrorsBecomeErroredModules() {
    // Hand-written in pytest's layout for a run that cannot import its test modules.
    let a = parse(
      text: """
        ============================= test session starts ==============================
        collected 0 items / 2 errors

        ==================================== ERRORS ====================================
        ___________________ ERROR collecting tests/test_dimension.py ___________________
        tests/test_dimension.py:20: in <module>
            from united_system.dimension import Dimension
        E   ModuleNotFoundError: No module named 'united_system'
        ___________________ ERROR collecting tests/test_unit.py ________________________
        E   ModuleNotFoundError: No module named 'united_system'
        =========================== short test summary info ============================
        ERROR tests/test_dimension.py
        ERROR tests/test_unit.py
        !!!!!!!!!!!!!!!!!!! Interrupted: 2 errors during collection !!!!!!!!!!!!!!!!!!!!
        ============================== 2 errors in 0.20s ===============================
        """)
    #expect(a.warnings.isEmpty)
    #expect(a.tests.map(\.id) == ["tests/test_dimension.py", "tests/test_unit.py"])
    #expect(a.tests.allSatisfy { $0.status == .error && $0.phase == .collection })
    #expect(a.tests[0].details?.message == "ModuleNotFoundError: No module named 'united_system'")
  }

  @Test func teardownErrorAfterPassCountsOnceAsError() {
    // Hand-written: pytest -v prints PASSED, then ERROR for the teardown of the same test.
    let a = parse(
      text: """
        ============================= test session starts ==============================
        collected 1 item

        tests/test_db.py::test_insert PASSED                                     [100%]
        tests/test_db.py::test_insert ERROR                                      [100%]

        ==================================== ERRORS ====================================
        _______________________ ERROR at teardown of test_insert _______________________
        E   psycopg.OperationalError: connection to server at "127.0.0.1", port 5432 failed
        tests/conftest.py:12: OperationalError
        ========================== 1 passed, 1 error in 0.10s ==========================
        """)
    #expect(a.warnings.isEmpty)
    #expect(a.tests.count == 1)
    #expect(a.tests[0].status == .error)
    #expect(a.tests[0].phase == .teardown)
  }

  @Test func mergedLocationIsWhereTheTestFailedNotWhereItIsDefined() throws {
    // junit.xml (xunit1) says line="30": the 0-based line of the def; the traceback says 33.
    let run = try ReportBuilder().read([Fixtures.path("../../examples/logs")])
    let t = try #require(run.test("test_staging_api.py::test_admin_stats_requires_role"))
    #expect(t.details?.file == "test_staging_api.py")
    #expect(t.details?.line == 33)
    let lines = try rawLines(Fixtures.path("../../examples/suite/test_staging_api.py"))
    #expect(lines[32].contains("resp.raise_for_status()"))
    let junitOnly = try ReportBuilder().read([Fixtures.path("../../examples/logs/junit.xml")])
    #expect(junitOnly.test("test_staging_api.py::test_admin_stats_requires_role")?.details?.line == 31)
    #expect(lines[30].hasPrefix("def test_admin_stats_requires_role"))
  }

  @Test func aBlockTitleSharedByTwoFilesGoesToTheTestItsTracebackNames() {
    // Hand-written: two module-level tests share a name; only the second failed.
    let a = parse(
      text: """
        ============================= test session starts ==============================
        collected 2 items

        tests/a/test_one.py::test_refresh[x-1] SKIPPED (requires network access) [ 50%]
        tests/b/test_two.py::test_refresh[x-1] FAILED                            [100%]

        =================================== FAILURES ===================================
        _______________________________ test_refresh[x-1] ______________________________

            def test_refresh():
        >       assert resp.status_code == 200
        E       assert 503 == 200

        tests/b/test_two.py:12: AssertionError
        =========================== short test summary info ============================
        FAILED tests/b/test_two.py::test_refresh[x-1] - assert 503 == 200
        ==================== 1 failed, 1 skipped in 0.10s =====================
        """)
    #expect(a.warnings.isEmpty)
    #expect(a.tests.map(\.status) == [.skipped, .failed])
    #expect(a.tests[1].details?.message == "assert 503 == 200")
    #expect(a.tests[0].details?.message == nil)
  }

  /// The header's count sizes the arrays once; any other line, or a count with no digits, does not.
  @Test(
    arguments: [
      ("collected 1000000 items", 1_000_000), ("collecting ... collected 12 items / 2 errors", 12), ("collected 0 items", 0),
      ("collected items", nil), ("platform linux -- Python 3.11.7", nil),
    ] as [(String, Int?)])
  func theCollectedCountIsRead(line: String, count: Int?) {
    #expect(PytestSession.collectedCount(line[...]) == count)
  }
}

/// The environment line pytest prints in its header is kept, with where it was.
@Suite struct PytestEnvironmentTests {
  @Test func platformLineIsKeptAsEvidence() throws {
    let run = try ReportBuilder().read([Fixtures.path("pytest/plain.log")])
    let e = try #require(run.inputs.first?.environment)
    #expect(e.text.hasPrefix("platform linux -- Python "))
    #expect(try rawLines(Fixtures.path("pytest/plain.log"))[e.line - 1].hasPrefix("platform linux -- Python "))
    let junit = try ReportBuilder().read([Fixtures.path("pytest/xunit2.xml")])
    #expect(junit.inputs.first?.environment == nil)
  }
}
