import Foundation

/// Writes `report.md`: totals, failures with their evidence, requests with status and timing.
///
/// Long runs stay readable: failures and requests are capped here, every one is in report.json.
struct MarkdownRenderer {
  var maxFailures = 100
  var maxRequests = 100

  func render(_ run: Run, findings: Findings, meta: RunMeta) -> String {
    var out: [String] = []
    let t = run.totals
    out.append("# Test run report: \(Markdown.text(meta.runID))")
    out.append("")
    out.append(
      "Generated \(meta.generatedAt) from \(run.inputs.count) input\(run.inputs.count == 1 ? "" : "s"). "
        + "**\(t.outcomeSummary)** "
        + "(pass rate \(Markdown.percent(t.passRate))).")
    out.append("")
    out += inputs(run)
    out += totals(t)
    out += categories(findings)
    out += suspicious(findings)
    out += clusters(run, findings)
    out += triage(run, findings)
    out += failures(run, findings)
    out += flaky(run)
    out += skips(run)
    out += requests(run)
    out += warnings(run)
    return out.joined(separator: "\n") + "\n"
  }

  /// The tests whose status matches, ordered by id.
  static func sortedByID(_ tests: [TestResult], where keep: (TestStatus) -> Bool) -> [TestResult] {
    tests.indicesSortedByID(where: keep).map { tests[$0] }
  }

  private func inputs(_ run: Run) -> [String] {
    var out = ["## Inputs", "", "| input | format | tests | requests | warnings |", "|---|---|---:|---:|---:|"]
    for i in run.inputs {
      out.append("| \(Markdown.code(i.path)) | \(i.format.rawValue) | \(i.tests) | \(i.requests) | \(i.warnings.count) |")
    }
    return out + [""]
  }

  private func totals(_ t: Totals) -> [String] {
    var out = ["## Totals", "", "| outcome | count |", "|---|---:|"]
    let rows: [(String, Int)] = [
      ("tests", t.tests), ("passed", t.passed), ("failed", t.failed), ("errors", t.errors),
      ("skipped", t.skipped), ("xfailed", t.xfailed), ("xpassed", t.xpassed), ("flaky", t.flaky),
    ]
    for (name, n) in rows where n > 0 || ["tests", "passed", "failed", "errors", "skipped"].contains(name) {
      out.append("| \(name) | \(n) |")
    }
    out.append("| pass rate | \(Markdown.percent(t.passRate)) |")
    out.append("| duration | \(JSONWriter.format(t.durationSeconds, decimals: 2)) s |")
    return out + [""]
  }

  private func failures(_ run: Run, _ findings: Findings) -> [String] {
    let failing = run.tests.indicesSortedByID(where: { $0.isFailure })
    guard !failing.isEmpty else { return ["## Failures", "", "None.", ""] }
    var out = ["## Failures (\(failing.count))", ""]
    for index in failing.prefix(maxFailures) {
      let test = run.tests[index]
      let d = test.details
      out.append("### \(Markdown.code(test.id, limit: 300))")
      out.append("")
      out.append(
        "**\(test.status.rawValue)**" + (test.phase.map { " in \($0.rawValue)" } ?? "")
          + (d?.exceptionType.map { " · \(Markdown.code($0))" } ?? "")
          + (d?.file.map { f in " · at \(Markdown.code(f + (d?.line.map { ":\($0)" } ?? "")))" } ?? ""))
      if let c = findings.classifications[index] {
        let cluster = findings.clusterOf[index].map { " · cluster `\(findings.clusters[$0].id)`" } ?? ""
        out.append("")
        out.append("Category **\(c.category.rawValue)** by rule `\(c.rule)` (\(c.confidence.rawValue) confidence)\(cluster).")
      }
      out.append("")
      if let m = d?.message, !m.isEmpty {
        out.append(Markdown.fence(String(m.split(separator: "\n", omittingEmptySubsequences: false).prefix(12).joined(separator: "\n"))))
        out.append("")
      }
      for e in d?.evidence ?? [] {
        out.append("- \(Markdown.code("\(e.path):\(e.line)")) \(Markdown.code(e.text))")
      }
      out.append("")
    }
    if failing.count > maxFailures {
      out += ["… and \(failing.count - maxFailures) more failures; every one is in `report.json`.", ""]
    }
    return out
  }

  private func flaky(_ run: Run) -> [String] {
    let flaky = Self.sortedByID(run.tests, where: { $0 == .flaky })
    guard !flaky.isEmpty else { return [] }
    var out = ["## Flaky tests (\(flaky.count), passed on rerun)", "", "| test | evidence |", "|---|---|"]
    for t in flaky.prefix(maxFailures) {
      let e = t.details?.evidence.first
      out.append("| \(Markdown.code(t.id)) | \(e.map { Markdown.code("\($0.path):\($0.line)") + " " + Markdown.code($0.text) } ?? "") |")
    }
    return out + [""]
  }

  private func skips(_ run: Run) -> [String] {
    var reasons: [String: Int] = [:]
    let tests = run.tests
    for i in tests.indices where tests[i].status == .skipped || tests[i].status == .xfailed {
      reasons[tests[i].details?.skipReason ?? "(no reason given)", default: 0] += 1
    }
    guard !reasons.isEmpty else { return [] }
    let total = reasons.values.reduce(0, +)
    var out = ["## Skipped (\(total))", "", "| reason | tests |", "|---|---:|"]
    for (reason, n) in reasons.sorted(by: { ($1.value, $0.key) < ($0.value, $1.key) }).prefix(20) {
      out.append("| \(Markdown.code(reason)) | \(n) |")
    }
    if reasons.count > 20 { out.append("| … \(reasons.count - 20) more reasons | |") }
    return out + [""]
  }

  private func requests(_ run: Run) -> [String] {
    guard !run.requests.isEmpty else { return [] }
    let failed = run.requests.filter(\.failed)
    var out = ["## HTTP requests (\(run.requests.count))", ""]
    out.append("\(run.requests.count - failed.count) answered below 400, \(failed.count) failed (HTTP 4xx/5xx or a curl error).")
    out.append("")
    out.append("| method | url | status | curl exit | total ms | evidence |")
    out.append("|---|---|---:|---:|---:|---|")
    let shown = (failed.prefix(maxRequests) + run.requests.lazy.filter { !$0.failed }.prefix(maxRequests)).prefix(maxRequests)
    for r in shown {
      let status = r.status.map { "\($0)" + (r.reason.map { " \($0)" } ?? "") } ?? (r.error.map { Markdown.code($0, limit: 80) } ?? "")
      let total = r.timingsMs["total"].map { JSONWriter.format($0, decimals: 1) } ?? ""
      let e = r.evidence.last.map { Markdown.code("\($0.path):\($0.line)") } ?? ""
      out.append(
        "| \(r.method ?? "") | \(Markdown.code(r.url ?? r.host ?? "?", limit: 120)) | \(status) | \(r.curlExit.map(String.init) ?? "") | \(total) | \(e) |"
      )
    }
    if run.requests.count > maxRequests {
      out.append(""); out.append("… \(run.requests.count - maxRequests) more requests in `report.json`.")
    }
    return out + [""]
  }

  private func warnings(_ run: Run) -> [String] {
    let all = run.warnings + run.inputs.flatMap(\.warnings)
    guard !all.isEmpty else { return [] }
    var out = ["## Warnings (\(all.count))", ""]
    for w in all.prefix(200) {
      out.append("- \(Markdown.code(w.path + (w.line.map { ":\($0)" } ?? ""))): \(Markdown.text(w.message))")
    }
    return out + [""]
  }
}
