import Foundation

/// Writes ctrf.json: the run as a CTRF report (schema `../shared/ctrf/ctrf.schema.json`), so
/// tools that read CTRF (dashboards, PR comment actions, flaky-test trackers) read `report`'s run,
/// every input merged, with its verdicts.
///
/// Each test has its id as `name` (as pytest-json-ctrf writes node ids, so reading the file back
/// gives the same ids), CTRF's status with ours in `rawStatus` where CTRF has no word for it
/// (`error` is `failed` + `rawStatus` `error`, or `setup_error`, ...; `xfailed` is `skipped` +
/// `xfailed`; `xpassed` is `passed` + `xpassed`; flaky is `passed` + `flaky: true`), duration in
/// milliseconds, message (a skip's reason), trace, file, line, suite and output. A classified
/// failure carries category, rule, confidence, cluster and severity in `labels` (the spec's
/// key-value field) and in `extra`, with the exception type (CTRF has no field for it). Times come from `--now`, never the clock: the same run gives
/// the same bytes. Tests are written one at a time.
struct CTRFWriter {
  func write(_ report: Report, to sink: OutputSink) {
    let run = report.run
    let totals = run.totals
    let w = JSONWriter(sink: sink)
    let stop = Self.milliseconds(report.meta.generatedAt)
    let duration = Self.milliseconds(totals.durationSeconds)
    sink.write("{\n")
    line(w, "reportFormat") { w.string("CTRF") }
    line(w, "specVersion") { w.string(CTRFSchema.specVersion) }
    line(w, "runId") { w.string(report.meta.runID) }
    line(w, "timestamp") { w.string(report.meta.generatedAt) }
    line(w, "generatedBy") { w.string("report") }
    w.key("results", indent: 2)
    sink.write("{\n")
    line(w, "tool", indent: 4) {
      sink.write("{\"name\": \"report\", \"extra\": {\"inputs\": ")
      w.strings(run.inputs.filter { $0.format != .unknown }.map(\.format.rawValue).uniqued())
      sink.write("}}")
    }
    line(w, "summary", indent: 4) {
      sink.write("{\"tests\": \(totals.tests), \"passed\": \(totals.passed + totals.xpassed + totals.flaky), ")
      sink.write("\"failed\": \(totals.failed + totals.errors), \"skipped\": \(totals.skipped + totals.xfailed), ")
      sink.write("\"pending\": 0, \"other\": 0, \"flaky\": \(totals.flaky), ")
      sink.write("\"start\": \(stop - duration), \"stop\": \(stop), \"duration\": \(duration), ")
      sink.write(
        "\"extra\": {\"errors\": \(totals.errors), \"xfailed\": \(totals.xfailed), \"xpassed\": \(totals.xpassed), \"pass_rate\": ")
      w.value(totals.passRate, decimals: 4)
      sink.write(", \"clusters\": \(report.findings.clusters.count)}}")
    }
    if let ci = report.meta.ci { line(w, "environment", indent: 4) { environment(ci, w) } }
    w.key("tests", indent: 4)
    sink.write("[")
    let f = report.findings
    run.tests.withUnsafeBufferPointer { tests in
      for i in tests.indices {
        sink.write(i == 0 ? "\n      " : ",\n      ")
        test(tests[i], verdict: f.classifications[i], cluster: f.clusterOf[i].map { f.clusters[$0] }, w)
      }
    }
    sink.write(run.tests.isEmpty ? "]\n" : "\n    ]\n")
    sink.write("  }\n}\n")
  }

  /// `key: value,` on a line of its own.
  private func line(_ w: JSONWriter, _ key: String, indent: Int = 2, _ value: () -> Void) {
    w.key(key, indent: indent)
    value()
    w.sink.write(",\n")
  }

