/// `report compare`: the before/after table and transitions as Markdown, for a terminal or a PR.
public enum ComparisonText {
  public static func markdown(_ c: Comparison, after: String) -> String {
    var out = ["## Before / after", "", "Before: \(Markdown.code(c.before)) · After: \(Markdown.code(after))", ""]
    out += ["| Metric | Before | After | Change |", "|---|---:|---:|---|"]
    for r in c.rows { out.append("| \(r.metric) | \(r.before) | \(r.after) | \(r.change) |") }
    out.append("")
    for (name, _, ids) in c.testTransitions {
      let shown = ids.prefix(50).map { Markdown.code($0) }.joined(separator: ", ")
      out.append("- \(name) (\(ids.count)): \(ids.isEmpty ? "none" : shown + (ids.count > 50 ? " and \(ids.count - 50) more" : ""))")
    }
    for (name, ids) in c.clusterTransitions {
      out.append("- clusters \(name) (\(ids.count)): \(ids.isEmpty ? "none" : ids.map { "`\($0)`" }.joined(separator: ", "))")
    }
    return out.joined(separator: "\n") + "\n"
  }
}

extension ReportBuilder {
  /// Compares two runs, each a logs folder (or file) or a report.json.
  public func compare(before: String, after: String, config: ReportConfig) throws -> Comparison {
    Comparison(before: try snapshot(of: before, config: config), after: try snapshot(of: after, config: config))
  }
}
