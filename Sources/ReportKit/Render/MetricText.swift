/// The words and marks of metric rows: before/after rows with their change, and targets.
enum MetricText {
  /// A before/after row as text: metric, before, after, and the change with ▲/▼ and ✅/❌.
  struct Row {
    var metric: String
    var before: String
    var after: String
    var change: String
  }

  static func row(_ r: Comparison.Row) -> Row {
    switch r.metric {
    case .passRate, .executionRate:
      return Row(metric: name(r.metric), before: Format.percent(r.before), after: Format.percent(r.after), change: rateChange(r))
    case .p50, .p95:
      return Row(metric: name(r.metric), before: Format.ms(r.before), after: Format.ms(r.after), change: latencyChange(r))
    case .duration:
      let (x, y) = (r.before ?? 0, r.after ?? 0)
      let d = y - x
      let change = abs(d) < 0.005 ? "=" : "\(d > 0 ? "▲ +" : "▼ ")\(Format.seconds(abs(d)))"
      return Row(metric: name(r.metric), before: Format.seconds(x), after: Format.seconds(y), change: change)
    case .tests, .failures, .skipped, .flaky, .suspicious, .categoryFailures:
      let (x, y) = (Int(r.before ?? 0), Int(r.after ?? 0))
      return Row(metric: name(r.metric), before: "\(x)", after: "\(y)", change: countChange(x, y, lowerIsBetter: r.metric.lowerIsBetter))
    }
  }

  static func name(_ m: Comparison.Row.Metric) -> String {
    switch m {
    case .passRate: "pass rate"
    case .executionRate: "execution rate"
    case .tests: "tests"
    case .failures: "failures"
    case .skipped: "skipped"
    case .flaky: "flaky"
    case .suspicious: "suspicious results"
    case .duration: "test time"
    case .categoryFailures(let c): "\(c.rawValue) failures"
    case .p50(let endpoint): "p50 `\(endpoint)`"
    case .p95(let endpoint): "p95 `\(endpoint)`"
    }
  }

  /// Percentage points; changes under 0.05 points read as `=`.
  private static func rateChange(_ r: Comparison.Row) -> String {
    guard let x = r.before, let y = r.after else { return "n/a" }
    let d = (y - x) * 100
    return abs(d) < 0.05 ? "=" : "\(d > 0 ? "▲ +" : "▼ ")\(JSONWriter.format(d, decimals: 1)) pts \(d > 0 ? "✅" : "❌")"
  }

  /// Percent of the earlier latency; changes under 0.5% read as `=`.
  private static func latencyChange(_ r: Comparison.Row) -> String {
    let (x, y) = (r.before ?? 0, r.after ?? 0)
    let pct = x > 0 ? (y - x) / x * 100 : 0
    return abs(pct) < 0.5 ? "=" : "\(pct > 0 ? "▲ +" : "▼ ")\(JSONWriter.format(pct, decimals: 0))% \(pct < 0 ? "✅" : "❌")"
  }

  private static func countChange(_ x: Int, _ y: Int, lowerIsBetter: Bool?) -> String {
    let d = y - x
    var change = d == 0 ? "=" : (d > 0 ? "▲ +\(d)" : "▼ \(-d)")
    if d != 0, let lower = lowerIsBetter { change += (d < 0) == lower ? " ✅" : " ❌" }
    return change
  }

  /// A report.yml target as text: name, goal and actual value.
  static func target(_ t: Metrics.Target) -> (name: String, goal: String, actual: String) {
    switch t.measure {
    case .passRate: ("pass rate", "≥ \(Format.percent(t.goal))", Format.percent(t.actual))
    case .executionRate: ("execution rate", "≥ \(Format.percent(t.goal))", Format.percent(t.actual))
    case .failures: ("failures", "≤ \(Int(t.goal))", "\(Int(t.actual ?? 0))")
    case .p95(let endpoint): ("p95 \(endpoint)", "< \(Format.ms(t.goal))", Format.ms(t.actual))
    }
  }

  /// How report.md names a test transition, and the key report.json files it under.
  static func label(_ t: Comparison.TestTransition) -> (words: String, key: String) {
    switch t {
    case .fixed: ("fixed", "fixed")
    case .newFailures: ("new failures", "new_failures")
    case .stillFailing: ("still failing", "still_failing")
    case .newlySkipped: ("newly skipped", "newly_skipped")
    case .removed: ("removed", "removed")
    case .suspiciouslyFaster: ("suspiciously faster passes", "suspiciously_faster")
    }
  }

  /// The name (and report.json key) of a cluster transition.
  static func label(_ t: Comparison.ClusterTransition) -> String {
    switch t {
    case .resolved: "resolved"
    case .new: "new"
    case .persisting: "persisting"
    }
  }
}
