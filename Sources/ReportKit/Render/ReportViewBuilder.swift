/// Makes the view of a report that the Mustache templates render (`ReportView`), at a level of
/// detail: the full report, or one of the shorter steps issue.md falls back to.
struct ReportViewBuilder {
  let run: Run
  let findings: Findings
  let analysis: Analysis
  let meta: RunMeta

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
    /// The steps `issue.md` degrades through: collapse details, drop lists, shorten evidence,
    /// keep only the top clusters. Every step says the full report is in report.html.
    static let steps: [Detail] = [
      Detail(clusters: 15, whys: true, collapse: true, lists: true, evidenceChars: 200, failingTests: 100, actions: 30),
      Detail(clusters: 15, whys: true, collapse: true, lists: false, evidenceChars: 200, failingTests: 0, actions: 20),
      Detail(clusters: 10, whys: false, collapse: true, lists: false, evidenceChars: 80, failingTests: 0, actions: 10),
      Detail(clusters: 5, whys: false, collapse: true, lists: false, evidenceChars: 60, failingTests: 0, actions: 5),
    ]
  }

  func view(_ detail: Detail = .full) -> ReportView {
    ReportView(
      runID: Markdown.text(meta.runID),
      generatedAt: meta.generatedAt,
      ci: ciLine(),
      inputs: run.inputs.map {
        .init(
          path: Markdown.code($0.path, table: false), format: $0.format.rawValue, tests: $0.tests, requests: $0.requests,
          warnings: $0.warnings.count)
      },
      hosts: hosts(),
      environments: run.inputs.compactMap(\.environment).prefix(3).map {
        .init(text: Markdown.code($0.text, table: false), cite: Markdown.code("\($0.path):\($0.line)", table: false))
      },
      summary: summary(),
      totals: totalsRows(),
      categories: categoryRows(),
      files: analysis.metrics.files.prefix(15).map { .init(file: Markdown.code($0.file), failing: $0.failing, tests: $0.tests) },
      slowest: analysis.metrics.slowest.map { .init(test: Markdown.code($0.id, table: false), seconds: Format.seconds($0.seconds)) },
      clusters: clusterBlocks(detail),
      moreClusters: Self.more(findings.clusters.count - detail.clusters),
      suspicious: suspiciousRows(detail),
      endpoints: endpointRows(),
      targets: analysis.metrics.targets.map {
        let t = MetricText.target($0)
        return .init(name: Markdown.text(t.name), goal: t.goal, actual: t.actual, met: $0.met ? "✅ met" : "❌ missed")
      },
      actions: analysis.actions.prefix(detail.actions).map(actionRow),
      moreActions: Self.more(analysis.actions.count - detail.actions),
      validation: validation(),
      lowConfidence: lowConfidence(detail),
      failing: failingRows(detail),
      moreFailing: Self.more(findings.classifications.count - detail.failingTests),
      clusterReasons: findings.clusters.prefix(detail.lists ? 200 : 0).map {
        .init(
          id: $0.id, signature: Markdown.code(Signature.version + ":" + $0.signature, limit: 300, table: false),
          reason: Markdown.text($0.reason))
      },
      showWhys: detail.whys,
      collapse: detail.collapse,
      lists: detail.lists,
      failures: findings.classifications.count,
      comparison: analysis.comparison.map { comparison($0, detail) })
  }

  // MARK: - Header and summary

  private func hosts() -> String {
    var seen: [String] = []
    for r in run.requests { if let h = r.host, !seen.contains(h) { seen.append(h) } }
    let drift = Set(findings.suspicious.filter { $0.kind == .hostDrift }.flatMap(\.hosts))
    return seen.prefix(10).map { Markdown.code($0, table: false) + (drift.contains($0) ? " ⚠️" : "") }.joined(separator: ", ")
  }

  /// Plain sentences, each stating a count or a finding the rest of the report backs.
  private func summary() -> [String] {
    let t = run.totals
    var out: [String] = []
    let failing = t.failed + t.errors
    out.append(
      "\(t.tests) tests: **\(t.passed) passed, \(failing) failed or errored**, \(t.skipped) skipped (pass rate \(Format.percent(t.passRate)))."
    )
    if let cmp = analysis.comparison {
      out.append(
        "Against the baseline the pass rate went from \(Format.percent(cmp.passRates.before)) to \(Format.percent(cmp.passRates.after)); \(cmp.fixed.count) fixed, \(cmp.newFailures.count) new failures, \(cmp.stillFailing.count) still failing."
      )
    }
    if failing > 0 {
      let parts = findings.countsByCategory.filter { $0.1 > 0 }.map { "\($0.1) \($0.0.rawValue)" }
      out.append(
        "The failures are \(parts.joined(separator: ", ")), in \(findings.clusters.count) cluster\(findings.clusters.count == 1 ? "" : "s")."
      )
      if let top = findings.clusters.max(by: { $0.tests.count < $1.tests.count }), top.tests.count > 1 {
        let first = run.tests[top.tests[0]]
        out.append(
          "The largest cluster (\(top.tests.count) test\(top.tests.count == 1 ? "" : "s"), \(top.category.rawValue), \(top.severity.rawValue)): \(Markdown.code(first.details?.message ?? first.id, limit: 140, table: false))."
        )
      }
    } else {
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
    return out
  }

  private func totalsRows() -> [ReportView.NameValue] {
    let t = run.totals
    let m = analysis.metrics
    let mocks = findings.suspicious.filter { $0.kind == .mockFallback }.count
    return [
      ("collected", "\(t.tests)"), ("passed", "\(t.passed)"), ("failed", "\(t.failed)"), ("errors", "\(t.errors)"),
      ("skipped", "\(t.skipped)"),
      ("xfailed", "\(t.xfailed)"), ("xpassed", "\(t.xpassed)"), ("flaky", "\(t.flaky)"), ("suspicious passes", "\(mocks)"),
      ("pass rate", Format.percent(m.passRate)), ("execution rate", Format.percent(m.executionRate)),
      ("duration", Format.seconds(t.durationSeconds)),
    ].map { .init(name: $0.0, value: $0.1) }
  }

  private func categoryRows() -> [ReportView.CategoryRow] {
    findings.countsByCategory.map { (category, n) in
      var note = ""
      if category == .routing, findings.suspicious.contains(where: { $0.kind == .hostDrift }) { note = " (+ host drift finding)" }
      return .init(
        category: category.rawValue, failures: n, clusters: findings.clusters.filter { $0.category == category }.count, note: note)
    }
  }

  // MARK: - Clusters

  private func clusterBlocks(_ detail: Detail) -> [ReportView.ClusterBlock] {
    findings.clusters.prefix(detail.clusters).enumerated().map { (k, c) in
      let first = run.tests[c.tests[0]]
      let message = first.details?.message ?? first.details?.exceptionType ?? first.status.rawValue
      let shown = detail.lists ? 10 : 3
      return ReportView.ClusterBlock(
        id: c.id, icon: Self.icon(c.severity), category: c.category.rawValue, severity: c.severity.rawValue,
        count: c.tests.count, plural: c.tests.count == 1 ? "" : "s",
        title: Markdown.code(Excerpt.line(message, limit: 100), table: false),
        fence: Markdown.fence(String(message.split(separator: "\n", omittingEmptySubsequences: false).prefix(8).joined(separator: "\n"))),
        tests: c.tests.prefix(shown).map { i in
          let t = run.tests[i]
          let e = findings.classifications[i]?.evidence.first
          return .init(test: Markdown.code(t.id), phase: t.phase?.rawValue ?? "", evidence: e.map { cite($0, detail, table: true) } ?? "")
        },
        moreTests: Self.more(c.tests.count - shown),
        rules: c.rules.map { "`\($0)`" }.joined(separator: ", "),
        owner: Markdown.text(c.owner),
        knownIssue: c.knownIssue.map { .init(title: Markdown.text($0.title ?? $0.url), url: $0.url) },
        whys: analysis.whys[k].enumerated().map { (n, w) in whyRow(n + 1, w, detail) },
        hypotheses: analysis.hypotheses[k].enumerated().map { (n, h) in
          .init(
            n: n + 1, statement: Markdown.text(h.statement),
            support: h.support.isEmpty ? "none seen" : h.support.prefix(2).map { cite($0, detail) }.joined(separator: "; "),
            against: h.against.isEmpty ? "none seen" : h.against.prefix(2).map { cite($0, detail) }.joined(separator: "; "))
        })
    }
  }

  private func whyRow(_ n: Int, _ w: Why, _ detail: Detail) -> ReportView.ClusterBlock.WhyRow {
    let question = Markdown.text(w.question)
    guard w.observed, let answer = w.answer, let citation = w.citation else {
      return .init(n: n, question: question, observed: nil, prompts: w.prompts.map { .init(prompt: Markdown.text($0)) })
    }
    let text = Markdown.text(answer) + (w.quote.map { " " + Markdown.code($0, limit: detail.evidenceChars, table: false) } ?? "") + "."
    return .init(n: n, question: question, observed: .init(answer: text, citation: cite(citation, detail)), prompts: nil)
  }

  /// A count of items left out, or nil (Mustache shows a section for any number, 0 included).
  static func more(_ n: Int) -> Int? { n > 0 ? n : nil }

  static func icon(_ s: Severity) -> String {
    switch s {
    case .critical: "🔴"
    case .high: "🟠"
    case .medium: "🟡"
    case .low: "⚪"
    }
  }

  /// `path:line` and the line's text, as code.
  private func cite(_ e: Evidence, _ detail: Detail, table: Bool = false) -> String {
    Markdown.code("\(e.path):\(e.line)", table: table) + " " + Markdown.code(e.text, limit: detail.evidenceChars, table: table)
  }

  // MARK: - Other sections

  private func suspiciousRows(_ detail: Detail) -> [ReportView.SuspicionRow] {
    findings.suspicious.prefix(50).map { s in
      .init(
        kind: s.kind.rawValue, summary: Markdown.text(s.summary),
        evidence: s.evidence.prefix(detail.lists ? 3 : 1).map { .init(cite: cite($0, detail)) },
        tests: s.tests.count > 1 && detail.lists
          ? s.tests.prefix(10).map { Markdown.code($0, table: false) }.joined(separator: ", ")
            + (s.tests.count > 10 ? " and \(s.tests.count - 10) more" : "") : nil)
    }
  }

  private func endpointRows() -> [ReportView.EndpointRow] {
    analysis.metrics.endpoints.prefix(50).map { e in
      .init(
        name: Markdown.code(e.name), host: Markdown.code(e.host), requests: e.requests,
        statuses: e.statuses.sorted { $0.key < $1.key }.map { "\($0.key) ×\($0.value)" }.joined(separator: ", "),
        p50: Format.ms(e.p50), p95: Format.ms(e.p95), max: Format.ms(e.max))
    }
  }

  private func actionRow(_ a: Action) -> ReportView.ActionRow {
    .init(
      priority: a.priority.description, title: Markdown.phrase(a.title, table: true), kind: a.kind.rawValue,
      owner: Markdown.text(a.owner), cluster: a.cluster.map { "`\($0)`" } ?? "—")
  }

  private func validation() -> [ReportView.ValidationItem] {
    var seen = Set<Phrase>()
    var out: [ReportView.ValidationItem] = []
    for a in analysis.actions {
      for d in a.done where seen.insert(d).inserted {
        out.append(.init(item: Markdown.phrase(d)))
        if out.count == 30 { return out }
      }
    }
    return out
  }

  private func lowConfidence(_ detail: Detail) -> [ReportView.LowConfidenceRow] {
    let low = findings.failingInOrder.lazy.compactMap { i in findings.classifications[i].map { (i, $0) } }.filter {
      $0.1.confidence == .low
    }
    return low.prefix(detail.lists ? 50 : 10).map { (i, c) in
      .init(test: Markdown.code(run.tests[i].id), category: c.category.rawValue, rule: c.rule, evidence: evidenceCell(c, detail))
    }
  }

  private func failingRows(_ detail: Detail) -> [ReportView.FailingRow] {
    findings.failingInOrder.prefix(detail.failingTests).compactMap { i in
      guard let c = findings.classifications[i] else { return nil }
      return .init(
        test: Markdown.code(run.tests[i].id), status: run.tests[i].status.rawValue, category: c.category.rawValue, rule: c.rule,
        confidence: c.confidence.rawValue, cluster: findings.clusterOf[i].map { findings.clusters[$0].id } ?? "",
        evidence: evidenceCell(c, detail))
    }
  }

  /// The first line of a verdict's evidence, for a table cell (a verdict always has one).
  private func evidenceCell(_ c: Classification, _ detail: Detail) -> String {
    c.evidence.first.map { cite($0, detail, table: true) } ?? ""
  }

  private func comparison(_ cmp: Comparison, _ detail: Detail) -> ReportView.ComparisonBlock {
    let cap = detail.lists ? 20 : 5
    func list(_ ids: [String]) -> String {
      ids.isEmpty
        ? "none"
        : ids.prefix(cap).map { Markdown.code($0, table: false) }.joined(separator: ", ")
          + (ids.count > cap ? " and \(ids.count - cap) more" : "")
    }
    return .init(
      before: Markdown.code(cmp.before, table: false),
      rows: cmp.rows.map { r in
        let t = MetricText.row(r)
        return .init(metric: t.metric, before: t.before, after: t.after, change: t.change)
      },
      transitions: Comparison.TestTransition.allCases.map { t in
        let ids = cmp.tests(t)
        return .init(name: MetricText.label(t).words, count: ids.count, tests: list(ids))
      },
      clusterTransitions: Comparison.ClusterTransition.allCases.map { t in
        let ids = cmp.clusters(t)
        return .init(
          name: MetricText.label(t), count: ids.count, ids: ids.isEmpty ? "none" : ids.prefix(20).map { "`\($0)`" }.joined(separator: ", "))
      })
  }
}