  /// One test on one line; a passing one is `name`, `status`, `duration` (and `suite`) only.
  private func test(_ t: borrowing TestResult, verdict: Classification?, cluster: Cluster?, _ w: JSONWriter) {
    let (status, raw) = Self.status(t)
    w.sink.write("{\"name\": "); w.string(t.idPrefix, t.nameSlice)
    w.field("status"); w.string(status)
    w.sink.write(", \"duration\": \(Self.milliseconds(t.durationSeconds ?? 0))")
    if !t.suite.isEmpty { w.field("suite"); w.strings([t.suite]) }
    if let raw { w.field("rawStatus"); w.string(raw) }
    if t.status == .flaky { w.sink.write(", \"flaky\": true") }
    if let d = t.details {
      if let message = d.message ?? d.skipReason { w.field("message"); w.string(message) }
      if let trace = d.detail { w.field("trace"); w.string(trace) }
      if let file = d.file, !file.isEmpty { w.field("filePath"); w.string(file) }
      if let line = d.line { w.sink.write(", \"line\": \(line)") }
      if let output = d.output {
        w.field("stdout"); w.strings(output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
      }
    }
    let labels =
      verdict.map { v in
        [
          ("category", v.category.rawValue), ("rule", v.rule), ("confidence", v.confidence.rawValue), ("cluster", cluster?.id ?? ""),
          ("severity", cluster?.severity.rawValue ?? ""),
        ].filter { !$0.1.isEmpty }
      } ?? []
    let type = t.status.isFailure || t.status == .flaky ? t.details?.exceptionType : nil
    if !labels.isEmpty { object("labels", labels, w) }
    if !labels.isEmpty || type != nil { object("extra", labels + (type.map { [("exceptionType", $0)] } ?? []), w) }
    w.sink.write("}")
  }

  /// `, "key": {"k": "v", ...}`.
  private func object(_ key: String, _ pairs: [(String, String)], _ w: JSONWriter) {
    w.field(key)
    w.sink.write("{")
    for (n, (k, v)) in pairs.enumerated() {
      if n > 0 { w.sink.write(", ") }
      w.key(k)
      w.string(v)
    }
    w.sink.write("}")
  }

  /// CTRF's status for ours, and ours as `rawStatus` where CTRF has no word for it.
  static func status(_ t: borrowing TestResult) -> (String, String?) {
    switch t.status {
    case .passed: ("passed", nil)
    case .failed: ("failed", nil)
    case .error: ("failed", t.phase.flatMap { $0 == .call ? nil : $0.rawValue + "_error" } ?? "error")
    case .skipped: ("skipped", nil)
    case .xfailed: ("skipped", "xfailed")
    case .xpassed: ("passed", "xpassed")
    case .flaky: ("passed", nil)
    }
  }

  /// The CI run, in the spec's own environment fields.
  private func environment(_ ci: CIMetadata, _ w: JSONWriter) {
    var fields: [(String, String)] = [("buildName", ci.provider.displayName + (ci.job.map { ": " + $0 } ?? ""))]
    if let id = ci.runID { fields.append(("buildId", id)) }
    if let url = ci.url { fields.append(("buildUrl", url)) }
    if let repo = ci.repository { fields.append(("repositoryName", repo)) }
    if let commit = ci.commit { fields.append(("commit", commit)) }
    if let branch = ci.branch { fields.append(("branchName", branch)) }
    w.sink.write("{")
    for (n, (k, v)) in fields.enumerated() {
      if n > 0 { w.sink.write(", ") }
      w.key(k); w.string(v)
    }
    // The spec's buildNumber is an integer: written only when the CI's number is one.
    if let number = ci.runNumber.flatMap({ Int($0) }) { w.sink.write(", \"buildNumber\": \(number)") }
    w.sink.write("}")
  }

  static func milliseconds(_ seconds: Double) -> Int {
    guard seconds.isFinite, seconds >= 0, seconds < 9e12 else { return 0 }
    return Int((seconds * 1000).rounded())
  }

  /// Milliseconds since 1970 of an ISO 8601 time (`generated_at`); 0 when it does not parse.
  static func milliseconds(_ iso8601: String) -> Int {
    let f = ISO8601DateFormatter()
    f.formatOptions = [.withInternetDateTime]
    guard let date = f.date(from: iso8601) else { return 0 }
    return Int((date.timeIntervalSince1970 * 1000).rounded())
  }
}

extension Array where Element: Hashable {
  /// The elements in order, each once.
  fileprivate func uniqued() -> [Element] {
    var seen = Set<Element>()
    return filter { seen.insert($0).inserted }
  }
}
