/// report.json's values made from a report: each part of the document on its own, so the writer
/// can stream a million tests one at a time, and `document(_:)` builds the whole for tests.
extension ReportSchema {
  /// The whole document in memory (the writer streams the same parts instead).
  static func document(_ report: Report) -> Document {
    let run = report.run
    let f = report.findings
    return Document(
      schema: version, run_id: report.meta.runID, generated_at: report.meta.generatedAt,
      inputs: run.inputs.map(Input.init), totals: Totals(run.totals),
      tests: run.tests.indices.map { Test(run.tests[$0], f.classifications[$0], f.clusterOf[$0].map { f.clusters[$0].id }) },
      requests: run.requests.map(Request.init), warnings: run.warnings.map(Warning.init),
      failures_by_category: failuresByCategory(f),
      clusters: f.clusters.indices.map {
        Cluster(
          f.clusters[$0], title: report.analysis.stories[$0].title.description, whys: report.analysis.whys[$0],
          hypotheses: report.analysis.hypotheses[$0], run)
      },
      suspicious: f.suspicious.map(Suspicion.init), metrics: Metrics(report.analysis.metrics),
      actions: report.analysis.actions.map(Action.init), comparison: report.analysis.comparison.map(Comparison.init),
      ci: report.meta.ci.map(CI.init))
  }

  static func failuresByCategory(_ f: Findings) -> [String: Int] {
    Dictionary(uniqueKeysWithValues: f.countsByCategory.map { ($0.0.rawValue, $0.1) })
  }
}

extension ReportSchema.Evidence {
  init(_ e: ReportKit.Evidence) { self.init(path: e.path, line: e.line, text: e.text) }
}

extension ReportSchema.Input {
  init(_ i: InputSummary) {
    self.init(
      path: i.path, format: i.format.rawValue, tests: i.tests, requests: i.requests,
      environment: i.environment.map { [ReportSchema.Evidence($0)] },
      warnings: i.warnings.map { Warning(line: $0.line, message: $0.message) })
  }
}

extension ReportSchema.Totals {
  init(_ t: ReportKit.Totals) {
    self.init(
      tests: t.tests, passed: t.passed, failed: t.failed, errors: t.errors, skipped: t.skipped, xfailed: t.xfailed, xpassed: t.xpassed,
      flaky: t.flaky, pass_rate: t.passRate.map { JSONWriter.rounded($0, 4) }, duration_s: JSONWriter.rounded(t.durationSeconds, 3))
  }
}

extension ReportSchema.Test {
  /// A passing test is compact; the others carry their details, and a classified one its verdict.
  init(_ t: borrowing TestResult, _ c: Classification?, _ cluster: String?) {
    self.init(
      id: t.id, status: t.status.rawValue, duration_s: t.durationSeconds.map { JSONWriter.rounded($0, 6) },
      anonymous: t.anonymous ? true : nil)
    guard t.status != .passed else { return }
    let d = t.details
    name = t.name
    suite = t.suite
    phase = t.phase?.rawValue
    message = d?.message
    exception_type = d?.exceptionType
    file = d?.file
    line = d?.line
    skip_reason = d?.skipReason
    detail = d?.detail
    output = d?.output
    sources = d?.sources ?? []
    evidence = (d?.evidence ?? []).map(ReportSchema.Evidence.init)
    guard let c else { return }
    category = c.category.rawValue
    classification = Verdict(
      rule: c.rule, confidence: c.confidence.rawValue, request: c.request, evidence: c.evidence.map(ReportSchema.Evidence.init),
      symptom_of: c.symptomOf?.rawValue)
    self.cluster = cluster
  }
}

extension ReportSchema.Request {
  init(_ r: HTTPExchange) {
    self.init(
      method: r.method, url: r.url, host: r.host, status: r.status, reason: r.reason, curl_exit: r.curlExit, error: r.error,
      timings_ms: r.timingsMs.mapValues { JSONWriter.rounded($0, 3) }, body_excerpt: r.bodyExcerpt,
      evidence: r.evidence.map(ReportSchema.Evidence.init))
  }
}

