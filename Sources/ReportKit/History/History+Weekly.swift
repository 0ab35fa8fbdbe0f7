/// The weekly review and the run list, each a handful of aggregating queries.
extension History {
  /// How many rows the review lists at most per table.
  static let reviewLimit = 20

  /// The review of the runs from `since` to `until` (seconds since 1970, both included).
  public func weekly(since: Int64, until: Int64, now: Int64) throws -> WeeklyReview {
    var review = WeeklyReview(location: location.description, since: since, until: until, generatedAt: now)
    let period: [SQLValue] = [.int(since), .int(until)]
    review.runs = try store.rows(HistoryQueries.runs, period).map(Self.runLine)
    review.clusters = try store.rows(HistoryQueries.clusters, [.int(until), .int(since)]).compactMap { r in
      let line = WeeklyReview.ClusterLine(
        id: r.text(0), title: r.text(1), category: r.text(2), severity: r.text(3), tests: r.int(4), occurrences: r.int(11),
        seenRuns: r.int(10), firstSeen: r.int64(7), firstRun: r.text(8), lastSeen: r.int64(9), lastRun: r.text(6),
        lastRunID: r.int64(5), resolvedAt: r.values[12] == .null ? nil : r.int64(12), resolvedRun: r.optionalText(13))
      return line.occurrences > 0 || (line.resolvedAt ?? .min) >= since ? line : nil
    }
    review.unsteady = try store.rows(HistoryQueries.unsteadyTests, period + [.int(Int64(Self.reviewLimit * 5))]).map {
      WeeklyReview.UnsteadyTest(id: $0.text(0), runs: $0.int(1), failures: $0.int(2), flips: $0.int(3), retried: $0.int(4))
    }
    review.failing = try store.rows(HistoryQueries.failingTests, period + [.int(Int64(Self.reviewLimit))]).map {
      WeeklyReview.FailingTest(id: $0.text(0), failures: $0.int(1), runs: $0.int(2), cluster: $0.optionalText(3))
    }
    review.slower = try store.rows(HistoryQueries.endpoints, period).compactMap { r in
      guard let first = r.double(2), let last = r.double(3), r.int(4) > 1, last > first * WeeklyReview.slowerBy else { return nil }
      return WeeklyReview.SlowerEndpoint(
        name: r.text(0), host: r.text(1), firstP95: first, lastP95: last, runs: r.int(4), firstRun: r.text(5), lastRun: r.text(6))
    }.sorted { ($1.lastP95 / max($1.firstP95, 0.001), $0.name) < ($0.lastP95 / max($0.firstP95, 0.001), $1.name) }
    review.recurring = try store.rows(HistoryQueries.recurringFindings, period).map {
      WeeklyReview.RecurringFinding(
        kind: $0.text(0), subject: $0.text(1), category: $0.optionalText(2), summary: $0.text(3), runs: $0.int(4),
        firstSeen: $0.int64(5), lastSeen: $0.int64(6))
    }
    for c in review.persisting.prefix(Self.reviewLimit) {
      review.openActions += try store.rows(HistoryQueries.actions, [.int(c.lastRunID), .text(c.id)]).map {
        WeeklyReview.OpenAction(
          cluster: c.id, priority: $0.text(0), title: $0.text(1), kind: $0.text(2), owner: $0.text(3),
          doneWhen: $0.text(4).split(separator: "\n").map(String.init), since: c.firstSeen)
      }
    }
    review.openActions.sort { ($0.priority, $0.since, $0.cluster) < ($1.priority, $1.since, $1.cluster) }
    return review
  }

  /// The runs from `since` to `until`, newest first, at most `limit`.
  public func runs(since: Int64, until: Int64, limit: Int) throws -> [HistoryRun] {
    try store.rows(HistoryQueries.latestRuns, [.int(since), .int(until), .int(Int64(limit))]).map { HistoryRun(Self.runLine($0)) }
  }

  static func runLine(_ r: SQLRow) -> WeeklyReview.RunLine {
    WeeklyReview.RunLine(
      id: r.int64(0), key: r.text(1), at: r.int64(2), source: r.text(3), tests: r.int(4), passed: r.int(5), failed: r.int(6),
      errors: r.int(7), skipped: r.int(8), flaky: r.int(11), passRate: r.double(12), failuresByCategory: (14...17).map { r.int($0) },
      clusters: r.int(18), suspicious: r.int(19), commit: r.optionalText(20), branch: r.optionalText(21), url: r.optionalText(22))
  }
}

/// A run as `report history list` prints it.
public struct HistoryRun: Sendable {
  public var key: String
  public var at: String
  public var source: String
  public var tests: Int
  public var passed: Int
  public var failing: Int
  public var skipped: Int
  public var passRate: String
  public var clusters: Int

  init(_ r: WeeklyReview.RunLine) {
    key = r.key
    at = HistoryTime.iso(r.at)
    source = r.source
    tests = r.tests
    passed = r.passed
    failing = r.failing
    skipped = r.skipped
    passRate = Format.percent(r.passRate)
    clusters = r.clusters
  }
}
