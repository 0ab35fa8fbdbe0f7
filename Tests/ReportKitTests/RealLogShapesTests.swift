import Foundation
import Testing

@testable import ReportKit

/// Log shapes real CI jobs write that used to be counted wrong: each reads with the counts its own
/// summary lines state (Tests/Fixtures/reallogs, made by running pytest; see its README).
@Suite struct RealLogShapesTests {
  func read(_ name: String) throws -> Run { try ReportBuilder().read([Fixtures.path("reallogs/" + name)]) }

  @Test func aLogOfOnlyTheSummaryLineCountsItsTestsWithAWarning() throws {
    let run = try read("summary-only-utf16.log")
    let t = run.totals
    #expect(t.tests == 34 && t.failed == 5 && t.passed == 29)
    #expect(run.tests.allSatisfy { $0.anonymous })
    #expect(run.inputs[0].warnings.contains { $0.message.contains("holds only the final summary line") })
  }

  @Test func windowsBackslashPathsAreTheSameTestsAsTheSummaryNames() throws {
    let run = try read("windows.log")
    #expect(run.totals.tests == 4 && run.totals.failed == 2 && run.totals.passed == 2)
    #expect(!run.tests.contains { $0.id.contains("\\") })
    let b = try #require(run.tests.first { $0.id == "tests/test_x.py::test_b" })
    #expect(b.details?.file == "tests/test_x.py" && b.details?.line == 5)
    #expect(run.inputs[0].warnings.isEmpty, "\(run.inputs[0].warnings)")
  }

  @Test(arguments: ["doctest.log", "doctest-v.log"])
  func doctestFailuresAreTheirIdsNotExtraTests(log: String) throws {
    let run = try read(log)
    #expect(run.totals.tests == 34 && run.totals.failed == 5, "\(run.totals)")
    let add = try #require(run.tests.first { $0.id == "pkg/mathx.py::pkg.mathx.add" })
    #expect(add.status == .failed && add.details?.message != nil)
    #expect(run.inputs[0].warnings.isEmpty, "\(run.inputs[0].warnings)")
  }

  @Test func aReRunInTheSameLogIsAnotherInvocation() throws {
    let run = try read("two-sessions.log")
    // Session one: 3 failed, 28 passed; session two (after the fix): 31 passed.
    #expect(run.totals.tests == 62 && run.totals.failed == 3 && run.totals.passed == 59, "\(run.totals)")
    #expect(run.tests.contains { $0.id == "test_plain.py::test_numbers[3]" && $0.status == .failed })
    #expect(run.inputs[0].warnings.isEmpty, "\(run.inputs[0].warnings)")
  }

  @Test func aJUnitSummaryWithoutTestcasesCountsWhatItDeclares() throws {
    let run = try read("junit-aggregated.xml")
    let t = run.totals
    #expect(t.tests == 17 && t.failed == 3 && t.errors == 1 && t.skipped == 2 && t.passed == 11, "\(t)")
    let warnings = run.inputs[0].warnings.map(\.message)
    #expect(warnings.contains { $0.contains("suite 'com.acme.OrdersIT' declares 10 tests (2 failed, 1 errors, 1 skipped) but lists none") })
    #expect(!warnings.contains { $0.contains("declares tests=") }, "the declared total now agrees")
  }

  @Test func severalResultsInOneTestcaseTheFailureDecides() throws {
    // failure > error > flaky > skipped (pytest writes a teardown error beside the call's
    // failure: the test failed); the deciding element gives message and type.
    let run = try read("junit-multi-result.xml")
    func test(_ name: String) throws -> TestResult { try #require(run.tests.first { $0.name == name }) }
    let a = try test("test_fail_then_error")
    #expect(a.status == .failed && a.details?.exceptionType == "AssertionError" && a.details?.message == "assert 1 == 2")
    let b = try test("test_error_then_failure")
    #expect(b.status == .failed && b.details?.exceptionType == "AssertionError" && b.details?.message == "assert x")
    #expect(b.details?.detail == "assert x")
    let c = try test("test_failure_and_skipped")
    #expect(c.status == .failed && c.details?.message == "expected 3")
    #expect(run.totals.tests == 3)
  }
}
