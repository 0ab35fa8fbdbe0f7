import Foundation

/// Turns the raw lines of a curl log into `CurlEvent`s: markers recognized, trace blocks
/// rejoined or decoded, everything redacted before it leaves.
struct CurlLineReader {
  let path: String
  private var block: CurlTraceBlock?

  init(path: String) { self.path = path }

  /// Reads one raw line; calls `emit` for each event it completes.
  mutating func read(_ raw: String, line: Int, emit: (CurlEvent) -> Void) {
    let s = raw[...]
    if block != nil {
      if block!.add(s, number: line) { return }
      flush(emit)
    }
    if let b = CurlTraceBlock(s) { block = b; return }
    if s.hasPrefix("== Info: ") { return info(String(s.dropFirst(9)), raw, line, emit) }
    if s.hasPrefix("* ") || s.hasPrefix("*  ") { return info(String(s.dropFirst(2)), raw, line, emit) }
    if s.hasPrefix("> ") || s == ">" { return event(.requestHeader, String(s.dropFirst(2)), raw, line, emit) }
    if s.hasPrefix("< ") || s == "<" { return event(.responseHeader, String(s.dropFirst(2)), raw, line, emit) }
    if s.hasPrefix("{ [") || s.hasPrefix("} [") { return }
    if let r = s.range(of: "curl: ("), let close = s[r.upperBound...].firstIndex(of: ")"),
      let code = Int(s[r.upperBound..<close])
    {
      let message = s[s.index(after: close)...].drop { $0 == " " }
      return event(.curlError(code), String(message), raw, line, emit)
    }
    if Self.isCommand(s) { return event(.command, String(s), raw, line, emit) }
    if s.first == "{", s.last == "}", s.contains("\"time_total\"") || s.contains("\"http_code\"") {
      if let object = JSONScan.object(String(s)) {
        return event(.writeOut(object), String(s), raw, line, emit)
      }
    }
    if let (key, value) = Self.variable(s) { return event(.variable(key, value), String(s), raw, line, emit) }
    // A body without a final newline glues the next `set -x` echo to it: `{...}+ curl -sS ...`.
    if let glued = s.range(of: "+ curl "), glued.lowerBound > s.startIndex {
      event(.body, String(s[..<glued.lowerBound]), raw, line, emit)
      return event(.command, String(s[glued.lowerBound...]), raw, line, emit)
    }
    event(.body, String(s), raw, line, emit)
  }

  mutating func finish(emit: (CurlEvent) -> Void) { flush(emit) }

  private mutating func flush(_ emit: (CurlEvent) -> Void) {
    guard let b = block else { return }
    block = nil
    let kind: CurlEvent.Kind
    switch b.direction {
    case .requestHeader: kind = .requestHeader
    case .responseHeader: kind = .responseHeader
    case .responseData: kind = .body
    case .ignored: return
    }
    for (text, line) in b.lines() {
      let clean = Redactor.redact(text)
      let marker = kind.isRequest ? "> " : kind.isResponse ? "< " : ""
      emit(CurlEvent(kind: kind, text: clean, line: line, evidenceText: marker + clean))
    }
  }

  private func info(_ text: String, _ raw: String, _ line: Int, _ emit: (CurlEvent) -> Void) {
    event(.info, text.trimmingCharacters(in: .whitespaces), raw, line, emit)
  }

  private func event(_ kind: CurlEvent.Kind, _ text: String, _ raw: String, _ line: Int, _ emit: (CurlEvent) -> Void) {
    let clean = Redactor.redact(text)
    emit(CurlEvent(kind: kind, text: clean, line: line, evidenceText: Excerpt.line(Redactor.redact(raw))))
  }

  /// A shell-echoed curl command: `+ curl ...`, `$ curl ...`, `curl -v ...`.
  static func isCommand(_ s: Substring) -> Bool {
    let t = s.drop { $0 == "+" || $0 == "$" || $0 == " " }
    return t.hasPrefix("curl ") && (t.contains("://") || t.contains(" -"))
  }

  static let variables: Set<String> = [
    "time_namelookup", "time_connect", "time_appconnect", "time_pretransfer", "time_starttransfer",
    "time_redirect", "time_total", "http_code", "response_code", "url_effective", "exitcode", "errormsg",
    "remote_ip", "size_download", "method",
  ]

  /// `time_total: 0.123` or `time_total=0.123`, for curl's own variable names only.
  static func variable(_ s: Substring) -> (String, String)? {
    guard let sep = s.firstIndex(where: { $0 == ":" || $0 == "=" }) else { return nil }
    let key = s[..<sep].trimmingCharacters(in: .whitespaces)
    guard variables.contains(key) else { return nil }
    let value = s[s.index(after: sep)...].trimmingCharacters(in: .whitespaces)
    return (key, value.hasSuffix("s") && key.hasPrefix("time_") ? String(value.dropLast()) : value)
  }
}

extension CurlEvent.Kind {
  var isRequest: Bool { if case .requestHeader = self { true } else { false } }
  var isResponse: Bool { if case .responseHeader = self { true } else { false } }
}
