/// What a failure costs the business, in the team's words (report.yml's `impact:`): shown on the
/// clusters it touches, with its own severity.
public struct Impact: Sendable, Equatable {
  /// `checkout: revenue at risk`.
  public var statement: String
  public var severity: Severity?

  public init(statement: String, severity: Severity? = nil) {
    self.statement = statement
    self.severity = severity
  }
}
