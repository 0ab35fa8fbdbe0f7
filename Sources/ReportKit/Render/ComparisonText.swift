/// `report compare`: the before/after table and transitions as Markdown, for a terminal or a PR.
public enum ComparisonText {
  public static func markdown(_ c: Comparison, after: String) -> String {
    var out = ["## Before / after", "", "Before: \(Markdown.code(c.before)) · After: \(Markdown.code(after))", ""]
    out += ["| Metric | Before | After | Change |", "|---|---:|---:|---|"]
    for r in c.rows { out.append("| \(r.metric) | \(r.before) | \(r.after) | \(r.change) |") }
    out.append("")
    let lists: [(String, [String])] = [
      ("fixed", c.fixed), ("new failures", c.newFailures), ("still failing", c.stillFailing), ("newly skipped", c.newlySkipped),
      ("removed", c.removed), ("suspiciously faster passes", c.suspiciouslyFaster),
    ]
    for (name, ids) in lists {
      let shown = ids.prefix(50).map { Markdown.code($0) }.joined(separator: ", ")
      out.append("- \(name) (\(ids.count)): \(ids.isEmpty ? "none" : shown + (ids.count > 50 ? " and \(ids.count - 50) more" : ""))")
    }
    for (name, ids) in [("resolved", c.resolvedClusters), ("new", c.newClusters), ("persisting", c.persistingClusters)] {
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
