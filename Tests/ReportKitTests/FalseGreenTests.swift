import Foundation
import Testing

@testable import ReportKit

/// Each kind of false green and run-health finding, on real logs where one exists.
@Suite struct FalseGreenTests {
  private func findings(_ paths: [String], config: ReportConfig = ReportConfig()) throws -> (Run, Findings) {
    let run = try ReportBuilder().read(paths)
    return (run, Triage(config: config).findings(of: run))
  }

  private var example: String { Fixtures.root + "/../../examples/logs" }

  @Test func mockFallbackInAPassingTestIsCitedToItsLine() throws {
    let (_, f) = try findings([example])
    let mock = try #require(f.suspicious.first { $0.kind == .mockFallback })
    #expect(mock.tests == ["test_staging_api.py::test_realtime_events"])
    let e = try #require(mock.evidence.first)
    #expect(e.text.contains("Using MockWebSocket fallback"))
    // The cited line holds the cited text.
    let lines = try rawLines(e.path.hasPrefix("/") ? e.path : example + "/" + (e.path as NSString).lastPathComponent)
    #expect(lines[e.line - 1].contains("Using MockWebSocket fallback"))
  }

  @Test func skipsBecauseTheEnvironmentIsDown() throws {
    let (_, f) = try findings([example])
    let skip = try #require(f.suspicious.first { $0.kind == .skippedEnvironmentDown })
    #expect(skip.tests == ["test_staging_api.py::test_billing_invoice"])
    #expect(skip.summary.contains("staging environment unavailable"))
    // An ordinary skip is not one.
    let dir = TempDir()
    let xml = dir.file(
      "j.xml",
      // Hand-written edge case: two skips, one for the platform, one for a down service.
      "<testsuite><testcase classname=\"t\" name=\"a\"><skipped message=\"only on Windows\"/></testcase>"
        + "<testcase classname=\"t\" name=\"b\"><skipped message=\"Redis not reachable at localhost:6379\"/></testcase>"
        + "<testcase classname=\"t\" name=\"c\"/></testsuite>")
    let (_, g) = try findings([xml])
    #expect(g.suspicious.filter { $0.kind == .skippedEnvironmentDown }.flatMap(\.tests) == ["t::b"])
  }

  @Test func nothingCollectedAndAllSkipped() throws {
    let dir = TempDir()
    // Hand-written edge cases: an empty suite, and a suite where everything was skipped.
    let empty = dir.file("empty/j.xml", "<testsuite name=\"pytest\" tests=\"0\"></testsuite>")
    let (_, f) = try findings([empty])
    #expect(f.suspicious.map(\.kind) == [.nothingCollected])
    let skipped = dir.file("skipped/j.xml", "<testsuite><testcase classname=\"t\" name=\"a\"><skipped/></testcase></testsuite>")
    let (_, g) = try findings([skipped])
    #expect(g.suspicious.map(\.kind) == [.allSkipped])
  }

  @Test func collectionErrorsAreListed() throws {
    let (_, f) = try findings([Fixtures.path("eval/logs/pytest-console.log")])
    let c = try #require(f.suspicious.first { $0.kind == .collectionErrors })
    #expect(c.tests == ["test_broken_import.py"])
    #expect(c.evidence.contains { $0.text.contains("ModuleNotFoundError") })
  }

  @Test func flakyTestsAreListed() throws {
    let dir = TempDir()
    // Hand-written edge case in Surefire's rerun dialect: failed once, then passed.
    let xml = dir.file(
      "TEST-x.xml",
      "<testsuite><testcase classname=\"c.X\" name=\"t\"><flakyFailure message=\"boom\" type=\"java.lang.AssertionError\"/></testcase></testsuite>"
    )
    let (_, f) = try findings([xml])
    let flaky = try #require(f.suspicious.first { $0.kind == .flaky })
    #expect(flaky.tests == ["c.X::t"])
  }

  @Test func nearDuplicateHostsAreARoutingFinding() throws {
    #expect(HostDrift.nearDuplicates("api.staging.example.com", "api-staging.example.com"))
    #expect(HostDrift.nearDuplicates("api.stagging.example.com", "api.staging.example.com"))
    #expect(!HostDrift.nearDuplicates("api1.staging.example.com", "api2.staging.example.com"))
    #expect(!HostDrift.nearDuplicates("auth.example.com", "api.example.com"))
    let dir = TempDir()
    // Hand-written edge case: failures that name two spellings of one host.
    let xml = dir.file(
      "j.xml",
      "<testsuite><testcase classname=\"t\" name=\"a\"><failure message=\"HTTPError: 503 Server Error for url: https://api.staging.example.com/v1/x\"/></testcase>"
        + "<testcase classname=\"t\" name=\"b\"><failure message=\"ConnectionError: Failed to resolve 'api-staging.example.com' for url: https://api-staging.example.com/v1/y\"/></testcase></testsuite>"
    )
    let (_, f) = try findings([xml])
    let drift = try #require(f.suspicious.first { $0.kind == .hostDrift })
    #expect(drift.category == .routing)
    #expect(drift.summary.contains("api.staging.example.com") && drift.summary.contains("api-staging.example.com"))
    #expect(drift.evidence.count == 2)
    #expect(drift.hosts == ["api.staging.example.com", "api-staging.example.com"])
  }

  /// Addresses (a port, an IP, localhost) are not host names that can drift; names are kept
  /// once each, lower-cased, in the order first seen, whichever way the address test reads them.
  @Test func hostDriftKeepsNamesNotAddresses() {
    var drift = HostDrift()
    let e = Evidence(path: "a.log", line: 1, text: "x")
    for host in [
      "API.example.com", "10.0.0.1", "localhost", "db:5432", "api.example.com", "[::1]", "ünï.example.com", "ünï:8080", "shop.example.com",
    ] {
      drift.add(host: host, evidence: e)
    }
    #expect(drift.hosts == ["api.example.com", "ünï.example.com", "shop.example.com"])
  }

  /// A spelling seen without evidence is not noted (the next one with evidence is), and a
  /// spelling seen again, in any case, keeps the evidence it was first seen with.
  @Test func hostDriftCitesWhereEachSpellingWasFirstShown() {
    var drift = HostDrift()
    let (e1, e2, e3) = (
      Evidence(path: "a.log", line: 1, text: "a"), Evidence(path: "a.log", line: 2, text: "b"), Evidence(path: "a.log", line: 3, text: "c")
    )
    drift.add(host: "api.staging.example.com", evidence: nil)
    drift.add(host: "api.staging.example.com", evidence: e1)
    drift.add(host: "API-staging.example.com", evidence: e2)
    drift.add(host: "api.staging.example.com", evidence: e3)
    drift.add(host: "api-staging.example.com", evidence: e3)
    let found = drift.findings()
    #expect(found.count == 1)
    #expect(found.first?.hosts == ["api.staging.example.com", "api-staging.example.com"])
    #expect(found.first?.evidence.map(\.line) == [1, 2])
  }
}
