import Foundation

/// Builds one run from many artifacts: the same test seen twice counts once.
///
/// Within one artifact a test repeated after a failure is a retry (fail then pass is flaky), and one
/// repeated after a pass or skip is another invocation (TestNG data providers, jest tests with the
/// same title) and is kept as `name (2)`; across artifacts it is
/// the same execution seen by two tools (pytest's console and its `--junitxml`), so the worse
/// outcome wins and the evidence of both is kept. Placeholders for tests a log counted but did not
/// name are dropped where another artifact names that file's tests.
struct RunAssembler {
  private var tests: [TestResult] = []
  private var origin: [UInt16] = []
  private var index: [Int: Int32] = [:]  // hash of the test key → position (collisions below)
  private var overflow: [TestKey: Int32] = [:]
  private var invocations: [TestKey: Int] = [:]
  private var requests: [HTTPExchange] = []
  private var inputs: [InputSummary] = []

  mutating func add(_ artifacts: [ParsedArtifact]) {
    let placeholders = artifacts.contains { $0.tests.contains(where: \.anonymous) }
    let namedFiles = placeholders ? artifacts.map { Set($0.tests.lazy.filter { !$0.anonymous }.map { Self.file(of: $0) }) } : []
    for (n, artifact) in artifacts.enumerated() {
      let others = placeholders ? namedFiles.enumerated().filter { $0.offset != n }.map(\.element) : []
      let anyNamedElsewhere = others.contains { !$0.isEmpty }
      var count = 0
      for test in artifact.tests {
        if test.anonymous {
          let file = Self.file(of: test)
          if file.isEmpty ? anyNamedElsewhere : others.contains(where: { $0.contains(file) }) { continue }
        }
        add(test, from: UInt16(clamping: n), uniqueIDs: artifact.format == .pytest)
        count += 1
      }
      requests.append(contentsOf: artifact.requests)
      inputs.append(InputSummary(path: artifact.path, format: artifact.format, tests: count,
                                 requests: artifact.requests.count, warnings: artifact.warnings))
    }
  }

  func run(warnings: [Diagnostic]) -> Run {
    Run(inputs: inputs, tests: tests, requests: requests, warnings: warnings)
  }

  /// `uniqueIDs`: the artifact's ids name one test each (pytest node ids), so a repeat is always
  /// a re-run of that test, never another invocation.
  private mutating func add(_ test: TestResult, from artifact: UInt16, uniqueIDs: Bool = false) {
    let key = TestKey(test)
    let hash = key.hashValue
    var position: Int32?
    if let p = index[hash] {
      if TestKey(tests[Int(p)]) == key { position = p } else { position = overflow[key] }
    }
    guard let p = position.map(Int.init) else {
      let p = Int32(tests.count)
      if index[hash] == nil { index[hash] = p } else { overflow[key] = p }
      tests.append(test)
      origin.append(artifact)
      return
    }
    if origin[p] == artifact {
      let previous = tests[p].status
      guard uniqueIDs || previous.isFailure || previous == .flaky else { return addInvocation(test, from: artifact) }
      tests[p] = Self.retry(tests[p], test)
    } else {
      tests[p] = Self.sameRun(tests[p], test)
    }
    origin[p] = artifact
  }

  /// Another invocation of a test already seen in this artifact: `name (2)`, `name (3)`, ...
  private mutating func addInvocation(_ test: TestResult, from artifact: UInt16) {
    var k = invocations[TestKey(test), default: 1]
    var renamed = test
    repeat {
      k += 1
      renamed.name = test.name + " (\(k))"
    } while contains(TestKey(renamed))
    invocations[TestKey(test)] = k
    add(renamed, from: artifact)
  }

  private func contains(_ key: TestKey) -> Bool {
    guard let p = index[key.hashValue] else { return false }
    return TestKey(tests[Int(p)]) == key || overflow[key] != nil
  }

  /// A test repeated in one artifact: a pass after a failure (or before it) is flaky.
  static func retry(_ a: TestResult, _ b: TestResult) -> TestResult {
    let passed: Set<TestStatus> = [.passed, .flaky]
    var merged = sameRun(a, b)
    if (passed.contains(a.status) && b.status.isFailure) || (a.status.isFailure && passed.contains(b.status)) {
      merged.status = .flaky
    }
    return merged
  }

  /// One execution seen by two tools: the worse outcome, every piece of evidence.
  static func sameRun(_ a: TestResult, _ b: TestResult) -> TestResult {
    var merged = b.status > a.status ? b : a
    let other = b.status > a.status ? a : b
    merged.phase = merged.phase ?? other.phase
    merged.durationSeconds = merged.durationSeconds ?? other.durationSeconds
    if merged.suite.isEmpty { merged.suite = other.suite }
    guard let od = other.details else { return merged }
    let d = TestDetails.merged(merged.details, od)
    merged.details = d
    return merged
  }

  /// The file part of a test id (`tests/a.py` of `tests/a.py::T::t`).
  static func file(of test: TestResult) -> String {
    guard let r = test.idPrefix.range(of: "::") else { return test.idPrefix }
    return String(test.idPrefix[..<r.lowerBound])
  }
}

extension TestDetails {
  /// A new details value with `primary`'s fields, gaps filled from `secondary`, evidence united.
  static func merged(_ primary: TestDetails?, _ secondary: TestDetails) -> TestDetails {
    let d = TestDetails()
    let p = primary ?? TestDetails()
    d.message = p.message ?? secondary.message
    d.exceptionType = p.exceptionType ?? secondary.exceptionType
    d.detail = p.detail ?? secondary.detail
    d.file = p.file ?? secondary.file
    d.line = p.line ?? secondary.line
    d.skipReason = p.skipReason ?? secondary.skipReason
    d.output = p.output ?? secondary.output
    var seen = Set<Evidence>()
    d.evidence = (p.evidence + secondary.evidence).filter { seen.insert($0).inserted }
    d.sources = Array(Set(p.sources + secondary.sources)).sorted()
    return d
  }
}
