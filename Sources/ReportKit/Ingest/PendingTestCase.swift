import Foundation

/// A `<testcase>` being read: its attributes and what its child elements said.
struct PendingTestCase {
  /// The most text kept from one element (a traceback, a captured output).
  static let textCap = 64 * 1024

  enum Capture { case failureText, skipText, output, flakyText }
  private enum Outcome: Int, Comparable {
    case none, skipped, flaky, error, failure
    static func < (a: Outcome, b: Outcome) -> Bool { a.rawValue < b.rawValue }
  }

  private var classname = ""
  private var name = ""
  private var suite = ""
  private var time: Double?
  private var file: String?
  private var line: Int?
  private var statusAttribute: String?
  private var outcome = Outcome.none
  private var message: String?
  private var type: String?
  private var elementLine = 0
  private var detail: String?
  private var skipReason: String?
  private var xfail = false
  /// The message as pytest wrote it, before unwrapping: it names the phase.
  private var rawPhaseHint: String?
  private var output = ""
  private var outputLine: Int?
  private var reruns = 0

  /// No testcase: `start` makes it one.
  init() {}

  /// Begins the testcase of `tag` in place, everything the last one held let go (a testcase
  /// made and stored was copied into its place: a retain and a release per field, per test).
  mutating func start(_ tag: XMLTag, line: Int, suite: String, recent: inout RecentStrings) {
    self = PendingTestCase()
    classname = recent.classname(tag.attributeBytes("classname") ?? tag.attributeBytes("class")) {
      Redactor.redact(tag.attribute("classname") ?? tag.attribute("class") ?? "")
    }
    name = Redactor.redact(tag.attribute("name") ?? "")
    self.suite = suite
    time = (tag.attributeBytes("time") ?? tag.attributeBytes("duration")).flatMap { Self.plainSeconds($0) ?? Self.seconds(tag.string($0)) }
    file = tag.attribute("file") ?? tag.attribute("filepath")
    self.line = (tag.attribute("line") ?? tag.attribute("lineno")).flatMap { Int($0) }
    let status = tag.attribute("status") ?? tag.attribute("result")
    statusAttribute = status.map { $0.utf8.contains { $0 >= 65 && $0 <= 90 } ? $0.lowercased() : $0 }
    elementLine = line
  }

  /// `seconds` of a plain decimal (`0.117`, `12`: digits, at most one point with digits on both
  /// sides, 15 digits at most), read from its bytes; nil for anything else (`seconds` reads it).
  /// Exact: the digits make an integer below 2^53 and 10^k (k <= 15) is a Double, so their one
  /// correctly rounded quotient is the correctly rounded value, what `Double(String)` gives.
  static func plainSeconds(_ p: UnsafeBufferPointer<UInt8>) -> Double? {
    var mantissa: UInt64 = 0
    var digits = 0
    var point = -1  // digits seen when the point came
    for c in p {
      if c >= 48 && c <= 57 {
        mantissa = mantissa &* 10 &+ UInt64(c - 48)
        digits += 1
      } else if c == UInt8(ascii: "."), point < 0, digits > 0 {
        point = digits
      } else {
        return nil
      }
    }
    guard digits > 0, digits <= 15, point != digits else { return nil }
    let fraction = point < 0 ? 0 : digits - point
    return Double(mantissa) / Self.powersOfTen[fraction]
  }

  private static let powersOfTen: [Double] = (0...15).map { k in (0..<k).reduce(1.0) { r, _ in r * 10 } }

