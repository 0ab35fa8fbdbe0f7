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
  private var index = TestIndexHalves()
  private var invocations: [TestKey: Int] = [:]
  private var requests: [HTTPExchange] = []
  private var inputs: [InputSummary] = []

  /// Merges `artifacts` into the run. Their test arrays are taken over (left empty), so a
  /// million-test input is never held twice.
  mutating func add(_ artifacts: inout [ParsedArtifact]) {
    let placeholders = artifacts.indices.contains { n in artifacts[n].tests.indices.contains { artifacts[n].tests[$0].anonymous } }
    let namedFiles = placeholders ? artifacts.map { Set($0.tests.lazy.filter { !$0.anonymous }.map { $0.idFile }) } : []
    // Sized once for every artifact's tests: growing it would hash each indexed id again.
    let expected = tests.count + artifacts.reduce(0) { $0 + $1.tests.count }
    for n in artifacts.indices {
      let format = artifacts[n].format
      let others = placeholders ? namedFiles.enumerated().filter { $0.offset != n }.map(\.element) : []
      let anyNamedElsewhere = others.contains { !$0.isEmpty }
      var count = 0
      let source = UInt16(clamping: n)
      if tests.isEmpty && !placeholders {
        // The first artifact with tests: take its array over and index it, copying nothing.
        swap(&tests, &artifacts[n].tests)
        count = adopt(from: source, uniqueIDs: format == .pytest, hashes: artifacts[n].hashes, expected: expected)
        artifacts[n].hashes = []
      } else {
        index.reserve(expected, tests)
        tests.reserveCapacity(expected)  // no doubling: a copy of a million tests at the peak
        origin.reserveCapacity(expected)
        let hashes = artifacts[n].hashes.count == artifacts[n].tests.count ? artifacts[n].hashes : []
        for (k, test) in artifacts[n].tests.enumerated() {
          if test.anonymous {
            let file = test.idFile
            if file.isEmpty ? anyNamedElsewhere : others.contains(where: { $0.contains(file) }) { continue }
          }
          add(test, from: source, uniqueIDs: format == .pytest, hash: hashes.isEmpty ? nil : hashes[k])
          count += 1
        }
      }
      let requestCount = artifacts[n].requests.count
      // The first artifact's requests are taken over, not copied (each holds nine references).
      if requests.isEmpty {
        swap(&requests, &artifacts[n].requests)
      } else {
        requests.append(contentsOf: artifacts[n].requests)
      }
      inputs.append(
        InputSummary(
          path: artifacts[n].path, format: format, tests: count,
          requests: requestCount, warnings: artifacts[n].warnings, environment: artifacts[n].environment,
          setup: artifacts[n].setup))
      artifacts[n].tests = []
      artifacts[n].requests = []
    }
  }

  func run(warnings: [Diagnostic]) -> Run {
    Run(inputs: inputs, tests: tests, requests: requests, warnings: warnings)
  }

  /// Indexes `tests` (just taken over from one artifact), merging repeats the way `add` would.
  private mutating func adopt(from artifact: UInt16, uniqueIDs: Bool, hashes: [Int], expected: Int) -> Int {
    let total = tests.count
    origin = [UInt16](repeating: artifact, count: total)
    // 1. Read only: index every first occurrence, note each repeat and its first occurrence.
    let repeats: [(at: Int, first: Int)]
    if total >= Self.indexedApartFrom, hashes.count == total {
      (index, repeats) = Self.indexApart(tests, hashes, size: max(total, expected))
    } else {
      var one = TestIndex()
      one.reserve(max(total, expected), tests)
      let (all, known) = (tests, hashes.count == total)
      repeats = one.indexFirstOccurrences(of: all, at: all.indices) { known ? hashes[$0] : TestKey(all[$0]).keyHash }
      index = TestIndexHalves(one)
    }
    guard !repeats.isEmpty else { return total }
    // 2. In order: a repeat after a failure merges into the first (retry), else it is renamed.
    var removed = Set<Int>()
    for (i, first) in repeats {
      if Self.isRetry(after: tests[first].status, uniqueIDs: uniqueIDs) {
        tests[first] = Self.retry(tests[first], tests[i])
        removed.insert(i)
      } else {
        tests[i] = renamedInvocation(tests[i])
        let key = TestKey(tests[i])
        index.insert(hash: key.keyHash, at: i) { [tests] in TestKey(tests[$0]).keyHash }
      }
    }
    // 3. Close the gaps (none when every repeat was another invocation); index positions are
    // remapped, not re-hashed. The gaps are walked in order: a set lookup per test was most of
    // this loop over a million tests.
    guard !removed.isEmpty else { return total }
    let gaps = removed.sorted()
    var nextGap = 0
    var newPosition = [Int32](repeating: -1, count: total)
    var write = 0
    tests.withUnsafeMutableBufferPointer { buf in
      // Swaps through the buffer move the values; Array.swapAt would copy (retain/release) each.
      for read in 0..<total {
        if nextGap < gaps.count && gaps[nextGap] == read {
          nextGap += 1
          continue
        }
        if write != read {
          buf.swapAt(write, read)
          origin.swapAt(write, read)
        }
        newPosition[read] = Int32(write)
        write += 1
      }
    }
    tests.removeLast(total - write)
    origin.removeLast(total - write)
    index.remap { Int(newPosition[$0]) }
    return total
  }

  /// From how many tests an artifact's tests are indexed on two threads.
  static let indexedApartFrom = 4096

  /// `tests` indexed in two halves, each made by a thread of its own from the tests whose hash
  /// falls in it (tests of one id hash alike, so a repeat and its first occurrence are in one
  /// half), and the repeats found, in the order of the tests as one pass finds them.
  private static func indexApart(_ tests: [TestResult], _ hashes: [Int], size: Int) -> (TestIndexHalves, [(at: Int, first: Int)]) {
    // Each half sized for its own entries (and those a later artifact may add), at positions up
    // to `size`: two tables of a full one's size held twice the memory, at the read's peak.
    let inSecond = hashes.reduce(0) { $0 + TestIndexHalves.half(of: $1) }
    let counts = [tests.count - inSecond, inSecond].map { $0 + (size - tests.count) / 2 }
    let halves = Concurrently.results(2) { h -> (index: TestIndex, repeats: [(at: Int, first: Int)]) in
      var index = TestIndex()
      index.reserve(counts[h], positionsBelow: size, tests)  // empty: nothing to hash again
      let mine = tests.indices.lazy.filter { TestIndexHalves.half(of: hashes[$0]) == h }
      let repeats = index.indexFirstOccurrences(of: tests, at: mine) { hashes[$0] }
      return (index, repeats)
    }
    // Each half's repeats are in test order: merged, they are in the order one pass finds them.
    let (a, b) = (halves[0].repeats, halves[1].repeats)
    var repeats: [(at: Int, first: Int)] = []
    repeats.reserveCapacity(a.count + b.count)
    Concurrently.merge(a.count, b.count) { x, y in
      b[y].at < a[x].at
    } take: { second, k in
      repeats.append(second ? b[k] : a[k])
    }
    return (TestIndexHalves(halves[0].index, halves[1].index), repeats)
  }

  /// `uniqueIDs`: the artifact's ids name one test each (pytest node ids), so a repeat is always
  /// a re-run of that test, never another invocation.
  private mutating func add(_ test: TestResult, from artifact: UInt16, uniqueIDs: Bool = false, hash: Int? = nil) {
    let key = TestKey(test)
    guard let p = index.find(key, hash: hash, in: tests) else {
      index.insert(key, hash: hash, at: tests.count, in: tests)
      tests.append(test)
      origin.append(artifact)
      return
    }
    if origin[p] == artifact {
      guard Self.isRetry(after: tests[p].status, uniqueIDs: uniqueIDs) else { return addInvocation(test, from: artifact) }
      tests[p] = Self.retry(tests[p], test)
    } else {
      tests[p] = Self.sameRun(tests[p], test)
    }
    origin[p] = artifact
  }

  /// Another invocation of a test already seen in this artifact: `name (2)`, `name (3)`, ...
  private mutating func addInvocation(_ test: TestResult, from artifact: UInt16) {
    add(renamedInvocation(test), from: artifact)
  }

  /// `test` renamed to the first free `name (k)`.
  private mutating func renamedInvocation(_ test: TestResult) -> TestResult {
    var k = invocations[TestKey(test), default: 1]
    var renamed = test
    repeat {
      k += 1
      renamed.name = test.name + " (\(k))"
    } while contains(TestKey(renamed))
    invocations[TestKey(test)] = k
    return renamed
  }

  private func contains(_ key: TestKey) -> Bool { index.find(key, in: tests) != nil }

  /// Whether a test seen again in the same artifact is a retry (merged) rather than another
  /// invocation: always for unique ids (pytest), else when the earlier outcome was a failure.
  static func isRetry(after previous: TestStatus, uniqueIDs: Bool) -> Bool {
    uniqueIDs || previous.isFailure || previous == .flaky
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
}

