/// The outcome of one test, as the test tools name it.
public enum TestStatus: String, Sendable, CaseIterable, Comparable {
  case passed, failed, error, skipped, xfailed, xpassed, flaky

  /// Failed or errored: the outcomes a report has to explain.
  public var isFailure: Bool { self == .failed || self == .error }

  /// How bad an outcome is; when one test is seen twice, the worse outcome is kept.
  var severity: Int {
    switch self {
    case .error: 6
    case .failed: 5
    case .flaky: 4
    case .xpassed: 3
    case .xfailed: 2
    case .skipped: 1
    case .passed: 0
    }
  }

  public static func < (a: TestStatus, b: TestStatus) -> Bool { a.severity < b.severity }
}

/// Where in a test's life it stopped.
public enum Phase: String, Sendable {
  case collection, setup, call, teardown
}
