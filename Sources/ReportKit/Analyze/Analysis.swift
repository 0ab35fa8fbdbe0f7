/// Everything the report says beyond the verdicts: metrics, Five Whys and hypotheses per
/// cluster, the action plan, and the comparison with a baseline.
public struct Analysis: Sendable {
  public var metrics: Metrics
  /// Per cluster, in `Findings.clusters` order.
  public var whys: [[Why]]
  public var hypotheses: [[Hypothesis]]
  public var actions: [Action]
  public var comparison: Comparison?

  public init(run: Run, findings: Findings, config: ReportConfig, baseline: Snapshot? = nil, label: String = "this run") {
    metrics = Metrics(run, findings, targets: config.targets)
    let chain = WhyChain(run: run)
    whys = findings.clusters.map { chain.whys(for: $0, findings) }
    let h = Hypotheses(run: run, findings: findings)
    hypotheses = findings.clusters.map { h.ranked(for: $0) }
    actions = ActionPlan(run: run, findings: findings).actions()
    comparison = baseline.map { Comparison(before: $0, after: Snapshot(label: label, run: run, findings: findings, metrics: metrics)) }
  }
}
