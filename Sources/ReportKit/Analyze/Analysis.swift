import Dispatch

/// Everything the report says beyond the verdicts: a story per cluster (its title in words),
/// metrics, Five Whys and hypotheses per cluster, the action plan, and the comparison with a
/// baseline.
public struct Analysis: Sendable {
  public var metrics: Metrics
  /// How the run was set up, against what, and what works.
  public var context: RunContext
  /// The business impact report.yml names for each cluster (nil where none applies).
  public var impacts: [Impact?]
  /// Per cluster, in `Findings.clusters` order.
  public var stories: [ClusterStory]
  public var whys: [[Why]]
  public var hypotheses: [[Hypothesis]]
  public var actions: [Action]
  public var comparison: Comparison?

  /// The story of each cluster (its title in words, endpoint, answer), in `findings.clusters` order.
  public static func stories(_ run: Run, _ findings: Findings) -> [ClusterStory] {
    // Only a cluster of tests looks for the exchange its failure names: a run of curl checks
    // alone (request clusters only) does not index its requests for nothing.
    let correlator = run.requests.isEmpty || !findings.clusters.contains { !$0.tests.isEmpty } ? nil : Correlator(run.requests)
    // Over the cores: each story reads only its own cluster's members.
    var made = [ClusterStory?](repeating: nil, count: findings.clusters.count)
    made.withUnsafeMutableBufferPointer { buffer in
      let out = UncheckedBuffer(buffer)
      let workers = findings.clusters.count >= 64 ? 2 : 1
      DispatchQueue.concurrentPerform(iterations: workers) { w in
        for k in stride(from: w, to: findings.clusters.count, by: workers) {
          out.base[k] = ClusterStory(findings.clusters[k], run: run, findings: findings, correlator: correlator)
        }
      }
    }
    var stories = made.compactMap { $0 }  // every slot was written above
    // Two findings titled alike (`TimeoutError`: timed out, for two pools) read as one: those
    // are titled by their own message instead, which is what set them apart.
    var seen: [Phrase: [Int]] = [:]
    for k in stories.indices where !findings.clusters[k].tests.isEmpty { seen[stories[k].headline(count: 0), default: []].append(k) }
    for same in seen.values where same.count > 1 {
      for k in same { stories[k].title = stories[k].headline(count: findings.clusters[k].tests.count, byMessage: true) }
    }
    return stories
  }

  public init(run: Run, findings: Findings, config: ReportConfig, baseline: Snapshot? = nil, label: String = "this run") {
    self.init(run: run, findings: findings, config: config, baseline: baseline, label: label, endpoints: nil)
  }

  /// `endpoints`: `Metrics.endpoints(run.requests)`, when a thread made them meanwhile.
  init(run: Run, findings: Findings, config: ReportConfig, baseline: Snapshot?, label: String, endpoints: [Metrics.Endpoint]?) {
    metrics = Metrics(run, findings, targets: config.targets, endpoints: endpoints)
    let stories = Self.stories(run, findings)
    self.stories = stories
    let chain = WhyChain(run: run)
    whys = findings.clusters.indices.map { chain.whys(for: findings.clusters[$0], story: stories[$0], findings) }
    let h = Hypotheses(run: run, findings: findings, endpoints: stories.map(\.endpoint))
    hypotheses = findings.clusters.indices.map { h.ranked(for: findings.clusters[$0], story: stories[$0]) }
    actions = ActionPlan(run: run, findings: findings, stories: stories).actions()
    context = RunContext(run: run, stories: stories, clusters: findings.clusters, metrics: metrics)
    impacts = findings.clusters.indices.map { k in
      let c = findings.clusters[k]
      let files = c.tests.prefix(50).map { run.tests[$0].details?.file ?? run.tests[$0].idFile }
      return config.impact(files: files, endpoint: stories[k].endpoint?.path, category: c.category)
    }
    // The per-test map is as large as the run: made only when there is a baseline to compare.
    comparison = baseline.map {
      Comparison(before: $0, after: Snapshot(label: label, run: run, findings: findings, metrics: metrics, titles: stories.map(\.title)))
    }
  }
}
