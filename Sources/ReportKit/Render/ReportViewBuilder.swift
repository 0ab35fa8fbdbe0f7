/// Makes the view of a report that the Mustache templates render (`ReportView`), at a level of
/// detail: the full report, or one of the shorter steps issue.md falls back to. Sections are built
/// in the order the document reads, so each log line is quoted once and cited after (`QuoteBook`).
struct ReportViewBuilder {
  let report: Report
  /// Where the full report can be read, for issue.md (`--report-url` or the CI run).
  var reportURL: String?

  var run: Run { report.run }
  var findings: Findings { report.findings }
  var analysis: Analysis { report.analysis }

  /// The failing tests (in order) whose verdict has low confidence, at most 50 (what a view
  /// lists): found once, not in each of the views issue.md steps through.
  let lowConfidenceTests: [Int]

  init(report: Report, reportURL: String? = nil) {
    self.report = report
    self.reportURL = reportURL
    let findings = report.findings
    lowConfidenceTests = Array(findings.failingInOrder.lazy.filter { findings.classifications[$0]?.confidence == .low }.prefix(50))
  }

  /// How much detail to show; the issue body steps down until it fits its limit.
  struct Detail {
    var clusters = 25
    var whys = true
    var collapse = false
    var lists = true
    var evidenceChars = 200
    var failingTests = 200
    var actions = 60

    static let full = Detail()
    /// The steps `issue.md` degrades through: fewer list items, shorter evidence, fewer clusters.
    /// Every step points to the full report.
    static let steps: [Detail] = [
      Detail(clusters: 15, whys: true, collapse: true, lists: true, evidenceChars: 200, failingTests: 100, actions: 30),
      Detail(clusters: 15, whys: true, collapse: true, lists: false, evidenceChars: 200, failingTests: 0, actions: 20),
      Detail(clusters: 10, whys: false, collapse: true, lists: false, evidenceChars: 80, failingTests: 0, actions: 10),
      Detail(clusters: 5, whys: false, collapse: true, lists: false, evidenceChars: 60, failingTests: 0, actions: 5),
    ]
  }

  func view(_ detail: Detail = .full) -> ReportView {
    let quotes = QuoteBook(limit: detail.evidenceChars)
    // Read top to bottom: the order the fields are made in is the order they are shown in.
    let summary = self.summary()
    let whatRan = self.whatRan(quotes)
    let clusters = clusterBlocks(detail, quotes)
    let suspicious = suspiciousRows(detail, quotes)
    let beforeAfter = analysis.comparison.map { self.comparison($0, detail) }
    let actions = analysis.actions.prefix(detail.actions).map(actionRow)
    let lowConfidence = self.lowConfidence(detail, quotes)
    let failing = failingRows(detail, quotes)
    let files: [ReportView.FileRow] = analysis.metrics.files.prefix(15).map {
      .init(file: Markdown.code($0.file), failing: $0.failing, tests: $0.tests)
    }
    let targets: [ReportView.TargetRow] = analysis.metrics.targets.map {
      let t = MetricText.target($0)
      return .init(name: Markdown.text(t.name), goal: t.goal, actual: t.actual, met: $0.met ? "✅ met" : "❌ missed")
    }
    let reasons: [ReportView.ClusterReason] = findings.clusters.prefix(detail.lists ? 200 : 0).enumerated().map { (k, c) in
      .init(
        id: c.id, title: Markdown.phrase(analysis.stories[k].title),
        signature: Markdown.code(Signature.version + ":" + c.signature, limit: 300, table: false), reason: Markdown.text(c.reason))
    }
    let slowest: [ReportView.Line] = analysis.metrics.slowest.map {
      .init(text: Markdown.code($0.id, table: false) + ": " + Format.seconds($0.seconds))
    }
    return ReportView(
      runID: Markdown.text(report.meta.runID), verdict: verdict(), summary: summary, whatRan: whatRan, totals: totalsRows(),
      works: works(), categories: categoryRows(), files: files, clusters: clusters,
      moreClusters: Self.more(findings.clusters.count - detail.clusters), suspicious: suspicious, endpoints: endpointRows(),
      targets: targets, actions: actions, moreActions: Self.more(analysis.actions.count - detail.actions), validation: validation(),
      lowConfidence: lowConfidence, failing: failing, moreFailing: Self.more(findings.failingInOrder.count - detail.failingTests),
      clusterReasons: reasons, slowest: slowest, showWhys: detail.whys, collapse: detail.collapse, lists: detail.lists,
      failures: findings.failingInOrder.count, comparison: beforeAfter, reportURL: reportURL)
  }

