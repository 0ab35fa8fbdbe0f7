/// When and as what a run is reported.
public struct RunMeta: Sendable {
  public var runID: String
  public var generatedAt: String

  public init(runID: String, generatedAt: String) {
    self.runID = runID
    self.generatedAt = generatedAt
  }
}
