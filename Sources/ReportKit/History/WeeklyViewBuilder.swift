/// Makes the view weekly.md renders from a review: text escaped for Markdown, lists capped.
struct WeeklyViewBuilder {
  let review: WeeklyReview

  /// Rows shown per table at most; weekly.json has them all.
  static let cap = 30

  func view() -> WeeklyView {
    let r = review
    // Open first, then the most severe, then the oldest.
    let clusters = r.clusters.sorted { a, b in
      if a.isOpen != b.isOpen { return a.isOpen }
      let (x, y) = (Severity(rawValue: a.severity) ?? .low, Severity(rawValue: b.severity) ?? .low)
      if x != y { return x > y }
      return (a.firstSeen, a.id) < (b.firstSeen, b.id)
    }
    return WeeklyView(
      title: "\(HistoryTime.short(r.since).prefix(10)) to \(HistoryTime.short(r.until).prefix(10))",
      location: Markdown.code(r.location, table: false), since: HistoryTime.short(r.since), until: HistoryTime.short(r.until),
      generatedAt: HistoryTime.iso(r.generatedAt), runCount: r.runs.count,
      summary: WeeklySummary.sentences(r).map { Markdown.phrase($0) },
      runs: runRows(), moreRuns: ReportViewBuilder.more(r.runs.count - Self.cap),
      clusters: clusters.prefix(Self.cap).map(clusterRow), moreClusters: ReportViewBuilder.more(r.clusters.count - Self.cap),
      new: r.new.prefix(Self.cap).map { item($0, detail: newDetail($0)) },
      resolved: r.resolved.prefix(Self.cap).map { item($0, detail: resolvedDetail($0)) },
      persisting: r.persisting.prefix(Self.cap).map {
        item($0, detail: "open since \(seen($0.firstSeen, $0.firstRun)), in \($0.occurrences) of \(r.runs.count) runs this period")
      },
      flaky: r.flaky.prefix(Self.cap).map {
        .init(test: Markdown.code($0.id), runs: $0.runs, failures: $0.failures, flips: $0.flips, retried: $0.retried)
      },
      failing: r.failing.prefix(Self.cap).map {
        .init(test: Markdown.code($0.id), failures: $0.failures, runs: $0.runs, cluster: $0.cluster.map { "`\($0)`" } ?? "")
      },
      slower: r.slower.prefix(Self.cap).map {
        .init(
          name: Markdown.code($0.name), host: Markdown.code($0.host), first: Format.ms($0.firstP95), last: Format.ms($0.lastP95),
          change: "▲ " + WeeklySummary.growth($0) + " ❌", runs: $0.runs)
      },
      recurring: r.recurring.prefix(Self.cap).map {
        .init(
          kind: $0.kind,
          subject: $0.subject.isEmpty || $0.kind == Suspicion.Kind.hostDrift.rawValue ? "the run" : Markdown.code($0.subject),
          runs: $0.runs, firstSeen: HistoryTime.short($0.firstSeen), lastSeen: HistoryTime.short($0.lastSeen),
          summary: Markdown.text($0.summary))
      },
      actions: r.openActions.prefix(Self.cap * 2).map {
        .init(
          priority: $0.priority, title: Self.markdown(phrase: $0.title), kind: $0.kind, owner: Markdown.text($0.owner),
          cluster: "`\($0.cluster)`", since: HistoryTime.short($0.since))
      },
      checks: checks())
  }

  private func runRows() -> [WeeklyView.RunRow] {
    let runs = review.runs
    return runs.indices.suffix(Self.cap).map { i in
      let run = runs[i]
      let before = i > 0 ? runs[i - 1].passRate : nil
      return .init(
        run: Markdown.code(run.key), time: HistoryTime.short(run.at), tests: run.tests, passed: run.passed, failing: run.failing,
        skipped: run.skipped, flaky: run.flaky, passRate: Format.percent(run.passRate), change: Self.change(before, run.passRate),
        clusters: run.clusters)
    }
  }

  private func clusterRow(_ c: WeeklyReview.ClusterLine) -> WeeklyView.ClusterRow {
    .init(
      icon: ReportViewBuilder.icon(Severity(rawValue: c.severity) ?? .low), id: "`\(c.id)`",
      title: Self.markdown(phrase: Excerpt.line(c.title, limit: 80)),
      category: c.category, severity: c.severity, runs: "\(c.occurrences) of \(review.runs.count)",
      firstSeen: seen(c.firstSeen, c.firstRun, table: true), lastSeen: seen(c.lastSeen, c.lastRun, table: true),
      status: c.resolvedAt.map { at in
        "✅ resolved \(HistoryTime.short(at))" + (c.timeToResolve.map { " after \(HistoryTime.span($0))" } ?? "")
      } ?? "❌ open")
  }

  private func item(_ c: WeeklyReview.ClusterLine, detail: String) -> WeeklyView.ClusterItem {
    .init(
      icon: ReportViewBuilder.icon(Severity(rawValue: c.severity) ?? .low), priority: c.priority, id: c.id, category: c.category,
      title: Self.markdown(phrase: Excerpt.line(c.title, limit: 120), table: false), detail: detail)
  }

  private func newDetail(_ c: WeeklyReview.ClusterLine) -> String {
    "first seen \(seen(c.firstSeen, c.firstRun)), in \(c.occurrences) run\(c.occurrences == 1 ? "" : "s"); "
      + (c.resolvedAt == nil ? "still open" : "resolved \(HistoryTime.short(c.resolvedAt ?? 0))")
  }

  private func resolvedDetail(_ c: WeeklyReview.ClusterLine) -> String {
    let by = c.resolvedRun.map { " by \(Markdown.code($0, table: false))" } ?? ""
    let after = c.timeToResolve.map { ", \(HistoryTime.span($0)) after it was first seen" } ?? ""
    return "resolved \(HistoryTime.short(c.resolvedAt ?? 0))\(by)\(after); last seen \(seen(c.lastSeen, c.lastRun))"
  }

  /// `2026-01-02 00:00 (`day2`)`.
  private func seen(_ at: Int64, _ run: String, table: Bool = false) -> String {
    "\(HistoryTime.short(at)) (\(Markdown.code(run, table: table)))"
  }

  /// The done-when items of the open actions, each once.
  private func checks() -> [WeeklyView.Check] {
    var seen = Set<String>()
    var out: [WeeklyView.Check] = []
    for a in review.openActions {
      for d in a.doneWhen where seen.insert(d).inserted {
        out.append(.init(item: Self.markdown(phrase: d, table: false)))
        if out.count == 30 { return out }
      }
    }
    return out
  }

  /// A phrase as report.json stored it (code parts in backticks) back as Markdown: code parts
  /// as code spans, words escaped.
  static func markdown(phrase text: String, table: Bool = true) -> String {
    text.split(separator: "`", omittingEmptySubsequences: false).enumerated().map { (k, part) in
      k % 2 == 1 ? Markdown.code(String(part), limit: 200, table: table) : Markdown.text(String(part))
    }.joined()
  }

  /// ` ▲ +23.1 pts` against the run before; empty for the first.
  static func change(_ before: Double?, _ after: Double?) -> String {
    guard let before, let after else { return "" }
    let d = (after - before) * 100
    return abs(d) < 0.05 ? "=" : "\(d > 0 ? "▲ +" : "▼ ")\(JSONWriter.format(d, decimals: 1)) pts"
  }

}