  /// A count of items left out, or nil (Mustache shows a section for any number, 0 included).
  static func more(_ n: Int) -> Int? { n > 0 ? n : nil }

  // MARK: - Header and summary

  /// `🔴 9 of 13 tests that ran failed or errored (pass rate 30.8%): 4 infrastructure, 2 auth, ...`
  private func verdict() -> String {
    let t = report.analysis.metrics.totals  // counted once, by the metrics (a pass over every test)
    let failing = t.failed + t.errors
    let ran = t.tests - t.skipped - t.xfailed
    let badRequests = run.requests.failedCount
    if t.tests == 0 && !run.requests.isEmpty {
      let icon = badRequests > 0 ? "🔴" : "🟢"
      return "\(icon) **\(badRequests) of \(run.requests.count) HTTP requests failed** (no test results in the inputs)."
    }
    if failing == 0 {
      let suspicious = findings.suspicious.count
      return suspicious > 0
        ? "🟡 **No test failed, but \(suspicious) result\(suspicious == 1 ? " needs" : "s need") a second look** (pass rate \(Format.percent(t.passRate)))."
        : "🟢 **All \(ran) tests that ran passed** (pass rate \(Format.percent(t.passRate)))."
    }
    let parts = findings.countsByCategory.filter { $0.1 > 0 }.map { "\($0.1) \($0.0.rawValue)" }.joined(separator: ", ")
    return "🔴 **\(failing) of \(ran) tests that ran failed or errored** (pass rate \(Format.percent(t.passRate))): \(parts)."
  }

  /// Plain sentences, each stating a count or a finding the rest of the report backs.
  private func summary() -> [ReportView.Line] {
    let t = report.analysis.metrics.totals
    var out: [String] = []
    let failing = t.failed + t.errors
    out.append(
      "\(t.tests) tests: **\(t.passed) passed, \(failing) failed or errored**, \(t.skipped) skipped (pass rate \(Format.percent(t.passRate)))."
    )
    if !run.requests.isEmpty {
      let bad = run.requests.failedCount
      out.append("\(run.requests.count) HTTP request\(run.requests.count == 1 ? "" : "s") in the curl traces, \(bad) failed.")
    }
    if let cmp = analysis.comparison {
      out.append(
        "Against the baseline the pass rate went from \(Format.percent(cmp.passRates.before)) to \(Format.percent(cmp.passRates.after)); \(cmp.fixed.count) fixed, \(cmp.newFailures.count) new failures, \(cmp.stillFailing.count) still failing."
      )
      for s in cmp.shifts {
        out.append(
          "\(s.tests.count) test\(s.tests.count == 1 ? "" : "s") that failed with **\(s.from.rawValue)** before now fail\(s.tests.count == 1 ? "s" : "") with **\(s.to.rawValue)**: the first failure was fixed and the next one surfaced."
        )
      }
    }
    if !findings.clusters.isEmpty {
      let n = findings.clusters.count
      out.append("The failures fall into \(n) cluster\(n == 1 ? "" : "s"); the most severe:")
      for (k, c) in findings.clusters.prefix(3).enumerated() {
        out.append("- \(Self.icon(c.severity)) \(c.severity.rawValue): \(Markdown.phrase(analysis.stories[k].title))")
      }
    } else if failing == 0 && run.tests.count > 0 {
      out.append("No test failed.")
    }
    let mocks = findings.suspicious.filter { $0.kind == .mockFallback }.count
    if mocks > 0 {
      out.append(
        "\(mocks) passing test\(mocks == 1 ? "" : "s") fell back to a mock and prove\(mocks == 1 ? "s" : "") nothing about the real service."
      )
    }
    let skips = findings.suspicious.filter { $0.kind == .skippedEnvironmentDown }.reduce(0) { $0 + $1.tests.count }
    if skips > 0 { out.append("\(skips) test\(skips == 1 ? " was" : "s were") skipped because the environment was down.") }
    if findings.suspicious.contains(where: { $0.kind == .hostDrift }) {
      out.append("Host names that look like one service appear spelled more than one way: a routing configuration drift.")
    }
    if findings.suspicious.contains(where: { $0.kind == .nothingCollected || $0.kind == .allSkipped }) {
      out.append("**Nothing was verified**: no test ran.")
    }
    return out.map { .init(text: $0) }
  }

