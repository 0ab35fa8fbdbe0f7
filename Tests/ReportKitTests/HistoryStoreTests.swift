import Foundation
import Testing

@testable import ReportKit

/// One protocol, two stores: every test here runs against SQLite and against a real PostgreSQL
/// server, and must see the same.
@Suite struct HistoryStoreTests {
  @Test(arguments: StoreKind.allCases)
  func runsAreRecordedListedNewestFirstAndReplacedByTheirID(kind: StoreKind) throws {
    guard let fresh = try FreshHistory.make(kind) else { return }
    let history = try fresh.open()
    let week = try ExampleRuns.week().prefix(3)
    for r in week {
      var record = HistoryRecord(report: r)
      record.ci = .init(commit: "abc123", branch: "main", url: "https://ci.example/jobs/\(r.meta.runID)", json: #"{"runner": "r1"}"#)
      #expect(try history.record(record) == false)
    }
    #expect(
      fresh.sql("SELECT ci_commit, ci_branch, ci_url, ci_json FROM runs WHERE run_key = 'day2'").stdout
        == "abc123|main|https://ci.example/jobs/day2|{\"runner\": \"r1\"}\n")
    let runs = try history.runs(since: .min, until: .max, limit: 10)
    #expect(runs.map(\.key) == ["day3", "day2", "day1"])
    for (run, report) in zip(runs, week.reversed()) {
      let t = report.run.totals
      #expect(run.tests == t.tests && run.passed == t.passed && run.failing == t.failed + t.errors && run.skipped == t.skipped)
      #expect(run.passRate == Format.percent(t.passRate))
      #expect(run.clusters == report.findings.clusters.count)
    }
    // The same run id again replaces the run: still three, no row of the old one left behind.
    #expect(try history.record(HistoryRecord(report: week[week.startIndex])) == true)
    #expect(try history.runs(since: .min, until: .max, limit: 10).count == 3)
    let rows = fresh.sql("SELECT COUNT(*) FROM results")
    #expect(rows.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "\(week.map(\.run.tests.count).reduce(0, +))", "\(rows.stderr)")
    history.close()
  }

  /// `report history import` of a run's report.json writes exactly what `report build` wrote
  /// for the run: every table, row by row.
  @Test(arguments: StoreKind.allCases)
  func aBuildAndItsReportJSONRecordTheSameRows(kind: StoreKind) throws {
    guard let built = try FreshHistory.make(kind), let imported = try FreshHistory.make(kind) else { return }
    let dir = TempDir()
    for r in try ExampleRuns.week().prefix(2) {
      let a = try built.open()
      _ = try a.record(HistoryRecord(report: r))
      a.close()
      let b = try imported.open()
      _ = try b.importReport(try ExampleRuns.json(r, in: dir))
      b.close()
    }
    let tables = [
      "runs":
        "run_key, at, at_text, signature_version, ci_commit, tests, passed, failed, errors, skipped, xfailed, xpassed, flaky, pass_rate, duration_s, failures_infrastructure, failures_auth, failures_routing, failures_logic, clusters, suspicious FROM runs ORDER BY id",
      "results": "run_id, seq, test_key, status, duration_s FROM results ORDER BY run_id, seq",
      "failures": "run_id, seq, test_key, status, cluster_id, category FROM failures ORDER BY run_id, seq",
      "test_names": "test_key, test_id FROM test_names ORDER BY test_key",
      "test_sets": "fingerprint, tests FROM test_sets ORDER BY fingerprint",
      "clusters": "run_id, cluster_id, title, category, severity, signature, tests, owner FROM clusters ORDER BY run_id, cluster_id",
      "endpoints": "run_id, name, host, requests, failures, p50_ms, p95_ms FROM endpoints ORDER BY run_id, name, host",
      "suspicious": "run_id, seq, kind, subject, category, summary FROM suspicious ORDER BY run_id, seq",
      "actions": "run_id, seq, priority, title, kind, owner, cluster_id, done_when FROM actions ORDER BY run_id, seq",
    ]
    for (table, query) in tables.sorted(by: { $0.key < $1.key }) {
      let (x, y) = (built.sql("SELECT " + query), imported.sql("SELECT " + query))
      #expect(x.status == 0 && y.status == 0, "\(x.stderr)\(y.stderr)")
      #expect(!x.stdout.isEmpty, "\(table) is empty")
      #expect(x.stdout == y.stdout, "\(table) differs")
    }
  }

