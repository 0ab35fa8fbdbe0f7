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
  public var tests: [String: (status: TestStatus, seconds: Double?)] = [:]
  public var clusters: [String: (category: String, count: Int, signature: String)] = [:]
  public var p95: [String: Double] = [:]

  init(label: String, run: Run, findings: Findings, metrics: Metrics) {
    self.label = label
    totals = metrics.totals
    passRate = metrics.passRate
    executionRate = metrics.executionRate
    for (c, n) in metrics.failuresByCategory { failuresByCategory[c.rawValue] = n }
    suspicious = metrics.suspicious
    tests.reserveCapacity(run.tests.count)
    for i in run.tests.indices { tests[run.tests[i].id] = (run.tests[i].status, run.tests[i].durationSeconds) }
    for c in findings.clusters { clusters[c.id] = (c.category.rawValue, c.tests.count, c.signature) }
    for e in metrics.endpoints { if let v = e.p95 { p95[e.name] = v } }
  }

  /// Reads a report.json written by `report build` (schema report/1).
  public init(reportJSON path: String) throws {
    label = path
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    guard let root = try JSONSerialization.jsonObject(with: data) as? [String: Any], root["schema"] as? String == JSONRenderer.schema else {
      throw BuildError.noReadableInput([Diagnostic(path: path, line: nil, message: "not a report.json of schema \(JSONRenderer.schema)")])
    }
    let t = root["totals"] as? [String: Any] ?? [:]
    func int(_ k: String) -> Int { (t[k] as? NSNumber)?.intValue ?? 0 }
    totals.tests = int("tests")
    totals.passed = int("passed")
    totals.failed = int("failed")
    totals.errors = int("errors")
    totals.skipped = int("skipped")
    totals.xfailed = int("xfailed")
    totals.xpassed = int("xpassed")
    totals.flaky = int("flaky")
    totals.durationSeconds = (t["duration_s"] as? NSNumber)?.doubleValue ?? 0
    passRate = totals.passRate
    executionRate = totals.tests > 0 ? Double(totals.tests - totals.skipped) / Double(totals.tests) : nil
    for (k, v) in root["failures_by_category"] as? [String: Any] ?? [:] { failuresByCategory[k] = (v as? NSNumber)?.intValue ?? 0 }
    suspicious = (root["suspicious"] as? [Any])?.count ?? 0
    for case let test as [String: Any] in root["tests"] as? [Any] ?? [] {
      guard let id = test["id"] as? String, let s = (test["status"] as? String).flatMap(TestStatus.init) else { continue }
      tests[id] = (s, (test["duration_s"] as? NSNumber)?.doubleValue)
    }
    for case let c as [String: Any] in root["clusters"] as? [Any] ?? [] {
      guard let id = c["id"] as? String else { continue }
      clusters[id] = (c["category"] as? String ?? "", (c["count"] as? NSNumber)?.intValue ?? 0, c["signature"] as? String ?? "")
    }
    for case let e as [String: Any] in (root["metrics"] as? [String: Any])?["endpoints"] as? [Any] ?? [] {
      if let name = e["name"] as? String, let v = (e["p95_ms"] as? NSNumber)?.doubleValue { p95[name] = v }
    }
  }
}
