/// The kinds of artifact `report` reads, named as report.json names them.
public enum InputFormat: String, Sendable {
  case junit = "junit-xml"
  case pytest = "pytest-console"
  case curl = "curl-trace"
  /// Common Test Report Format: the JSON that Playwright, Cypress, Jest, Vitest, pytest and
  /// other reporters write.
  case ctrf = "ctrf-json"
  case unknown
}

/// What one input file contributed to the run.
public struct InputSummary: Sendable {
  public var path: String
  public var format: InputFormat
  public var tests: Int
  public var requests: Int
  public var warnings: [Diagnostic]
  /// The line that names the tool's environment (pytest's `platform linux -- Python 3.11.7, ...`).
  public var environment: Evidence?
  /// Lines that say how the tool ran: pytest's rootdir, configfile, plugins, `collected N items`;
  /// a JUnit suite's timestamp and host.
  public var setup: [Evidence]

  public init(
    path: String, format: InputFormat, tests: Int = 0, requests: Int = 0, warnings: [Diagnostic] = [], environment: Evidence? = nil,
    setup: [Evidence] = []
  ) {
    self.path = path
    self.format = format
    self.tests = tests
    self.requests = requests
    self.warnings = warnings
    self.environment = environment
    self.setup = setup
  }
}