  /// Parses JUnit times: `1.5`, `1,234.5`, `1.7e-05`; nil for placeholders like `<<computed>>`.
  static func seconds(_ s: String) -> Double? {
    if let v = Double(s) { return v.isFinite && v >= 0 ? v : nil }
    let cleaned = s.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: "")
    guard let v = Double(cleaned), v.isFinite, v >= 0 else { return nil }
    return v
  }

  /// Takes in a child element of the testcase; returns which of its text to capture, if any.
  mutating func child(_ name: UnsafeBufferPointer<UInt8>, _ tag: XMLTag, line: Int) -> Capture? {
    guard let kind = Self.childKinds.first(where: { name.equals($0.bytes) })?.name else { return nil }
    switch kind {
    case "failure", "error":
      // Several results in one testcase: failure > error > flaky > skipped decides (pytest writes
      // a teardown error beside the call's failure: the test failed), and the deciding element
      // gives the message and type.
      let new: Outcome = kind == "failure" ? .failure : .error
      if outcome < new {
        outcome = new
        rawPhaseHint = tag.attribute("message")
        message = rawPhaseHint.map { Self.unwrapPytest(Redactor.redact($0)) }
        type = tag.attribute("type")
        elementLine = line
        detail = nil
      }
    case "skipped":
      if outcome < .skipped { outcome = .skipped; elementLine = line }
      skipReason = tag.attribute("message").map(Redactor.redact)
      xfail = tag.attribute("type") == "pytest.xfail"
    case "flakyFailure", "flakyError":
      if outcome < .flaky {
        outcome = .flaky
        message = tag.attribute("message").map(Redactor.redact)
        type = tag.attribute("type")
        elementLine = line
      }
    case "rerunFailure", "rerunError":
      reruns += 1
    default:
      break
    }
    switch kind {
    case "failure", "error": return .failureText
    case "skipped": return .skipText
    case "system-out", "system-err":
      if outputLine == nil { outputLine = line }
      return .output
    case "flakyFailure", "flakyError": return .flakyText
    default: return nil
    }
  }

  /// pytest wraps setup and teardown errors: `failed on setup with "E: msg"` → `E: msg`.
  static func unwrapPytest(_ m: String) -> String {
    for prefix in ["failed on setup with \"", "failed on teardown with \""] where m.hasPrefix(prefix) && m.hasSuffix("\"") {
      return String(m.dropFirst(prefix.count).dropLast())
    }
    return m
  }

  /// The child elements of `<testcase>` that matter, by their bytes (no String per element).
  private static let childKinds: [(name: String, bytes: StaticString)] = [
    ("failure", "failure"), ("error", "error"), ("skipped", "skipped"), ("system-out", "system-out"),
    ("system-err", "system-err"), ("flakyFailure", "flakyFailure"), ("flakyError", "flakyError"),
    ("rerunFailure", "rerunFailure"), ("rerunError", "rerunError"),
  ]

  mutating func finishCapture(_ kind: Capture, text: [UInt8]) {
    // Output of a test that passes is dropped unless it mentions a mock or fallback: decide on the
    // bytes before making (and redacting) a String of them.
    if kind == .output && outcome == .none && !PassingOutput.worthKeeping(text) { return }
    let value = Redactor.redact(String(decoding: text, as: UTF8.self))
    guard !value.allSatisfy(\.isWhitespace) else { return }
    switch kind {
    case .failureText, .flakyText: if detail == nil { detail = value }
    case .skipText: if skipReason?.isEmpty ?? true { skipReason = Excerpt.line(value, limit: .max) }
    case .output: output += (output.isEmpty ? "" : "\n") + value
    }
  }

  /// The finished test and the hash of its key; `pytest` derives a pytest node id from classname and name.
  /// `sources`: `[path]`, one array shared by every test of the file.
  func result(
    path: String, sources: [String], pytest: Bool, interner: inout Interner, suiteInterner: inout Interner,
    groups: inout GroupInterner, prefixes: inout PrefixCache, names: inout NameArena
  ) -> (test: TestResult, keyHash: Int) {
    let status = self.status
    let (prefix, ownName) = idParts(pytest: pytest, prefixes: &prefixes)
    // The hash of its key from the strings at hand (the test's would be read back from its storage).
    let hash = TestKey.hash(prefix: prefix[...], name: ownName[...])
    let owner = classname.isEmpty ? suite : classname
    var test = TestResult(
      group: groups.recent(prefix: prefix, suite: owner) ?? groups(interner(prefix), suiteInterner(owner)), name: ownName[...], in: &names,
      status: status, phase: phase(status, pytest: pytest), durationSeconds: time)
    // A passing test's output was already judged (`finishCapture`): what is here is kept.
    let keepOutput = !output.isEmpty
    guard status != .passed || keepOutput else { return (test, hash) }
    let d = test.detailsForWriting()
    d.sources = sources
    d.file = file
    // pytest writes the 0-based line of the test's `def`; other tools write 1-based lines.
    d.line = line.map { pytest ? $0 + 1 : $0 }
    d.lineIsDefinition = line != nil
    d.output = keepOutput ? Excerpt.keep(output, head: 2048, tail: 2048) : nil
    d.outputLine = keepOutput ? outputLine : nil
    switch status {
    case .failed, .error, .flaky:
      let msg = (message?.isEmpty == false ? message : nil) ?? detail.map { Excerpt.line($0, limit: .max) }
      d.message = msg.map { Excerpt.keep($0, head: 2048, tail: 0) }
      d.exceptionType = type?.isEmpty == false ? type : nil
      d.detail = detail.map { Excerpt.keep($0, head: 1024, tail: 3072) }
      d.evidence = [Evidence(path: path, line: elementLine, text: Excerpt.line(msg ?? "<\(status == .error ? "error" : "failure")>"))]
    case .skipped, .xfailed:
      d.skipReason = skipReason
      d.evidence = [Evidence(path: path, line: elementLine, text: Excerpt.line(skipReason ?? "skipped"))]
    default:
      break
    }
    if reruns > 0 {
      d.evidence.append(Evidence(path: path, line: elementLine, text: "failed again in \(reruns) rerun\(reruns == 1 ? "" : "s")"))
    }
    return (test, hash)
  }

  /// The id as prefix and name. The prefix depends only on the class (and file), so it is derived
  /// once per class; only names that hold `::` need the general split.
  private func idParts(pytest: Bool, prefixes: inout PrefixCache) -> (String, String) {
    let owner = classname.isEmpty ? suite : classname
    if name.utf8Contains(byte: UInt8(ascii: ":")) || (pytest && classname.isEmpty) {
      let id =
        pytest
        ? TestID.pytestNodeID(classname: classname, name: name, file: file)
        : (owner.isEmpty ? name : owner + "::" + name)
      let (p, n) = TestID.split(id)
      return (String(p), String(n))
    }
    if file == nil, let last = prefixes.last, last.owner == owner { return (last.prefix, name) }  // same class as before
    let key = if pytest, let file { owner + "\u{0}" + file } else { owner }
    if let known = prefixes.table[key] {
      if file == nil { prefixes.last = (owner, known) }
      return (known, name)
    }
    let prefix: String
    if pytest {
      let id = TestID.pytestNodeID(classname: classname, name: "x", file: file)
      prefix = String(id.dropLast())
    } else {
      prefix = owner.isEmpty ? "" : owner + "::"
    }
    if prefixes.table.count > 100_000 { prefixes.table.removeAll(keepingCapacity: true) }
    prefixes.table[key] = prefix
    if file == nil { prefixes.last = (owner, prefix) }
    return (prefix, name)
  }

  private var status: TestStatus {
    switch outcome {
    case .failure: return .failed
    case .error: return .error
    case .flaky: return .flaky
    case .skipped: return xfail ? .xfailed : .skipped
    case .none:
      if let s = statusAttribute, ["notrun", "disabled", "skipped", "skip", "ignored", "suppressed"].contains(s) { return .skipped }
      return .passed
    }
  }

  private func phase(_ status: TestStatus, pytest: Bool) -> Phase? {
    guard status.isFailure else { return nil }
    let m = rawPhaseHint ?? ""
    if m.hasPrefix("failed on setup") { return .setup }
    if m.hasPrefix("failed on teardown") { return .teardown }
    if m.hasPrefix("collection failure") || (pytest && classname.isEmpty) { return .collection }
    return .call
  }
}
