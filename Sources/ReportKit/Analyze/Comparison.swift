/// Before and after: metric rows with direction-aware marks, per-test and per-cluster transitions.
public struct Comparison: Sendable {
  public struct Row: Sendable {
    public var metric: String
    public var before: String
    public var after: String
    public var change: String
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

  /// The per-test transitions in report order: label, report.json key, test ids.
  public var testTransitions: [(label: String, key: String, ids: [String])] {
    [
      ("fixed", "fixed", fixed), ("new failures", "new_failures", newFailures), ("still failing", "still_failing", stillFailing),
      ("newly skipped", "newly_skipped", newlySkipped), ("removed", "removed", removed),
      ("suspiciously faster passes", "suspiciously_faster", suspiciouslyFaster),
    ]
  }

  /// The cluster transitions: name (also the report.json key) and cluster ids.
  public var clusterTransitions: [(name: String, ids: [String])] {
    [("resolved", resolvedClusters), ("new", newClusters), ("persisting", persistingClusters)]
  }

  init(before b: Snapshot, after a: Snapshot) {
    before = b.label
    passRates = (b.passRate, a.passRate)
    func rate(_ name: String, _ x: Double?, _ y: Double?) {
      let change: String
      if let x, let y {
        let d = (y - x) * 100
        change = abs(d) < 0.05 ? "=" : "\(d > 0 ? "▲ +" : "▼ ")\(JSONWriter.format(d, decimals: 1)) pts \(d > 0 ? "✅" : "❌")"
      } else {
        change = "n/a"
      }
      rows.append(Row(metric: name, before: Markdown.percent(x), after: Markdown.percent(y), change: change))
    }
    /// `lowerIsBetter`: nil for counts that are neither better nor worse when they move.
    func count(_ name: String, _ x: Int, _ y: Int, lowerIsBetter: Bool?) {
      let d = y - x
      var change = d == 0 ? "=" : (d > 0 ? "▲ +\(d)" : "▼ \(-d)")
      if d != 0, let lower = lowerIsBetter { change += (d < 0) == lower ? " ✅" : " ❌" }
      rows.append(Row(metric: name, before: "\(x)", after: "\(y)", change: change))
    }
    rate("pass rate", b.passRate, a.passRate)
    rate("execution rate", b.executionRate, a.executionRate)
    count("tests", b.totals.tests, a.totals.tests, lowerIsBetter: nil)
    count("failures", b.totals.failed + b.totals.errors, a.totals.failed + a.totals.errors, lowerIsBetter: true)
    for c in Category.allCases {
      count("\(c.rawValue) failures", b.failuresByCategory[c.rawValue] ?? 0, a.failuresByCategory[c.rawValue] ?? 0, lowerIsBetter: true)
    }
    count("skipped", b.totals.skipped, a.totals.skipped, lowerIsBetter: true)
    count("flaky", b.totals.flaky, a.totals.flaky, lowerIsBetter: true)
    count("suspicious results", b.suspicious, a.suspicious, lowerIsBetter: true)
    for name in Set(b.p95.keys).intersection(a.p95.keys).sorted() {
      let x = b.p95[name]!, y = a.p95[name]!
      let pct = x > 0 ? (y - x) / x * 100 : 0
      let change = abs(pct) < 0.5 ? "=" : "\(pct > 0 ? "▲ +" : "▼ ")\(JSONWriter.format(pct, decimals: 0))% \(pct < 0 ? "✅" : "❌")"
      rows.append(Row(metric: "p95 `\(name)`", before: Format.ms(x), after: Format.ms(y), change: change))
    }
    for (id, now) in a.tests.sorted(by: { $0.key < $1.key }) {
      guard let was = b.tests[id] else {
        if now.status.isFailure { newFailures.append(id) }
        continue
      }
      switch (was.status.isFailure, now.status.isFailure) {
      case (true, false) where now.status == .passed || now.status == .flaky: fixed.append(id)
      case (false, true): newFailures.append(id)
      case (true, true): stillFailing.append(id)
      default: break
      }
      if now.status == .skipped && was.status != .skipped { newlySkipped.append(id) }
      if now.status == .passed, was.status == .passed || was.status.isFailure, let x = was.seconds, let y = now.seconds, x >= 0.05,
        y < x / 5
      {
        suspiciouslyFaster.append(id)
      }
    }
    removed = b.tests.keys.filter { a.tests[$0] == nil }.sorted()
    resolvedClusters = b.clusters.keys.filter { a.clusters[$0] == nil }.sorted()
    newClusters = a.clusters.keys.filter { b.clusters[$0] == nil }.sorted()
    persistingClusters = a.clusters.keys.filter { b.clusters[$0] != nil }.sorted()
  }
}
