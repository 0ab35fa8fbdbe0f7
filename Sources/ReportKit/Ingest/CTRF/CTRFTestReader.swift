import Foundation

/// Turns the tests of a CTRF report into `TestResult`s: id, status, details and evidence.
///
/// - **Id**: a name that already holds `::` is a pytest node id (pytest-json-ctrf writes them, and
///   so does `report`'s own CTRF), kept as it is, so the tests merge with the same run's pytest
///   console and JUnit XML. Otherwise the id is the suite path joined by `::`, then the name
///   (`App.test.ts::Header::renders the logo`); without a suite, the file path; else the name.
/// - **Status**: `passed` (flaky when `flaky` is true or it passed after retries; `rawStatus`
///   `xpassed` is xpassed), `failed` (an error when `rawStatus` says `error` or a setup, teardown
///   or collection failure: pytest-json-ctrf writes `setup_failed`, `report` `setup_error`), `skipped` (`rawStatus`
///   `xfailed` is xfailed), `pending` is skipped (declared, not run: `test.todo`, `it.skip`), and
///   `other` (or any unknown status) is an error: an outcome that is neither pass nor fail proved
///   nothing, and counting it as skipped would make the run look greener than it is.
struct CTRFTestReader {
  let outline: JSONOutline
  let path: String
  private(set) var tests: [TestResult] = []
  private(set) var warnings: [Diagnostic] = []
  /// `[path]`, one array shared by every test of the file.
  private let sources: [String]
  private var groups = GroupInterner()
  private var prefixes = Interner()
  private var names = NameArena()

  init(outline: JSONOutline, path: String) {
    self.outline = outline
    self.path = path
    sources = [path]
  }

  /// Reads the test at `item`; one that does not decode is a warning naming its line.
  mutating func read(_ item: JSONOutline.Value) {
    guard item.kind == UInt8(ascii: "{") else {
      warnings.append(Diagnostic(path: path, line: item.line, message: "a CTRF test must be an object; skipped"))
      return
    }
    do {
      let t = try outline.decodeOrThrow(CTRFSchema.Test.self, item)
      tests.append(result(t, item))
    } catch {
      warnings.append(Diagnostic(path: path, line: item.line, message: "CTRF test not read (\(Self.why(error))); skipped"))
    }
  }

  private mutating func result(_ t: CTRFSchema.Test, _ item: JSONOutline.Value) -> TestResult {
    let name = Redactor.redact(t.name)
    let suite = (t.suite ?? []).map(Redactor.redact).filter { !$0.isEmpty }
    let (prefix, own) = Self.idParts(name: name, suite: suite, file: t.filePath)
    let (status, phase) = Self.status(t)
    let shared = prefixes(prefix)
    var test = TestResult(
      group: groups(shared, prefixes(shared.hasSuffix("::") ? String(shared.dropLast(2)) : shared)), name: own[...], in: &names,
      status: status, phase: phase,
      durationSeconds: t.duration.flatMap { $0.isFinite && $0 >= 0 ? $0 / 1000 : nil })
    // A flaky test passed in the end: why it failed first is in its last failed attempt.
    let failedAttempt = status == .flaky ? t.retryAttempts?.last { $0.status?.lowercased() == "failed" } : nil
    let message = (t.message ?? failedAttempt?.message).map(Redactor.redact).flatMap { $0.isEmpty ? nil : $0 }
    let output = Self.output(t)
    let keepOutput = output.map { status != .passed || PassingOutput.worthKeeping($0) } ?? false
    guard status != .passed || keepOutput else { return test }
    let d = test.detailsForWriting()
    d.sources = sources
    d.file = t.filePath
    let trace = (t.trace ?? failedAttempt?.trace).map(Redactor.redact).flatMap { $0.isEmpty ? nil : $0 }
    if let line = t.line {
      d.line = line
      d.lineIsDefinition = true
    } else if let file = t.filePath, let trace, let line = Self.line(of: file, in: trace) {
      d.line = line
    }
    if keepOutput, let output {
      d.output = Excerpt.keep(output, head: 2048, tail: 2048)
      d.outputLine = item.line
    }
    // Cite the line of the test's message, else the line the test starts on.
    let keys = status == .passed ? [] : outline.members(of: item).members
    let messageLine = keys.first { $0.key == "message" }?.line ?? item.line
    switch status {
    case .failed, .error, .flaky:
      d.message = message.map { Excerpt.keep($0, head: 2048, tail: 0) }
      d.exceptionType = t.extra?.exceptionType ?? message.flatMap(Self.exceptionType)
      d.detail = trace.map { Excerpt.keep($0, head: 1024, tail: 3072) }
      let shown = message ?? trace.map { Excerpt.line($0) } ?? "status \"\(t.status)\"" + (t.rawStatus.map { " (\($0))" } ?? "")
      d.evidence = [Evidence(path: path, line: messageLine, text: Excerpt.line(shown))]
      if let retries = t.retries, retries > 0 {
        let what =
          status == .flaky
          ? "passed after \(retries) retr\(retries == 1 ? "y" : "ies")" : "failed again in \(retries) retr\(retries == 1 ? "y" : "ies")"
        d.evidence.append(Evidence(path: path, line: keys.first { $0.key == "retries" }?.line ?? item.line, text: what))
      }
    case .skipped, .xfailed:
      d.skipReason = message
      d.evidence = [Evidence(path: path, line: messageLine, text: Excerpt.line(message ?? t.status))]
    default:
      break
    }
    return test
  }

