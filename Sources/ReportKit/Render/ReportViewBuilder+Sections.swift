/// The findings, lists and tables of the report view.
extension ReportViewBuilder {
  // MARK: - Clusters

  func clusterBlocks(_ detail: Detail, _ quotes: QuoteBook) -> [ReportView.ClusterBlock] {
    findings.clusters.prefix(detail.clusters).enumerated().map { (k, c) in
      let story = analysis.stories[k]
      let first = c.tests.first.map { run.tests[$0] }
      let message = first?.details?.message ?? first?.details?.exceptionType ?? first?.status.rawValue ?? story.message
      let shown = detail.lists ? 10 : 3
      // The first failure is shown once, in a fence; every later mention of its line is a reference.
      let firstCite = quotes.reference(c.evidence)
      // A cluster of failed requests no test names counts requests.
      let (n, unit) = c.tests.isEmpty && !c.requests.isEmpty ? (c.requests.count, "request") : (c.tests.count, "test")
      var facts = [
        "\(c.severity.rawValue) · \(c.category.rawValue) · \(n) \(unit)\(n == 1 ? "" : "s")"
          + (c.flaky > 0 ? " (\(c.flaky) flaky: passed on a rerun)" : ""),
        "owner \(Markdown.text(c.owner))", "rule " + c.rules.prefix(3).map { "`\($0)`" }.joined(separator: ", "),
        "cluster `\(c.id)`",
      ]
      if c.rules.count > 3 { facts[2] += " and \(c.rules.count - 3) more" }
      return ReportView.ClusterBlock(
        id: c.id, icon: Self.icon(c.severity), severity: c.severity.rawValue, category: c.category.rawValue,
        title: Markdown.phrase(story.title), count: c.tests.count, facts: facts.joined(separator: " · "),
        impact: analysis.impacts[k].map { i in Markdown.text(i.statement) + (i.severity.map { " (\($0.rawValue))" } ?? "") },
        knownIssue: c.knownIssue.map { "[\(Markdown.text($0.title ?? $0.url))](\($0.url))" },
        fence: Markdown.fence(String(message.split(separator: "\n", omittingEmptySubsequences: false).prefix(8).joined(separator: "\n"))),
        firstCite: firstCite,
        tests: c.tests.prefix(shown).map { i in
          let t = run.tests[i]
          let e = findings.classifications[i]?.evidence.first
          return .init(test: Markdown.code(t.id), phase: t.phase?.rawValue ?? "", evidence: e.map { quotes.cite($0, table: true) } ?? "")
        },
        moreTests: Self.more(c.tests.count - shown),
        whys: detail.whys ? analysis.whys[k].enumerated().map { (n, w) in whyRow(n + 1, w, quotes) } : [],
        hypotheses: detail.whys
          ? analysis.hypotheses[k].enumerated().map { (n, h) in
            .init(
              n: n + 1, statement: Markdown.phrase(h.statement),
              support: h.support.isEmpty ? nil : h.support.prefix(2).map { quotes.cite($0) }.joined(separator: "; "),
              against: h.against.isEmpty ? nil : h.against.prefix(2).map { quotes.cite($0) }.joined(separator: "; "))
          } : [])
    }
  }

  private func whyRow(_ n: Int, _ w: Why, _ quotes: QuoteBook) -> ReportView.ClusterBlock.WhyRow {
    let question = Markdown.text(w.question)
    guard w.observed, let answer = w.answer else {
      return .init(n: n, question: question, observed: nil, prompts: w.prompts.map(Markdown.text).joined(separator: " "))
    }
    let cites = w.citations.prefix(3).map { quotes.cite($0) }.joined(separator: "; ")
    return .init(n: n, question: question, observed: Markdown.phrase(answer) + ". **Observed** " + cites, prompts: nil)
  }

  // MARK: - Other sections

  func suspiciousRows(_ detail: Detail, _ quotes: QuoteBook) -> [ReportView.SuspicionRow] {
    findings.suspicious.prefix(50).map { s in
      .init(
        kind: s.kind.rawValue, summary: Markdown.text(s.summary),
        evidence: s.evidence.prefix(detail.lists ? 3 : 1).map { .init(text: quotes.cite($0)) },
        tests: s.tests.count > 1 && detail.lists
          ? s.tests.prefix(10).map { Markdown.code($0, table: false) }.joined(separator: ", ")
            + (s.tests.count > 10 ? " and \(s.tests.count - 10) more" : "") : nil)
    }
  }

  func endpointRows() -> [ReportView.EndpointRow] {
    analysis.metrics.endpoints.prefix(50).map { e in
      .init(
        name: Markdown.code(e.name), host: Markdown.code(e.host), requests: e.requests,
        statuses: e.statuses.sorted { $0.key < $1.key }.map { "\($0.key) ×\($0.value)" }.joined(separator: ", "),
        p50: Format.ms(e.p50), p95: Format.ms(e.p95), max: Format.ms(e.max))
    }
  }

