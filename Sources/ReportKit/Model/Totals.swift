/// Counts over every test of a run.
public struct Totals: Sendable, Equatable {
  public var tests = 0
  public var passed = 0
  public var failed = 0
  public var errors = 0
  public var skipped = 0
  public var xfailed = 0
  public var xpassed = 0
  public var flaky = 0
  public var durationSeconds = 0.0

  public init() {}

  /// Counts the outcomes of `tests`.
  public init(_ tests: [TestResult]) {
    self.tests = tests.count
    for i in tests.indices {
      switch tests[i].status {
      case .passed: passed += 1
      case .failed: failed += 1
      case .error: errors += 1
      case .skipped: skipped += 1
      case .xfailed: xfailed += 1
      case .xpassed: xpassed += 1
      case .flaky: flaky += 1
      }
      durationSeconds += tests[i].durationSeconds ?? 0
    }
  }

  /// Passed (flaky included) over the tests that ran, skips left out; nil when none ran.
  public var passRate: Double? {
    let ran = tests - skipped - xfailed
    guard ran > 0 else { return nil }
    return Double(passed + flaky + xpassed) / Double(ran)
  }
}
