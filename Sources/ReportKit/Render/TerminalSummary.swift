import Foundation

/// The few lines `report build` prints when it is done.
public enum TerminalSummary {
  /// `folder` and `files`: where the report went; `warnings`: how many were printed.
  public static func lines(_ report: Report, folder: String, files: [String], warnings: Int) -> [String] {
    let run = report.run
    let t = report.analysis.metrics.totals
    // `15 tests: 4 passed, 8 failed, 1 error, 1 skipped (pass rate 30.8%)`
    var out = [
      "\(t.tests) tests: \(t.passed) passed, \(t.failed) failed, \(t.errors) \(t.errors == 1 ? "error" : "errors"), \(t.skipped) skipped"
        + (t.flaky > 0 ? ", \(t.flaky) flaky" : "") + " (pass rate \(Format.percent(t.passRate)))"
    ]
    let f = report.findings
    if !f.failingInOrder.isEmpty || !f.flaky.isEmpty {
      let counts = f.countsByCategory.filter { $0.1 > 0 }.map { "\($0.0.rawValue) \($0.1)" }.joined(separator: ", ")
      out.append("failures by category: \(counts); \(f.clusters.count) cluster\(f.clusters.count == 1 ? "" : "s")")
    }
    if !f.suspicious.isEmpty {
      let kinds = Dictionary(grouping: f.suspicious, by: \.kind.rawValue).sorted { $0.key < $1.key }.map { "\($0.key) \($0.value.count)" }
      out.append("suspicious: \(kinds.joined(separator: ", "))")
    }
    if !run.requests.isEmpty {
      let bad = run.requests.failedCount
      out.append("\(run.requests.count) HTTP requests, \(bad) failed")
    }
    let read = run.inputs.filter { $0.format != .unknown }.count
    out.append(
      "\(read) of \(run.inputs.count) input files read, \(warnings) warning\(warnings == 1 ? "" : "s")")
    out.append("report written to \(folder)/ (\(files.joined(separator: ", ")))")
    return out
  }
}