  /// How the run was set up and what it ran against, each fact cited.
  private func whatRan(_ quotes: QuoteBook) -> [ReportView.Line] {
    let ctx = analysis.context
    var out: [String] = []
    if let ci = ciText() { out.append(ci) }
    out.append("**Reported** \(report.meta.generatedAt)")
    if let b = analysis.comparison?.before { out.append("**Baseline**: \(Markdown.code(b, table: false))") }
    for e in ctx.setup.prefix(6) { out.append("**\(Self.setupLabel(e.text))**: \(quotes.cite(e))") }
    if !ctx.targets.isEmpty {
      let list = ctx.targets.prefix(8).map { t -> String in
        var bits: [String] = []
        if t.requests > 0 { bits.append("\(t.requests) request\(t.requests == 1 ? "" : "s")\(t.failed > 0 ? ", \(t.failed) failed" : "")") }
        if t.failingTests > 0 { bits.append("named by \(t.failingTests) failing test\(t.failingTests == 1 ? "" : "s")") }
        return Markdown.code(t.base, table: false) + (bits.isEmpty ? "" : " (\(bits.joined(separator: "; ")))")
      }
      out.append("**Against**: " + list.joined(separator: ", ") + (ctx.targets.count > 8 ? " and \(ctx.targets.count - 8) more" : ""))
    }
    let inputs = run.inputs.map { i -> String in
      var what: [String] = []
      if i.tests > 0 { what.append("\(i.tests) tests") }
      if i.requests > 0 { what.append("\(i.requests) requests") }
      if !i.warnings.isEmpty { what.append("\(i.warnings.count) warning\(i.warnings.count == 1 ? "" : "s")") }
      return Markdown.code(i.path, table: false) + " (\(i.format.rawValue)\(what.isEmpty ? "" : ": " + what.joined(separator: ", ")))"
    }
    out.append("**Inputs**: " + inputs.joined(separator: ", "))
    return out.map { .init(text: $0) }
  }

  /// `rootdir: /x` → `rootdir`; `platform linux -- ...` → `platform`.
  static func setupLabel(_ text: String) -> String {
    if text.hasPrefix("collect") { return "collected" }
    if text.hasPrefix("timestamp=") || text.hasPrefix("hostname=") { return "JUnit suite" }
    if let colon = text.firstIndex(of: ":"), text[..<colon].allSatisfy({ $0.isLetter }) { return String(text[..<colon]) }
    return String(text.prefix { $0 != " " && $0 != "=" })
  }

  private func works() -> [ReportView.Line] {
    analysis.context.works.map { w in
      switch w.kind {
      case .endpoint: .init(text: "\(Markdown.code(w.name, table: false)) answered every request (\(w.count)) below 400")
      case .file: .init(text: "\(Markdown.code(w.name, table: false)): all \(w.count) test\(w.count == 1 ? "" : "s") passed")
      }
    }
  }

  private func totalsRows() -> [ReportView.NameValue] {
    let t = report.analysis.metrics.totals
    let m = analysis.metrics
    let mocks = findings.suspicious.filter { $0.kind == .mockFallback }.count
    let rows: [(String, String)] = [
      ("collected", "\(t.tests)"), ("passed", "\(t.passed)"), ("failed", "\(t.failed)"), ("errors", "\(t.errors)"),
      ("skipped", "\(t.skipped)"), ("xfailed", "\(t.xfailed)"), ("xpassed", "\(t.xpassed)"), ("flaky", "\(t.flaky)"),
      ("suspicious passes", "\(mocks)"), ("pass rate", Format.percent(m.passRate)), ("execution rate", Format.percent(m.executionRate)),
      ("test time", Format.seconds(t.durationSeconds)),
    ]
    // Rows that say nothing (zero of a rare outcome) are left out; the four counts always stay.
    let always: Set<String> = ["collected", "passed", "failed", "errors", "pass rate"]
    return rows.filter { always.contains($0.0) || ($0.1 != "0" && $0.1 != "n/a") }.map { .init(name: $0.0, value: $0.1) }
  }

  private func categoryRows() -> [ReportView.CategoryRow] {
    findings.countsByCategory.map { (category, n) in
      var note = ""
      if category == .routing, findings.suspicious.contains(where: { $0.kind == .hostDrift }) { note = " (+ host drift finding)" }
      return .init(
        category: category.rawValue, failures: n, clusters: findings.clusters.filter { $0.category == category }.count, note: note)
    }
  }

  static func icon(_ s: Severity) -> String {
    switch s {
    case .critical: "🔴"
    case .high: "🟠"
    case .medium: "🟡"
    case .low: "⚪"
    }
  }
}