  /// The id as prefix and own name (see the type's comment).
  static func idParts(name: String, suite: [String], file: String?) -> (String, String) {
    if name.utf8Contains("::") {
      let (p, n) = TestID.split(name)
      return (String(p), String(n))
    }
    if !suite.isEmpty { return (suite.joined(separator: "::") + "::", name) }
    if let file, !file.isEmpty { return (file + "::", name) }
    return ("", name)
  }

  /// The outcome and, for failures, the phase it stopped in.
  static func status(_ t: CTRFSchema.Test) -> (TestStatus, Phase?) {
    let raw = t.rawStatus?.lowercased() ?? ""
    switch t.status.lowercased() {
    case "passed":
      if raw == "xpassed" { return (.xpassed, nil) }
      let retried = (t.retries ?? 0) > 0 || (t.retryAttempts ?? []).contains { $0.status?.lowercased() == "failed" }
      return (t.flaky == true || retried ? .flaky : .passed, nil)
    case "failed":
      if raw.hasPrefix("setup") { return (.error, .setup) }
      if raw.hasPrefix("teardown") { return (.error, .teardown) }
      if raw.hasPrefix("collection") { return (.error, .collection) }
      if raw == "error" || raw.hasSuffix("_error") || raw == "errored" || raw == "broken" { return (.error, .call) }
      return (.failed, .call)
    case "skipped":
      return (raw == "xfailed" ? .xfailed : .skipped, nil)
    case "pending":
      return (.skipped, nil)
    default:
      return (.error, .call)
    }
  }

  /// stdout and stderr, redacted, or nil when there is none.
  private static func output(_ t: CTRFSchema.Test) -> String? {
    let lines = (t.stdout ?? []) + (t.stderr ?? [])
    guard !lines.isEmpty else { return nil }
    let text = Redactor.redact(lines.joined(separator: "\n"))
    return text.allSatisfy(\.isWhitespace) ? nil : text
  }

  /// `requests.exceptions.HTTPError` of `requests.exceptions.HTTPError: 503 ...`, `TypeError` of
  /// `TypeError: x is undefined`; nil when the message does not open with a type.
  static func exceptionType(_ message: String) -> String? {
    guard let colon = message.firstIndex(of: ":") else { return nil }
    let t = message[..<colon]
    guard let first = t.first, first.isLetter, t.count <= 120 else { return nil }
    return t.allSatisfy { $0.isLetter || $0.isNumber || $0 == "." || $0 == "_" } ? String(t) : nil
  }

  /// The line of the last frame of `file` in a trace: `test_api.py:31: in test_x` (Python),
  /// `(src/App.test.ts:12:5)` (JavaScript). Where the test failed, when CTRF gave no line.
  static func line(of file: String, in trace: String) -> Int? {
    let name = file.split(separator: "/").last.map(String.init) ?? file
    var found: Int?
    for raw in trace.split(separator: "\n") {
      var rest = raw[...]
      while let r = rest.range(of: name + ":") {
        // The file name must stand alone: `a/test_x.py:3`, not `other_test_x.py:3`.
        let before = r.lowerBound > raw.startIndex ? raw[raw.index(before: r.lowerBound)] : " "
        let digits = raw[r.upperBound...].prefix { $0.isASCII && $0.isNumber }
        if !(before.isLetter || before.isNumber || before == "_" || before == "-" || before == "."), let n = Int(digits), n > 0 {
          found = n
        }
        rest = raw[r.upperBound...]
      }
    }
    return found
  }

  private static func why(_ error: Error) -> String {
    switch error {
    case DecodingError.keyNotFound(let key, _): "no \"\(key.stringValue)\""
    case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
      "\"\(context.codingPath.map(\.stringValue).joined(separator: "."))\" has the wrong type"
    case DecodingError.dataCorrupted: "not valid JSON"
    default: "\(error)"
    }
  }
}

extension JSONOutline {
  /// The value decoded as `T`; throws the decoder's error.
  func decodeOrThrow<T: Decodable>(_ type: T.Type, _ value: Value) throws -> T {
    try JSONDecoder().decode(T.self, from: Data(bytes[value.range]))
  }
}
