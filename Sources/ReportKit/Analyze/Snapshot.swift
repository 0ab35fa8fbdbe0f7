import Foundation

/// What a comparison needs of a run: counts, rates, per-test outcomes, clusters, endpoint latency.
/// Made from a run just analyzed, or read back from an earlier report.json.
public struct Snapshot: Sendable {
  public var label: String
  public var totals = Totals()
  public var passRate: Double?
  public var executionRate: Double?
  public var failuresByCategory: [String: Int] = [:]
  public var suspicious = 0
  /// Per test id: outcome, duration and, for a failure, its category.
  public var tests: [String: (status: TestStatus, seconds: Double?, category: Category?)] = [:]
  /// Per cluster id: category, size, signature and title (a report.json older than titles has none).
  public var clusters: [String: (category: String, count: Int, signature: String, title: String?)] = [:]
  /// Latency per endpoint name (`GET /api/orders`), in milliseconds.
  public var p50: [String: Double] = [:]
  public var p95: [String: Double] = [:]

  /// An empty snapshot, filled by its reader (a history's earlier run).
  init(label: String) { self.label = label }

  /// `titles`: the clusters' titles in words, in `findings.clusters` order (when analyzed).
  init(label: String, run: Run, findings: Findings, metrics: Metrics, titles: [Phrase] = []) {
    self.label = label
    totals = metrics.totals
    passRate = metrics.passRate
    executionRate = metrics.executionRate
    for (c, n) in metrics.failuresByCategory { failuresByCategory[c.rawValue] = n }
    suspicious = metrics.suspicious
    tests.reserveCapacity(run.tests.count)
    for i in run.tests.indices {
      tests[run.tests[i].id] = (run.tests[i].status, run.tests[i].durationSeconds, findings.classifications[i]?.category)
    }
    for (k, c) in findings.clusters.enumerated() {
      clusters[c.id] = (c.category.rawValue, c.tests.count, c.signature, k < titles.count ? titles[k].description : nil)
    }
    for e in metrics.endpoints {
      if let v = e.p50 { p50[e.name] = v }
      if let v = e.p95 { p95[e.name] = v }
    }
  }

  /// Reads a report.json written by `report build` (`ReportSchema.version`).
  public init(reportJSON path: String) throws {
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    let doc = try JSONDecoder().decode(ReportSchema.Document.self, from: data)
    guard ReportSchema.readable.contains(doc.schema) else { throw SchemaMismatch(found: doc.schema) }
    self.init(label: path, document: doc)
  }

  /// What a comparison needs of a decoded report.json.
  init(label: String, document doc: ReportSchema.Document) {
    self.label = label
    totals = Totals(doc.totals)
    passRate = totals.passRate
    executionRate = totals.tests > 0 ? Double(totals.tests - totals.skipped) / Double(totals.tests) : nil
    failuresByCategory = doc.failures_by_category ?? [:]
    suspicious = doc.suspicious?.count ?? 0
    for test in doc.tests {
      guard let s = TestStatus(rawValue: test.status) else { continue }
      tests[test.id] = (s, test.duration_s, test.category.flatMap(Category.init))
    }
    for c in doc.clusters ?? [] { clusters[c.id] = (c.category, c.count, c.signature, c.title) }
    for e in doc.metrics?.endpoints ?? [] {
      if let v = e.p50_ms { p50[e.name] = v }
      if let v = e.p95_ms { p95[e.name] = v }
    }
  }

  /// A report.json of another schema than the one this build reads.
  public struct SchemaMismatch: Error, CustomStringConvertible {
    public var found: String
    public var description: String { "schema \(found), not \(ReportSchema.readableNames)" }
  }
}
