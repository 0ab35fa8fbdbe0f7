/// The compact Markdown that `report build` appends to a GitHub Actions job's step summary
/// (`$GITHUB_STEP_SUMMARY`): the verdict, the counts, the clusters by title, the top actions and
/// the link back to the run. GitHub takes at most 1 MiB per step: too long, the summary steps
/// down (fewer clusters and actions, then counts only) and, as a last resort, is cut at a line.
struct GitHubSummary {
  let report: Report

  /// GitHub's limit on one step's summary.
  static let limit = 1 << 20

  /// How much to list.
  struct Detail {
    var clusters: Int
    var actions: Int
    var falseGreens: Bool
  }

  static let steps = [
    Detail(clusters: 20, actions: 10, falseGreens: true), Detail(clusters: 5, actions: 3, falseGreens: true),
    Detail(clusters: 0, actions: 0, falseGreens: false),
  ]

  /// The summary in at most `limit` bytes of UTF-8.
  func markdown(limit: Int = GitHubSummary.limit) -> String {
    var text = ""
    for step in Self.steps {
      text = markdown(step)
      if text.utf8.count <= limit { return text }
    }
    // Counts alone are a few hundred bytes; this is for a budget nearly used up by earlier steps.
    var out = ""
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      guard out.utf8.count + line.utf8.count + 1 <= limit else { break }
      out += line + "\n"
    }
    return out
  }

  func markdown(_ detail: Detail) -> String {
    let run = report.run
    let f = report.findings
    let t = run.totals
    let failing = t.failed + t.errors
    let greens = f.suspicious.filter { $0.kind != .hostDrift }
    var out: [String] = []
    if failing > 0 {
      out.append("## ❌ Tests: \(failing) of \(t.tests) failed or errored (pass rate \(Format.percent(t.passRate)))")
    } else if t.tests == 0 || !greens.isEmpty {
      out.append(
        "## ⚠️ Tests: \(t.tests == 0 ? "nothing ran" : "no failure, but \(greens.count) result\(greens.count == 1 ? "" : "s") look greener than they are")"
      )
    } else {
      let skipped = t.skipped + t.xfailed
      out.append(
        "## ✅ Tests: no failures, \(t.passed + t.flaky + t.xpassed) passed\(skipped > 0 ? ", \(skipped) skipped" : "") (pass rate \(Format.percent(t.passRate)))"
      )
    }
    out += [
      "", "| tests | passed | failed | errors | skipped | xfailed | flaky | pass rate |", "|---:|---:|---:|---:|---:|---:|---:|---:|",
      "| \(t.tests) | \(t.passed) | \(t.failed) | \(t.errors) | \(t.skipped) | \(t.xfailed) | \(t.flaky) | \(Format.percent(t.passRate)) |",
    ]
    if failing > 0 {
      let counts = f.countsByCategory.filter { $0.1 > 0 }.map { "\($0.0.rawValue) \($0.1)" }.joined(separator: ", ")
      out += ["", "**Failures by category**: \(counts), in \(f.clusters.count) cluster\(f.clusters.count == 1 ? "" : "s")."]
    }
    if detail.clusters > 0 && !f.clusters.isEmpty {
      out += ["", "### Clusters", "", "| | cluster | category | size |", "|---|---|---|---:|"]
      for (k, c) in f.clusters.prefix(detail.clusters).enumerated() {
        let size = c.tests.isEmpty ? "\(c.requests.count) req." : "\(c.tests.count)"
        out.append(
          "| \(ReportViewBuilder.icon(c.severity)) \(c.severity.rawValue) | \(Markdown.phrase(report.analysis.stories[k].title, table: true)) <sub>`\(c.id)`</sub> | \(c.category.rawValue) | \(size) |"
        )
      }
      if f.clusters.count > detail.clusters { out += ["", "… and \(f.clusters.count - detail.clusters) more in the report."] }
    }
    if detail.actions > 0 && !report.analysis.actions.isEmpty {
      out += ["", "### Top actions", ""]
      for (n, a) in report.analysis.actions.prefix(detail.actions).enumerated() {
        out.append("\(n + 1). **\(a.priority)** \(Markdown.phrase(a.title)) (\(a.kind.rawValue), owner \(Markdown.text(a.owner)))")
      }
    }
    if detail.falseGreens && !greens.isEmpty {
      out += ["", "### Looks greener than it is", ""]
      for s in greens.prefix(10) { out.append("- ⚠️ \(Markdown.text(s.summary))") }
    }
    out += ["", footer(), ""]
    return out.joined(separator: "\n")
  }

  /// The link back to the run, the commit, and where the full report is.
  private func footer() -> String {
    var parts: [String] = []
    if let ci = report.meta.ci {
      if let url = ci.url {
        parts.append(ReportViewBuilder.link(ci.provider.displayName + " run" + (ci.runNumber.map { " #" + $0 } ?? ""), url))
      }
      var commit = ci.shortCommit.map { "commit " + Markdown.code($0, table: false) } ?? ""
      if let branch = ci.branch { commit += (commit.isEmpty ? "on " : " on ") + Markdown.code(branch, table: false) }
      if !commit.isEmpty { parts.append(commit) }
    }
    parts.append("full report: report.html of run " + Markdown.code(report.meta.runID, table: false))
    return parts.joined(separator: " · ")
  }
}
