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

  private let classname: String
  private let name: String
  private let suite: String
  private let time: Double?
  private var file: String?
  private var line: Int?
  private let statusAttribute: String?
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
  private var reruns = 0

  init(_ tag: XMLTag, line: Int, suite: String) {
    classname = Redactor.redact(tag.attribute("classname") ?? tag.attribute("class") ?? "")
    name = Redactor.redact(tag.attribute("name") ?? "")
    self.suite = suite
    time = (tag.attribute("time") ?? tag.attribute("duration")).flatMap(Self.seconds)
    file = tag.attribute("file") ?? tag.attribute("filepath")
    self.line = (tag.attribute("line") ?? tag.attribute("lineno")).flatMap { Int($0) }
    statusAttribute = (tag.attribute("status") ?? tag.attribute("result"))?.lowercased()
    elementLine = line
  }

  /// Parses JUnit times: `1.5`, `1,234.5`, `1.7e-05`; nil for placeholders like `<<computed>>`.
  static func seconds(_ s: String) -> Double? {
    let cleaned = s.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: "")
    guard let v = Double(cleaned), v.isFinite, v >= 0 else { return nil }
    return v
  }

  mutating func child(_ name: ArraySlice<UInt8>, _ tag: XMLTag, line: Int, path: String) {
    let kind = String(decoding: name, as: UTF8.self)
    switch kind {
    case "failure", "error":
      let new: Outcome = kind == "failure" ? .failure : .error
      if outcome < .error || (outcome == .error && new == .failure && message == nil) {
        if outcome < new { outcome = new }
        rawPhaseHint = tag.attribute("message")
        message = tag.attribute("message").map { Self.unwrapPytest(Redactor.redact($0)) }
        type = tag.attribute("type")
        elementLine = line
      } else if outcome < new {
        outcome = new
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
  }

  /// pytest wraps setup and teardown errors: `failed on setup with "E: msg"` → `E: msg`.
  static func unwrapPytest(_ m: String) -> String {
    for prefix in ["failed on setup with \"", "failed on teardown with \""] where m.hasPrefix(prefix) && m.hasSuffix("\"") {
      return String(m.dropFirst(prefix.count).dropLast())
    }
    return m
  }

  func captureKind(for name: ArraySlice<UInt8>) -> Capture? {
    switch String(decoding: name, as: UTF8.self) {
    case "failure", "error": .failureText
    case "skipped": .skipText
    case "system-out", "system-err": .output
    case "flakyFailure", "flakyError": .flakyText
    default: nil
    }
  }

  mutating func finishCapture(_ kind: Capture, text: [UInt8]) {
    let value = Redactor.redact(String(decoding: text, as: UTF8.self))
    guard !value.allSatisfy(\.isWhitespace) else { return }
    switch kind {
    case .failureText, .flakyText: if detail == nil { detail = value }
    case .skipText: if skipReason?.isEmpty ?? true { skipReason = firstLine(value) }
    case .output: output += (output.isEmpty ? "" : "\n") + value
    }
  }

  private func firstLine(_ s: String) -> String? {
    s.split(whereSeparator: \.isNewline).first.map { String($0.trimmingCharacters(in: .whitespaces)) }
  }

  /// The finished test; `pytest` derives a pytest node id from classname and name.
  func result(path: String, pytest: Bool, interner: inout Interner) -> TestResult {
    let status = self.status
    let id = pytest
      ? TestID.pytestNodeID(classname: classname, name: name, file: file)
      : (classname.isEmpty ? (suite.isEmpty ? name : suite + "::" + name) : classname + "::" + name)
    let (prefix, ownName) = TestID.split(id)
    var test = TestResult(idPrefix: interner(String(prefix)), name: String(ownName), suite: interner(classname.isEmpty ? suite : classname),
                          status: status, phase: phase(status, pytest: pytest), durationSeconds: time)
    let interesting = status != .passed || !output.isEmpty || file != nil
    guard interesting else { return test }
    let d = test.detailsForWriting()
    d.sources = [path]
    d.file = file
    d.line = line
    d.output = output.isEmpty ? nil : Excerpt.cap(output, head: 2048, tail: 2048)
    switch status {
    case .failed, .error, .flaky:
      let msg = (message?.isEmpty == false ? message : nil) ?? detail.flatMap(firstLine)
      d.message = msg.map { Excerpt.cap($0, head: 2048, tail: 0) }
      d.exceptionType = type?.isEmpty == false ? type : nil
      d.detail = detail.map { Excerpt.cap($0, head: 1024, tail: 3072) }
      d.evidence = [Evidence(path: path, line: elementLine, text: Excerpt.line(msg ?? "<\(status == .error ? "error" : "failure")>"))]
    case .skipped, .xfailed:
      d.skipReason = skipReason
      d.evidence = [Evidence(path: path, line: elementLine, text: Excerpt.line(skipReason ?? "skipped"))]
    default:
      break
    }
    if reruns > 0 { d.evidence.append(Evidence(path: path, line: elementLine, text: "failed again in \(reruns) rerun\(reruns == 1 ? "" : "s")")) }
    return test
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
