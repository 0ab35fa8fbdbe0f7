/// The record of a run just built, read from its report (Analyze's output).
extension HistoryRecord {
  public init(report: Report) {
    let run = report.run
    let f = report.findings
    let metrics = report.analysis.metrics
    runKey = report.meta.runID
    atText = report.meta.generatedAt
    at = HistoryTime.parse(atText) ?? 0
    source = .build
    signatureVersion = Signature.version
    totals = metrics.totals
    failures = f.countsByCategory.map(\.1)
    // The title report.json and report.md give the cluster (a cluster of failed requests has no test).
    let stories = report.analysis.stories
    clusters = f.clusters.enumerated().map { k, c in
      let first = c.tests.first.map { run.tests[$0] }
      return Cluster(
        id: c.id,
        title: k < stories.count
          ? stories[k].title.description
          : Self.title(
            message: first?.details?.message, exceptionType: first?.details?.exceptionType, status: first?.status.rawValue ?? "failed"),
        category: c.category.rawValue, severity: c.severity.rawValue, signature: Signature.version + ":" + c.signature,
        tests: c.tests.count, owner: c.owner)
    }
    endpoints = metrics.endpoints.map { e in
      Endpoint(
        name: e.name, host: e.host, requests: e.requests, failures: Self.failures(e.statuses), p50: e.p50.map { JSONWriter.rounded($0, 3) },
        p95: e.p95.map { JSONWriter.rounded($0, 3) })
    }
    suspicious = f.suspicious.flatMap {
      Self.findings(kind: $0.kind.rawValue, category: $0.category?.rawValue, summary: $0.summary, tests: $0.tests)
    }
    actions = report.analysis.actions.map {
      ActionItem(
        priority: $0.priority.description, title: $0.title.description, kind: $0.kind.rawValue, owner: $0.owner, cluster: $0.clusters.first,
        doneWhen: $0.done.map(\.description))
    }
    tests = .run(run, f)
  }
}