  /// Eight runs: the review counts each, with its pass rate, and each cluster in the runs it
  /// appeared in; what the last run still has is open, the rest resolved by it.
  @Test(arguments: StoreKind.allCases)
  func theWeeklyReviewCountsRunsAndClustersAcrossRuns(kind: StoreKind) throws {
    guard let fresh = try FreshHistory.make(kind) else { return }
    let history = try fresh.open()
    let week = try ExampleRuns.week()
    for r in week { _ = try history.record(HistoryRecord(report: r)) }
    let since = try #require(HistoryTime.parse("2026-01-01T00:00:00Z")), until = try #require(HistoryTime.parse("2026-01-08T23:59:59Z"))
    let review = try history.weekly(since: since, until: until, now: until)
    #expect(review.runs.map(\.key) == week.map(\.meta.runID))
    #expect(review.runs.map(\.passRate) == week.map { $0.run.totals.passRate.map { JSONWriter.rounded($0, 4) } })
    var occurrences: [String: Int] = [:]
    for r in week { for c in r.findings.clusters { occurrences[c.id, default: 0] += 1 } }
    #expect(Dictionary(uniqueKeysWithValues: review.clusters.map { ($0.id, $0.occurrences) }) == occurrences)
    let last = Set(week[7].findings.clusters.map(\.id))
    #expect(Set(review.clusters.filter(\.isOpen).map(\.id)) == last)
    #expect(Set(review.resolved.map(\.id)) == Set(occurrences.keys).subtracting(last))
    #expect(review.resolved.allSatisfy { $0.resolvedRun == "day8" && $0.lastRun == "day7" })
    #expect(Set(review.persisting.map(\.id)) == last, "every cluster of day 8 was there before")
    #expect(review.persisting.map(\.firstSeen) == review.persisting.map(\.firstSeen).sorted(), "oldest first")
    // Tests that fail only while staging is down flip at every change of run kind: 5 times.
    let flips = Set(review.flaky.filter { $0.flips == 5 }.map(\.id))
    let downOnly = Set(week[0].findings.failingInOrder.map { week[0].run.tests[$0].id })
      .subtracting(week[1].findings.failingInOrder.map { week[1].run.tests[$0].id })
    #expect(!flips.isEmpty && flips == downOnly.intersection(week[1].run.tests.map(\.id)))
    #expect(review.failing.first?.failures == 8 && review.failing.first?.runs == 8)
    #expect(!review.openActions.isEmpty && review.openActions.allSatisfy { last.contains($0.cluster) })
    #expect(review.recurring.contains { $0.kind == "mock_fallback" && $0.runs == 8 })
  }