  func actionRow(_ a: Action) -> ReportView.ActionRow {
    .init(
      priority: a.priority.description, title: Markdown.phrase(a.title, table: true), kind: a.kind.rawValue, owner: Markdown.text(a.owner),
      clusters: a.clusters.isEmpty
        ? "—" : a.clusters.prefix(5).map { "`\($0)`" }.joined(separator: ", ") + (a.clusters.count > 5 ? " …" : ""),
      done: a.done.filter { !$0.description.hasPrefix("no failure with signature") }.prefix(3).map { Markdown.phrase($0) }
        .joined(separator: "; "))
  }

  /// The done-when items of every action, each once, at most 30; "no failure with signature"
  /// lines stay in report.json (the clusters' ids say it).
  func validation() -> [ReportView.Line] {
    var seen = Set<Phrase>()
    var out: [ReportView.Line] = []
    for a in analysis.actions {
      for d in a.done where !d.description.hasPrefix("no failure with signature") && seen.insert(d).inserted {
        out.append(.init(text: Markdown.phrase(d)))
        if out.count == 30 { return out }
      }
    }
    return out
  }

  func lowConfidence(_ detail: Detail, _ quotes: QuoteBook) -> [ReportView.LowConfidenceRow] {
    let low = lowConfidenceTests.prefix(detail.lists ? 50 : 10).compactMap { i in findings.classifications[i].map { (i, $0) } }
    return low.map { (i, c) in
      .init(
        test: Markdown.code(run.tests[i].id), category: c.category.rawValue, symptomOf: c.symptomOf?.rawValue, rule: c.rule,
        evidence: c.evidence.first.map { quotes.cite($0, table: true) } ?? "")
    }
  }

  func failingRows(_ detail: Detail, _ quotes: QuoteBook) -> [ReportView.FailingRow] {
    findings.failingInOrder.prefix(detail.failingTests).compactMap { i in
      guard let c = findings.classifications[i] else { return nil }
      return .init(
        test: Markdown.code(run.tests[i].id), status: run.tests[i].status.rawValue, category: c.category.rawValue, rule: c.rule,
        confidence: c.confidence.rawValue, cluster: findings.clusterOf[i].map { findings.clusters[$0].id } ?? "",
        evidence: c.evidence.first.map { quotes.cite($0, table: true) } ?? "")
    }
  }

  // MARK: - Before / after

  func comparison(_ cmp: Comparison, _ detail: Detail) -> ReportView.ComparisonBlock {
    let cap = detail.lists ? 20 : 5
    func list(_ ids: [String]) -> String {
      ids.prefix(cap).map { Markdown.code($0, table: false) }.joined(separator: ", ")
        + (ids.count > cap ? " and \(ids.count - cap) more" : "")
    }
    var story: [String] = []
    if cmp.fixed.isEmpty && cmp.newFailures.isEmpty {
      story.append("No test changed between passing and failing.")
    } else {
      story.append(
        "\(cmp.fixed.count) fixed, \(cmp.newFailures.count) new failure\(cmp.newFailures.count == 1 ? "" : "s"), \(cmp.stillFailing.count) still failing."
      )
    }
    for s in cmp.shifts {
      story.append(
        "\(s.tests.count) still-failing test\(s.tests.count == 1 ? "" : "s") moved from **\(s.from.rawValue)** to **\(s.to.rawValue)**: the earlier failure is gone and the next one surfaced (\(list(s.tests)))."
      )
    }
    func titled(_ ids: [String]) -> String {
      ids.prefix(cap).map { id in cmp.clusterTitles[id].map { "\(Markdown.phrase($0)) (`\(id)`)" } ?? "`\(id)`" }.joined(separator: "; ")
        + (ids.count > cap ? " and \(ids.count - cap) more" : "")
    }
    let clusterLines = Comparison.ClusterTransition.allCases.compactMap { t -> ReportView.Line? in
      let ids = cmp.clusters(t)
      return ids.isEmpty ? nil : .init(text: "clusters \(MetricText.label(t)) (\(ids.count)): \(titled(ids))")
    }
    return .init(
      before: Markdown.code(cmp.before, table: false), story: story.map { .init(text: $0) },
      rows: cmp.rows.map { r in
        let t = MetricText.row(r)
        return .init(metric: t.metric, before: t.before, after: t.after, change: t.change)
      },
      transitions: Comparison.TestTransition.allCases.compactMap { t in
        let ids = cmp.tests(t)
        return ids.isEmpty ? nil : .init(name: MetricText.label(t).words, count: ids.count, tests: list(ids))
      },
      clusterTransitions: clusterLines)
  }
}
