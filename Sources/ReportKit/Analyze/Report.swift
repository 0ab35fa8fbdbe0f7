/// A run with everything concluded about it: what the renderers render.
public struct Report: Sendable {
  public var run: Run
  public var findings: Findings
  public var analysis: Analysis
  public var meta: RunMeta
}