extension ReportSchema.Cluster {
  /// With `run`, its `tests` as a reader fills them in (`document`); without, as report.json
  /// writes it: report/2 and later name a cluster's tests through each test's `cluster` (sorting
  /// and spelling 55k ids for the writer was a tenth of the main thread's work after the
  /// analysis, for a list never written).
  init(_ c: ReportKit.Cluster, title: String?, whys: [ReportKit.Why], hypotheses: [ReportKit.Hypothesis], _ run: Run? = nil) {
    self.init(
      id: c.id, title: title, category: c.category.rawValue, severity: c.severity.rawValue,
      signature: Signature.version + ":" + c.signature,
      count: c.tests.count, flaky: c.flaky > 0 ? c.flaky : nil, rules: c.rules, owner: c.owner,
      known_issue: c.knownIssue.map { Issue(url: $0.url, title: $0.title) },
      why_grouped: c.reason, first_evidence: [ReportSchema.Evidence(c.evidence)],
      five_whys: whys.map { w in
        Why(
          question: w.question, observed: w.observed, answer: w.observed ? w.answer?.description : nil,
          citations: w.citations.map(ReportSchema.Evidence.init), prompts: w.prompts)
      },
      hypotheses: hypotheses.map {
        Hypothesis(
          statement: $0.statement.description, for: $0.support.map(ReportSchema.Evidence.init),
          against: $0.against.map(ReportSchema.Evidence.init))
      },
      tests: run.map { run in c.tests.sorted().map { run.tests[$0].id } } ?? [])
  }
}

extension ReportSchema.Suspicion {
  init(_ s: ReportKit.Suspicion) {
    self.init(
      kind: s.kind.rawValue, category: s.category?.rawValue, summary: s.summary, tests: s.tests,
      evidence: s.evidence.map(ReportSchema.Evidence.init))
  }
}

extension ReportSchema.Metrics {
  /// `endpoints: false` leaves them out (`write(_:to:)` writes them from `m`).
  init(_ m: ReportKit.Metrics, endpoints: Bool = true) {
    self.init(
      pass_rate: m.passRate.map { JSONWriter.rounded($0, 4) }, execution_rate: m.executionRate.map { JSONWriter.rounded($0, 4) },
      files: m.files.prefix(100).map { File(file: $0.file, tests: $0.tests, failing: $0.failing) },
      slowest: m.slowest.map { Slow(id: $0.id, duration_s: JSONWriter.rounded($0.seconds, 3)) },
      endpoints: (endpoints ? m.endpoints : []).map { e in
        Endpoint(
          name: e.name, host: e.host, requests: e.requests, statuses: e.statuses, p50_ms: e.p50.map { JSONWriter.rounded($0, 3) },
          p95_ms: e.p95.map { JSONWriter.rounded($0, 3) }, max_ms: e.max.map { JSONWriter.rounded($0, 3) })
      },
      targets: m.targets.map { t in
        let text = MetricText.target(t)
        return Target(name: text.name, goal: text.goal, actual: text.actual, met: t.met)
      })
  }
}

extension ReportSchema.Action {
  init(_ a: ReportKit.Action) {
    self.init(
      priority: a.priority.description, title: a.title.description, type: a.kind.rawValue, owner: a.owner, cluster: a.clusters.first,
      clusters: a.clusters, done_when: a.done.map(\.description))
  }
}

extension ReportSchema.Comparison {
  init(_ c: ReportKit.Comparison) {
    self.init(
      baseline: c.before,
      rows: c.rows.map { r in
        let t = MetricText.row(r)
        return Row(metric: t.metric, before: t.before, after: t.after, change: t.change)
      },
      tests: Dictionary(uniqueKeysWithValues: ReportKit.Comparison.TestTransition.allCases.map { (MetricText.label($0).key, c.tests($0)) }),
      clusters: Dictionary(
        uniqueKeysWithValues: ReportKit.Comparison.ClusterTransition.allCases.map { (MetricText.label($0), c.clusters($0)) }),
      cluster_titles: c.clusterTitles.mapValues(\.description),
      shifts: c.shifts.map { Shift(from: $0.from.rawValue, to: $0.to.rawValue, tests: $0.tests) })
  }
}

extension ReportSchema.Warning {
  init(_ d: Diagnostic) { self.init(path: d.path, line: d.line, message: d.message) }
}

extension ReportSchema {
  /// Whether report.json lists test `i` in `tests` (every test but a passing one with an id of
  /// its own, which goes into a `passed` group). Read through the buffer, two fields: passing the
  /// element to a function copied it (and retained its three references) once per test.
  @inline(__always)
  static func listed(_ tests: UnsafeBufferPointer<TestResult>, _ i: Int) -> Bool {
    tests[i].status != .passed || tests[i].anonymous
  }
}
