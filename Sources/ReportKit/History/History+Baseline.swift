/// `--baseline previous`: the last run recorded before this one, as a comparison's baseline.
extension History {
  /// The newest run at or before `at` other than `runKey` (a rebuild of the same run is not
  /// its own baseline); nil when the history holds none.
  public func previous(before at: Int64, excluding runKey: String) throws -> Snapshot? {
    guard let row = try store.rows(HistoryQueries.previousRun, [.int(at), .text(runKey)]).first else { return nil }
    let run = Self.runLine(row)
    var s = Snapshot(label: "\(run.key) (\(HistoryTime.iso(run.at)), from history)")
    s.totals.tests = run.tests
    s.totals.passed = run.passed
    s.totals.failed = run.failed
    s.totals.errors = run.errors
    s.totals.skipped = run.skipped
    s.totals.flaky = run.flaky
    // xfailed and xpassed are not part of RunLine: read them from the row.
    s.totals.xfailed = row.int(9)
    s.totals.xpassed = row.int(10)
    s.totals.durationSeconds = row.double(13) ?? 0
    s.passRate = s.totals.passRate
    s.executionRate = s.totals.tests > 0 ? Double(s.totals.tests - s.totals.skipped) / Double(s.totals.tests) : nil
    for (c, n) in zip(Category.allCases, run.failuresByCategory) { s.failuresByCategory[c.rawValue] = n }
    s.suspicious = run.suspicious
    let tests = try store.rows(HistoryQueries.runTests, [.int(run.id)])
    s.tests.reserveCapacity(tests.count)
    for t in tests {
      guard let status = TestStatus(rawValue: t.text(1)) else { continue }
      s.tests[t.text(0)] = (status, t.double(2), nil)
    }
    // A failure's category, for the tests that changed category between the runs.
    for t in try store.rows(HistoryQueries.runFailureCategories, [.int(run.id)]) {
      if let c = Category(rawValue: t.text(1)), let known = s.tests[t.text(0)] { s.tests[t.text(0)] = (known.status, known.seconds, c) }
    }
    for c in try store.rows(HistoryQueries.runClusters, [.int(run.id)]) {
      s.clusters[c.text(0)] = (c.text(1), c.int(2), c.text(3), c.text(4))
    }
    for e in try store.rows(HistoryQueries.runEndpoints, [.int(run.id)]) {
      if let p = e.double(1) { s.p95[e.text(0)] = p }
      if let p = e.double(2) { s.p50[e.text(0)] = p }
    }
    return s
  }
}
