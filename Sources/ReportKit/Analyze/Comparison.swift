/// Before and after: metric rows with direction-aware marks, per-test and per-cluster transitions.
public struct Comparison: Sendable {
  /// One metric before and after, as numbers (Render words and marks them).
  public struct Row: Sendable {
    public enum Metric: Sendable, Equatable {
      case passRate, executionRate, tests, failures, skipped, flaky, suspicious, duration
      case categoryFailures(Category)
      case p50(endpoint: String)
      case p95(endpoint: String)

      /// Whether a fall is an improvement: nil for counts that are neither better nor worse.
      public var lowerIsBetter: Bool? {
        switch self {
        case .passRate, .executionRate: false
        case .tests, .duration: nil
        case .failures, .skipped, .flaky, .suspicious, .categoryFailures, .p50, .p95: true
        }
      }
    }

    public var metric: Metric
    /// Rates as fractions, latencies in milliseconds, durations in seconds, counts as counts; nil
    /// when not measured.
    public var before: Double?
    public var after: Double?
  }

  public var before: String
  /// Pass rates of the two runs, as numbers (the rows hold them formatted).
  public var passRates: (before: Double?, after: Double?)
  public var rows: [Row] = []
  public var fixed: [String] = []
  public var newFailures: [String] = []
  public var stillFailing: [String] = []
  public var newlySkipped: [String] = []
  public var removed: [String] = []
  /// Passed before and after, in under a fifth of the time: a test that may have stopped testing.
  public var suspiciouslyFaster: [String] = []
  public var resolvedClusters: [String] = []
  public var newClusters: [String] = []
  public var persistingClusters: [String] = []
  /// Each cluster of the transitions in words, by id, where a run has its title.
  public var clusterTitles: [String: Phrase] = [:]

  /// Tests that failed in both runs for another reason: infrastructure before, auth now (the
  /// service came back and the next failure surfaced).
  public struct Shift: Sendable {
    public var from: Category
    public var to: Category
    public var tests: [String]
  }

  public var shifts: [Shift] = []

  private struct Pair: Hashable {
    var from: Category
    var to: Category
  }

  /// How a test's outcome moved between the two runs, in report order.
  public enum TestTransition: CaseIterable, Sendable {
    case fixed, newFailures, stillFailing, newlySkipped, removed, suspiciouslyFaster
  }

  /// How a cluster moved between the two runs.
  public enum ClusterTransition: CaseIterable, Sendable {
    case resolved, new, persisting
  }

  /// The test ids that made `transition`, in id order.
  public func tests(_ transition: TestTransition) -> [String] {
    switch transition {
    case .fixed: fixed
    case .newFailures: newFailures
    case .stillFailing: stillFailing
    case .newlySkipped: newlySkipped
    case .removed: removed
    case .suspiciouslyFaster: suspiciouslyFaster
    }
  }

  /// The cluster ids that made `transition`, in id order.
  public func clusters(_ transition: ClusterTransition) -> [String] {
    switch transition {
    case .resolved: resolvedClusters
    case .new: newClusters
    case .persisting: persistingClusters
    }
  }

  init(before b: Snapshot, after a: Snapshot) {
    before = b.label
    passRates = (b.passRate, a.passRate)
    func count(_ metric: Row.Metric, _ x: Int, _ y: Int) { rows.append(Row(metric: metric, before: Double(x), after: Double(y))) }
    rows.append(Row(metric: .passRate, before: b.passRate, after: a.passRate))
    rows.append(Row(metric: .executionRate, before: b.executionRate, after: a.executionRate))
    count(.tests, b.totals.tests, a.totals.tests)
    count(.failures, b.totals.failed + b.totals.errors, a.totals.failed + a.totals.errors)
    for c in Category.allCases {
      count(.categoryFailures(c), b.failuresByCategory[c.rawValue] ?? 0, a.failuresByCategory[c.rawValue] ?? 0)
    }
    count(.skipped, b.totals.skipped, a.totals.skipped)
    count(.flaky, b.totals.flaky, a.totals.flaky)
    count(.suspicious, b.suspicious, a.suspicious)
    rows.append(Row(metric: .duration, before: b.totals.durationSeconds, after: a.totals.durationSeconds))
    for name in Set(b.p95.keys).intersection(a.p95.keys).sorted() {
      if let x = b.p50[name], let y = a.p50[name] { rows.append(Row(metric: .p50(endpoint: name), before: x, after: y)) }
      rows.append(Row(metric: .p95(endpoint: name), before: b.p95[name], after: a.p95[name]))
    }
    var shifted: [Pair: [String]] = [:]
    for (id, now) in a.tests.sorted(by: { $0.key < $1.key }) {
      guard let was = b.tests[id] else {
        if now.status.isFailure { newFailures.append(id) }
        continue
      }
      switch (was.status.isFailure, now.status.isFailure) {
      case (true, false) where now.status == .passed || now.status == .flaky: fixed.append(id)
      case (false, true): newFailures.append(id)
      case (true, true):
        stillFailing.append(id)
        if let from = was.category, let to = now.category, from != to { shifted[Pair(from: from, to: to), default: []].append(id) }
      default: break
      }
      if now.status == .skipped && was.status != .skipped { newlySkipped.append(id) }
      // A fixed test is fixed, not suspicious: only a pass that was a pass before is compared.
      if now.status == .passed, was.status == .passed, let x = was.seconds, let y = now.seconds, x >= 0.05,
        y < x / 5
      {
        suspiciouslyFaster.append(id)
      }
    }
    removed = b.tests.keys.filter { a.tests[$0] == nil }.sorted()
    resolvedClusters = b.clusters.keys.filter { a.clusters[$0] == nil }.sorted()
    newClusters = a.clusters.keys.filter { b.clusters[$0] == nil }.sorted()
    persistingClusters = a.clusters.keys.filter { b.clusters[$0] != nil }.sorted()
    for (id, c) in b.clusters { if let t = c.title { clusterTitles[id] = Phrase(markedUp: t) } }
    for (id, c) in a.clusters { if let t = c.title { clusterTitles[id] = Phrase(markedUp: t) } }
    shifts = shifted.keys.sorted { ($0.from, $0.to) < ($1.from, $1.to) }.map { Shift(from: $0.from, to: $0.to, tests: shifted[$0] ?? []) }
  }
}
