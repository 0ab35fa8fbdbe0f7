/// Turns `XMLScanner` events into tests: tracks suites, the open testcase and its outcome
/// elements, and keeps only the text it needs.
final class JUnitHandler: XMLScannerDelegate {
  let path: String
  private(set) var tests: [TestResult] = []
  private(set) var warnings: [Diagnostic] = []
  private(set) var rootName: String?
  private(set) var rootLine = 1
  private(set) var declaredTests: Int?
  private(set) var testcaseElements = 0
  private var rootKnown = false
  var isJUnit: Bool { rootKnown || testcaseElements > 0 }

  private var depth = 0
  private var suiteNames: [(depth: Int, name: String)] = []
  private var pytestSuite = false
  private var interner = Interner()
  private var prefixes: [String: String] = [:]
  private var compacted = 0
  private var recent = RecentStrings()
  private var current: PendingTestCase?
  private var caseDepth = 0
  private var capture: PendingTestCase.Capture?
  private var captureDepth = 0
  private var textBuffer: [UInt8] = []
  private var declaredChildSum: Int? = 0

  init(path: String) { self.path = path }

  var wantsText: Bool { capture != nil }

  func text(_ bytes: UnsafeBufferPointer<UInt8>) {
    if textBuffer.count < PendingTestCase.textCap { textBuffer.append(contentsOf: bytes.prefix(PendingTestCase.textCap - textBuffer.count)) }
  }

  func startElement(_ tag: XMLTag, line: Int) {
    depth += 1
    let name = tag.localName
    if depth == 1 {
      rootName = String(decoding: tag.name, as: UTF8.self)
      rootLine = line
      rootKnown = name.elementsEqual("testsuites".utf8) || name.elementsEqual("testsuite".utf8) || name.elementsEqual("testrun".utf8)
      declaredTests = tag.attribute("tests").flatMap { Int($0) }
      if tag.attribute("name")?.hasPrefix("pytest") == true { pytestSuite = true }
    }
    if var pending = current {
      if depth == caseDepth + 1 { pending.child(name, tag, line: line, path: path); current = pending }
      if depth == caseDepth + 1, let kind = pending.captureKind(for: name) {
        capture = kind
        captureDepth = depth
        textBuffer.removeAll(keepingCapacity: true)
      }
      return
    }
    if name.elementsEqual("testsuite".utf8) {
      let suiteName = tag.attribute("name") ?? ""
      suiteNames.append((depth, suiteName))
      if suiteName == "pytest" { pytestSuite = true }
      if depth == 2, declaredChildSum != nil {
        if let n = tag.attribute("tests").flatMap({ Int($0) }) { declaredChildSum! += n } else { declaredChildSum = nil }
      }
    } else if name.elementsEqual("testcase".utf8) {
      testcaseElements += 1
      caseDepth = depth
      current = PendingTestCase(tag, line: line, suite: suiteNames.last?.name ?? "", recent: &recent)
    }
  }

  /// Moves the names of the last tests into a shared chunk (call once the document is done).
  func finish() { NameCompactor.compact(&tests, from: compacted); compacted = tests.count }

  func endElement(_ name: ArraySlice<UInt8>, line: Int) {
    defer { depth -= 1 }
    if capture != nil && depth == captureDepth {
      current?.finishCapture(capture!, text: textBuffer)
      capture = nil
    }
    if depth == caseDepth, let pending = current {
      current = nil
      tests.append(pending.result(path: path, pytest: pytestSuite, interner: &interner, prefixes: &prefixes))
      if tests.count - compacted >= 4096 {
        NameCompactor.compact(&tests, from: compacted)
        compacted = tests.count
      }
      return
    }
    if let last = suiteNames.last, last.depth == depth { suiteNames.removeLast() }
    if depth == 1, declaredTests == nil, let sum = declaredChildSum, sum > 0 { declaredTests = sum }
  }
}

/// Shares one copy of strings that repeat (suite names, id prefixes) across many tests.
struct Interner {
  private var table: [String: String] = [:]
  mutating func callAsFunction(_ s: String) -> String {
    if let existing = table[s] { return existing }
    if table.count > 200_000 { table.removeAll(keepingCapacity: true) }  // bound the table itself
    table[s] = s
    return s
  }
}
