/// Goals from report.yml's `targets`: run-wide rates and latency per endpoint.
public struct Targets: Sendable {
  public var passRate: Double?
  public var executionRate: Double?
  public var maxFailures: Int?
  /// p95 latency goal in ms for every endpoint, and per endpoint path.
  public var p95Ms: Double?
  public var endpointP95Ms: [String: Double] = [:]

  public init() {}
}
