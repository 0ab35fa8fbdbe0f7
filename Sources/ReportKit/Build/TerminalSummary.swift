import Foundation

/// The few lines `report build` prints when it is done.
public enum TerminalSummary {
  public static func lines(_ result: ReportBuilder.Result) -> [String] {
    let t = result.run.totals
    var out = [
      t.outcomeSummary + (t.flaky > 0 ? ", \(t.flaky) flaky" : "") + " (pass rate \(Markdown.percent(t.passRate)))"
    ]
    let f = result.findings
    if !f.classifications.isEmpty {
      let counts = f.countsByCategory.filter { $0.1 > 0 }.map { "\($0.0.rawValue) \($0.1)" }.joined(separator: ", ")
      out.append("failures by category: \(counts); \(f.clusters.count) cluster\(f.clusters.count == 1 ? "" : "s")")
    }
    if !f.suspicious.isEmpty {
      let kinds = Dictionary(grouping: f.suspicious, by: \.kind.rawValue).sorted { $0.key < $1.key }.map { "\($0.key) \($0.value.count)" }
      out.append("suspicious: \(kinds.joined(separator: ", "))")
    }
    if !result.run.requests.isEmpty {
      let bad = result.run.requests.filter(\.failed).count
      out.append("\(result.run.requests.count) HTTP requests, \(bad) failed")
    }
    let read = result.run.inputs.filter { $0.format != .unknown }.count
    out.append(
      "\(read) of \(result.run.inputs.count) input files read, \(result.warnings.count) warning\(result.warnings.count == 1 ? "" : "s")")
    out.append("report written to \(result.folder)/ (\(result.files.joined(separator: ", ")))")
    return out
  }
}
