/// `report compare`: the before/after table and transitions as Markdown, for a terminal or a PR.
public enum ComparisonText {
  public static func markdown(_ c: Comparison, after: String) -> String {
    var out = ["## Before / after", "", "Before: \(Markdown.code(c.before)) · After: \(Markdown.code(after))", ""]
    out += ["| Metric | Before | After | Change |", "|---|---:|---:|---|"]
    for row in c.rows {
      let r = MetricText.row(row)
      out.append("| \(r.metric) | \(r.before) | \(r.after) | \(r.change) |")
    }
    out.append("")
    for t in Comparison.TestTransition.allCases {
      let (name, ids) = (MetricText.label(t).words, c.tests(t))
      let shown = ids.prefix(50).map { Markdown.code($0) }.joined(separator: ", ")
      out.append("- \(name) (\(ids.count)): \(ids.isEmpty ? "none" : shown + (ids.count > 50 ? " and \(ids.count - 50) more" : ""))")
    }
    for t in Comparison.ClusterTransition.allCases {
      let (name, ids) = (MetricText.label(t), c.clusters(t))
      out.append("- clusters \(name) (\(ids.count)): \(ids.isEmpty ? "none" : ids.map { "`\($0)`" }.joined(separator: ", "))")
    }
    return out.joined(separator: "\n") + "\n"
  }
}
