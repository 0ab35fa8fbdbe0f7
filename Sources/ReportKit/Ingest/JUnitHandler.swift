/// Turns `XMLScanner` events into tests: tracks suites, the open testcase and its outcome
/// elements, and keeps only the text it needs.
final class JUnitHandler: XMLScannerDelegate {
  let path: String
  private(set) var tests: [TestResult] = []
  private(set) var hashes: [Int] = []
  private(set) var rootName: String?
  private(set) var rootLine = 1
  /// The first suite's `timestamp` and `hostname`: when and where it ran.
  private(set) var suiteStart: Evidence?
  private(set) var declaredOnRoot: Int?
  private(set) var testcaseElements = 0
  /// The context at the first `<testcase>`, which a parallel reader assumes for the tail part.
  private(set) var firstTestcaseContext: Context?

  /// Where a reader is in the document: open depth, open suites, whether pytest wrote it.
  struct Context: Equatable {
    var depth: Int
    var suites: [Suite]
    var pytest: Bool
  }

  struct Suite: Equatable {
    var depth: Int
    var name: String
  }

  var context: Context { Context(depth: depth, suites: suiteNames, pytest: pytestSuite) }

  /// The tests the root declares, or else the sum its suites declare.
  var declaredTests: Int? { declaredOnRoot ?? declaredChildSum.flatMap { $0 > 0 ? $0 : nil } }
  private(set) var declaredChildSum: Int? = 0
  private var rootKnown = false
  var isJUnit: Bool { rootKnown || testcaseElements > 0 }

  private var depth = 0
  private var suiteNames: [Suite] = []
  private var pytestSuite = false
  // Two interners: prefixes and suites alternate, which would defeat a one-entry fast path.
  private var interner = Interner()
  private var suiteInterner = Interner()
  private var groups = GroupInterner()
  private var prefixes = PrefixCache()
  private var names = NameArena()
  private var recent = RecentStrings()
  /// The open testcase, when `inTestcase`: begun and read in place, never copied out of this
  /// object (a retain and a release per field).
  private var current = PendingTestCase()
  private var inTestcase = false
  private var caseDepth = 0
  private var capture: PendingTestCase.Capture?
  private var captureDepth = 0
  private var textBuffer: [UInt8] = []

  /// `context`: for the tail part of a document split for parallel reading.
  private let sources: [String]

  /// A `<testsuite>` that declares counts but lists no `<testcase>` and no inner suite (an
  /// aggregated summary): its counts stand for its tests.
  struct DeclaredSuite: Equatable {
    var name: String
    var line: Int
    var tests: Int
    var failures: Int
    var errors: Int
    var skipped: Int
  }

  private(set) var declaredOnly: [DeclaredSuite] = []
  /// Per open `<testsuite>`: its declared counts and what it holds so far.
  private var openSuites: [(suite: DeclaredSuite, depth: Int, holds: Bool)] = []

  init(path: String, context: Context? = nil) {
    self.path = path
    self.sources = [path]
    if let context {
      depth = context.depth
      suiteNames = context.suites
      // Suites opened before the split are not leaves this part can judge.
      openSuites = context.suites.map {
        (DeclaredSuite(name: $0.name, line: 0, tests: 0, failures: 0, errors: 0, skipped: 0), $0.depth, true)
      }
      pytestSuite = context.pytest
      rootKnown = true
    }
  }

  func reserve(_ n: Int) {
    tests.reserveCapacity(n)
    hashes.reserveCapacity(n)
  }

  /// The tests read, handed over (the handler keeps none).
  func takeTests() -> [TestResult] {
    var out: [TestResult] = []
    swap(&out, &tests)
    return out
  }

  func takeHashes() -> [Int] {
    var out: [Int] = []
    swap(&out, &hashes)
    return out
  }

  var wantsText: Bool { capture != nil }

  func text(_ bytes: UnsafeBufferPointer<UInt8>) {
    if textBuffer.count < PendingTestCase.textCap {
      textBuffer.append(contentsOf: bytes.prefix(PendingTestCase.textCap - textBuffer.count))
    }
  }

  func startElement(_ tag: XMLTag, line: Int) {
    depth += 1
    let name = tag.localName
    if depth == 1 {
      rootName = String(decoding: tag.name, as: UTF8.self)
      rootLine = line
      rootKnown = name.equals("testsuites") || name.equals("testsuite") || name.equals("testrun")
      declaredOnRoot = tag.attribute("tests").flatMap { Int($0) }
      if tag.attribute("name")?.hasPrefix("pytest") == true { pytestSuite = true }
    }
    if inTestcase {
      // Mutated in place: copying the pending testcase per child element costs a retain per field.
      if depth == caseDepth + 1, let kind = current.child(name, tag, line: line) {
        capture = kind
        captureDepth = depth
        textBuffer.removeAll(keepingCapacity: true)
      }
      return
    }
    if name.equals("testsuite") {
      let suiteName = tag.attribute("name") ?? ""
      suiteNames.append(Suite(depth: depth, name: suiteName))
      if !openSuites.isEmpty { openSuites[openSuites.count - 1].holds = true }
      let n = { (v: String?) in v.flatMap { Int($0) } ?? 0 }
      let declared = DeclaredSuite(
        name: suiteName, line: line, tests: n(tag.attribute("tests")), failures: n(tag.attribute("failures")),
        errors: n(tag.attribute("errors")), skipped: n(tag.attribute("skipped")) + n(tag.attribute("disabled")))
      openSuites.append((declared, depth, false))
      if suiteStart == nil {
        let facts = [("timestamp", tag.attribute("timestamp")), ("hostname", tag.attribute("hostname"))]
          .compactMap { k, v in v.map { "\(k)=\"\($0)\"" } }
        if !facts.isEmpty { suiteStart = Evidence(path: path, line: line, text: Excerpt.line(facts.joined(separator: " "), limit: 200)) }
      }
      if suiteName == "pytest" { pytestSuite = true }
      if depth == 2, declaredChildSum != nil {
        if let n = tag.attribute("tests").flatMap({ Int($0) }) { declaredChildSum? += n } else { declaredChildSum = nil }
      }
    } else if name.equals("testcase") {
      if !openSuites.isEmpty { openSuites[openSuites.count - 1].holds = true }
      if firstTestcaseContext == nil { firstTestcaseContext = Context(depth: depth - 1, suites: suiteNames, pytest: pytestSuite) }
      testcaseElements += 1
      caseDepth = depth
      current.start(tag, line: line, suite: suiteNames.last?.name ?? "", recent: &recent)
      inTestcase = true
    }
  }

  func endElement(_ name: UnsafeBufferPointer<UInt8>, line: Int) {
    defer { depth -= 1 }
    if let kind = capture, depth == captureDepth {
      current.finishCapture(kind, text: textBuffer)
      capture = nil
    }
    if depth == caseDepth, inTestcase {
      inTestcase = false
      var pending = PendingTestCase()
      swap(&pending, &current)  // moved out (a read in place would copy it out of this object)
      let (test, hash) = pending.result(
        path: path, sources: sources, pytest: pytestSuite, interner: &interner, suiteInterner: &suiteInterner,
        groups: &groups, prefixes: &prefixes, names: &names)
      hashes.append(hash)
      tests.append(consume test)
      return
    }
    if let last = suiteNames.last, last.depth == depth { suiteNames.removeLast() }
    if let open = openSuites.last, open.depth == depth {
      openSuites.removeLast()
      if !open.holds && open.suite.tests > 0 { declaredOnly.append(open.suite) }
    }
  }
}
