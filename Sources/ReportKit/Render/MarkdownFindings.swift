/// The analysis sections of report.md: categories, false greens, clusters, triage.
extension MarkdownRenderer {
  func categories(_ f: Findings) -> [String] {
    guard !f.classifications.isEmpty else { return [] }
    var out = ["## Failures by category", "", "| category | failures | clusters |", "|---|---:|---:|"]
    for (category, n) in f.countsByCategory {
      let clusters = f.clusters.filter { $0.category == category }.count
      out.append("| \(category.rawValue) | \(n) | \(clusters) |")
    }
    return out + [""]
  }

  func suspicious(_ f: Findings) -> [String] {
    guard !f.suspicious.isEmpty else { return [] }
    var out = ["## False greens and run health (\(f.suspicious.count))", ""]
    for s in f.suspicious.prefix(maxFailures) {
      out.append("- **\(s.kind.rawValue)**: \(Markdown.text(s.summary))")
      for e in s.evidence.prefix(3) { out.append("  - \(Markdown.code("\(e.path):\(e.line)")) \(Markdown.code(e.text))") }
      if s.tests.count > 1 {
        let shown = s.tests.prefix(10).map { Markdown.code($0) }.joined(separator: ", ")
        out.append("  - tests: \(shown)\(s.tests.count > 10 ? " and \(s.tests.count - 10) more" : "")")
      }
    }
    if f.suspicious.count > maxFailures { out.append("- … \(f.suspicious.count - maxFailures) more in `report.json`.") }
    return out + [""]
  }

  func clusters(_ run: Run, _ f: Findings) -> [String] {
    guard !f.clusters.isEmpty else { return [] }
    var out = ["## Clusters (\(f.clusters.count))", ""]
    for c in f.clusters.prefix(maxFailures) {
      out.append("### `\(c.id)` \(c.category.rawValue), \(c.severity.rawValue): \(c.tests.count) failure\(c.tests.count == 1 ? "" : "s")")
      out.append("")
      out.append("- signature: \(Markdown.code(c.signature, limit: 300))")
      out.append("- why grouped: \(Markdown.text(c.reason))")
      out.append("- first evidence: \(Markdown.code("\(c.evidence.path):\(c.evidence.line)")) \(Markdown.code(c.evidence.text))")
      if let owner = c.owner { out.append("- owner: \(Markdown.text(owner))") }
      if let k = c.knownIssue { out.append("- known issue: [\(Markdown.text(k.title ?? k.url))](\(k.url))") }
      let shown = c.tests.prefix(10).map { Markdown.code(run.tests[$0].id) }.joined(separator: ", ")
      out.append("- tests: \(shown)\(c.tests.count > 10 ? " and \(c.tests.count - 10) more" : "")")
      out.append("")
    }
    if f.clusters.count > maxFailures { out += ["… and \(f.clusters.count - maxFailures) more clusters in `report.json`.", ""] }
    return out
  }

  /// Low-confidence verdicts, for a human to confirm.
  func triage(_ run: Run, _ f: Findings) -> [String] {
    let low = f.classifications.filter { $0.value.confidence == .low }.keys.sorted { run.tests[$0].id < run.tests[$1].id }
    guard !low.isEmpty else { return [] }
    var out = ["## Needs triage: low-confidence verdicts (\(low.count))", "", "| test | category | rule | evidence |", "|---|---|---|---|"]
    for i in low.prefix(maxFailures) {
      let c = f.classifications[i]!
      let e = c.evidence[0]
      out.append(
        "| \(Markdown.code(run.tests[i].id)) | \(c.category.rawValue) | `\(c.rule)` | \(Markdown.code("\(e.path):\(e.line)")) \(Markdown.code(e.text)) |"
      )
    }
    return out + [""]
  }
}