extension TestDetails {
  /// A new details value with `primary`'s fields, gaps filled from `secondary`, evidence united.
  static func merged(_ primary: TestDetails?, _ secondary: TestDetails) -> TestDetails {
    let d = TestDetails()
    let p = primary ?? TestDetails()
    d.message = p.message ?? secondary.message
    d.exceptionType = p.exceptionType ?? secondary.exceptionType
    d.detail = p.detail ?? secondary.detail
    // Where the test failed (a traceback) beats where it is defined (a JUnit attribute).
    let useSecondary = p.file == nil || (p.lineIsDefinition && secondary.file != nil && !secondary.lineIsDefinition)
    d.file = useSecondary ? secondary.file : p.file
    d.line = useSecondary ? secondary.line : p.line
    d.lineIsDefinition = useSecondary ? secondary.lineIsDefinition : p.lineIsDefinition
    d.skipReason = p.skipReason ?? secondary.skipReason
    d.output = p.output ?? secondary.output
    d.outputLine = p.output != nil ? p.outputLine : secondary.outputLine
    var seen = Set<Evidence>()
    d.evidence = (p.evidence + secondary.evidence).filter { seen.insert($0).inserted }
    d.sources = Array(Set(p.sources + secondary.sources)).sorted()
    return d
  }
}
