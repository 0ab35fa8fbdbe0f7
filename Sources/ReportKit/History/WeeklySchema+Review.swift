/// weekly.json's values made from a review.
extension WeeklySchema {
  static func document(_ r: WeeklyReview) -> Document {
    let iso = HistoryTime.iso
    return Document(
      schema: version, generated_at: iso(r.generatedAt), history: r.location, period: Period(since: iso(r.since), until: iso(r.until)),
      summary: WeeklySummary.sentences(r).map(\.description),
      runs: r.runs.map { run in
        Run(
          id: run.key, time: iso(run.at), source: run.source, tests: run.tests, passed: run.passed, failed: run.failed, errors: run.errors,
          skipped: run.skipped, flaky: run.flaky, pass_rate: run.passRate,
          failures_by_category: Dictionary(uniqueKeysWithValues: zip(Category.allCases.map(\.rawValue), run.failuresByCategory)),
          clusters: run.clusters, suspicious: run.suspicious, ci: .init(commit: run.commit, branch: run.branch, url: run.url))
      },
      clusters: r.clusters.map { c in
        Cluster(
          id: c.id, title: c.title, category: c.category, severity: c.severity, priority: c.priority, occurrences: c.occurrences,
          seen_runs: c.seenRuns, first_seen: iso(c.firstSeen), first_run: c.firstRun, last_seen: iso(c.lastSeen), last_run: c.lastRun,
          status: c.isOpen ? "open" : "resolved", resolved_at: c.resolvedAt.map(iso), resolved_run: c.resolvedRun,
          time_to_resolve_s: c.timeToResolve.map { Int($0) }, tests: c.tests)
      },
      new: r.new.map(\.id), resolved: r.resolved.map(\.id), persisting: r.persisting.map(\.id),
      flaky_tests: r.flaky.map { UnsteadyTest(id: $0.id, runs: $0.runs, failures: $0.failures, flips: $0.flips, retried: $0.retried) },
      failing_tests: r.failing.map { FailingTest(id: $0.id, failures: $0.failures, runs: $0.runs, cluster: $0.cluster) },
      slower_endpoints: r.slower.map {
        Endpoint(
          name: $0.name, host: $0.host, first_p95_ms: $0.firstP95, last_p95_ms: $0.lastP95,
          growth: JSONWriter.rounded($0.lastP95 / max($0.firstP95, 0.001) - 1, 4), runs: $0.runs, first_run: $0.firstRun,
          last_run: $0.lastRun)
      },
      recurring_findings: r.recurring.map {
        Finding(
          kind: $0.kind, subject: $0.subject, category: $0.category, summary: $0.summary, runs: $0.runs, first_seen: iso($0.firstSeen),
          last_seen: iso($0.lastSeen))
      },
      open_actions: r.openActions.map {
        Action(
          priority: $0.priority, title: $0.title, type: $0.kind, owner: $0.owner, cluster: $0.cluster, open_since: iso($0.since),
          done_when: $0.doneWhen)
      })
  }
}
