/// When and as what a run is reported, and where it ran.
public struct RunMeta: Sendable {
  public var runID: String
  public var generatedAt: String
  /// The CI run this report was made in; nil outside CI.
  public var ci: CIMetadata?

  public init(runID: String, generatedAt: String, ci: CIMetadata? = nil) {
    self.runID = runID
    self.generatedAt = generatedAt
    self.ci = ci
  }
}