  /// `--baseline previous` compares with the history's last run exactly as with its report.json.
  @Test(arguments: StoreKind.allCases)
  func thePreviousRunIsTheSameBaselineAsItsReportJSON(kind: StoreKind) throws {
    guard let fresh = try FreshHistory.make(kind) else { return }
    let history = try fresh.open()
    let before = try ExampleRuns.report("baseline", id: "before", time: "2026-01-01T00:00:00Z")
    _ = try history.record(HistoryRecord(report: before))
    let dir = TempDir()
    let fromJSON = try Snapshot(reportJSON: try ExampleRuns.json(before, in: dir))
    let at = try #require(HistoryTime.parse("2026-01-02T00:00:00Z"))
    let fromHistory = try #require(try history.previous(before: at, excluding: "after"))
    #expect(try history.previous(before: at, excluding: "before") == nil, "a run is not its own baseline")
    let a = try ExampleRuns.report("logs", id: "after", time: "2026-01-02T00:00:00Z", baseline: fromJSON)
    let b = try ExampleRuns.report("logs", id: "after", time: "2026-01-02T00:00:00Z", baseline: fromHistory)
    let (x, y) = (try #require(a.analysis.comparison), try #require(b.analysis.comparison))
    #expect(x.rows.map(MetricText.row).map(\.change) == y.rows.map(MetricText.row).map(\.change))
    #expect(x.rows.map(MetricText.row).map(\.after) == y.rows.map(MetricText.row).map(\.after))
    for t in Comparison.TestTransition.allCases { #expect(x.tests(t) == y.tests(t), "\(t)") }
    for t in Comparison.ClusterTransition.allCases { #expect(x.clusters(t) == y.clusters(t), "\(t)") }
    #expect(!x.fixed.isEmpty)
  }

  /// Every recorded test has its name; a suite run again writes no name, and one with a test
  /// more writes the names of one bucket of keys (`NameBuckets`).
  @Test(arguments: StoreKind.allCases)
  func everyTestHasItsNameAndASuiteRunAgainWritesNone(kind: StoreKind) throws {
    guard let fresh = try FreshHistory.make(kind) else { return }
    let history = try fresh.open()
    func count(_ table: String) -> String { fresh.sql("SELECT COUNT(*) FROM \(table)").stdout }
    _ = try history.record(HistoryGenerator(runs: 3, tests: 3000, start: 0, every: 3600).record(0))
    let (names, buckets) = (count("test_names"), count("test_sets"))
    #expect(names == "3000\n" && Int(buckets.dropLast()) ?? 0 > 900, "3,000 keys fill most of the 1,024 buckets")
    _ = try history.record(HistoryGenerator(runs: 3, tests: 3000, start: 0, every: 3600).record(1))
    #expect(count("test_names") == names && count("test_sets") == buckets, "the same tests: nothing written")
    _ = try history.record(HistoryGenerator(runs: 3, tests: 3001, start: 0, every: 3600).record(2))
    #expect(count("test_names") == "3001\n")
    #expect(Int(count("test_sets").dropLast()) == (Int(buckets.dropLast()) ?? 0) + 1, "one bucket more")
    let orphans = fresh.sql("SELECT COUNT(*) FROM results r LEFT JOIN test_names n ON n.test_key = r.test_key WHERE n.test_key IS NULL")
    #expect(orphans.stdout == "0\n" && count("results") == "\(3000 + 3000 + 3001)\n")
  }

  /// One transaction per run: a run whose writing fails half-way leaves nothing of itself.
  @Test(arguments: StoreKind.allCases)
  func aRunThatFailsHalfWayLeavesNoTrace(kind: StoreKind) throws {
    guard let fresh = try FreshHistory.make(kind) else { return }
    let history = try fresh.open()
    let week = try ExampleRuns.week()
    _ = try history.record(HistoryRecord(report: week[0]))
    var broken = HistoryRecord(report: week[1])
    // The same endpoint twice breaks the endpoints table's key after the run's row, its
    // clusters and none of its tests were written.
    broken.endpoints += broken.endpoints.prefix(1)
    #expect(throws: (any Error).self) { try history.record(broken) }
    #expect(try history.runs(since: .min, until: .max, limit: 10).map(\.key) == ["day1"])
    for table in ["results", "clusters", "failures"] {
      let n = fresh.sql("SELECT COUNT(*) FROM \(table) WHERE run_id NOT IN (SELECT id FROM runs)").stdout
      #expect(n.trimmingCharacters(in: .whitespacesAndNewlines) == "0", "\(table)")
    }
  }

  /// A store migrated by a newer `report` is refused, with the schema it has.
  @Test(arguments: StoreKind.allCases)
  func aNewerSchemaIsRefused(kind: StoreKind) throws {
    guard let fresh = try FreshHistory.make(kind) else { return }
    try fresh.open().close()
    let table = kind == .sqlite ? "grdb_migrations" : "report_migrations"
    let r = fresh.sql("INSERT INTO \(table) (identifier) VALUES ('v2')")
    #expect(r.status == 0, "\(r.stderr)")
    #expect {
      try fresh.open()
    } throws: { error in
      guard case HistoryError.newerSchema(_, let found, let known) = error else { return false }
      return found.contains("v2") && known == "v1"
    }
  }

  /// A database that holds other tables is not taken for a history.
  @Test(arguments: StoreKind.allCases)
  func anotherDatabaseIsNotAHistory(kind: StoreKind) throws {
    guard let fresh = try FreshHistory.make(kind) else { return }
    #expect(fresh.sql("CREATE TABLE runs (name TEXT)").status == 0)
    #expect {
      try fresh.open()
    } throws: { error in
      guard case HistoryError.unusable(_, let why) = error else { return false }
      return why.contains("not a report history")
    }
  }

  @Test func aFileThatIsNotSQLiteIsUnusableAndAMissingOneIsMissing() throws {
    let dir = TempDir()
    let garbage = dir.file("history.sqlite", String(repeating: "not a database\n", count: 200))
    #expect {
      try History.open(.sqlite(path: garbage), create: true)
    } throws: { error in
      guard case HistoryError.unusable(_, let why) = error else { return false }
      return why.contains("not a SQLite database")
    }
    #expect(throws: HistoryError.self) { try History.open(.sqlite(path: dir.path + "/none.sqlite"), create: false) }
    #expect(!FileManager.default.fileExists(atPath: dir.path + "/none.sqlite"), "reading never creates a history")
  }
}
