import Foundation

/// The few lines `report build` prints when it is done.
public enum TerminalSummary {
  public static func lines(_ result: ReportBuilder.Result) -> [String] {
    let t = result.run.totals
    var out = [
      t.outcomeSummary + (t.flaky > 0 ? ", \(t.flaky) flaky" : "") + " (pass rate \(Markdown.percent(t.passRate)))"
    ]
    if !result.run.requests.isEmpty {
      let bad = result.run.requests.filter(\.failed).count
      out.append("\(result.run.requests.count) HTTP requests, \(bad) failed")
    }
    let read = result.run.inputs.filter { $0.format != .unknown }.count
    out.append(
      "\(read) of \(result.run.inputs.count) input files read, \(result.warnings.count) warning\(result.warnings.count == 1 ? "" : "s")")
    out.append("report written to \(result.folder)/ (report.md, report.html, report.json)")
    return out
  }
}
