/// Everything read from one test run: its tests, its HTTP exchanges and how each input went.
public struct Run: Sendable {
  public var inputs: [InputSummary]
  public var tests: [TestResult]
  public var requests: [HTTPExchange]
  /// Problems that concern the run rather than one input (an empty folder, say).
  public var warnings: [Diagnostic]

  public init(inputs: [InputSummary], tests: [TestResult], requests: [HTTPExchange], warnings: [Diagnostic] = []) {
    self.inputs = inputs
    self.tests = tests
    self.requests = requests
    self.warnings = warnings
  }

  public var totals: Totals { Totals(tests) }
}
