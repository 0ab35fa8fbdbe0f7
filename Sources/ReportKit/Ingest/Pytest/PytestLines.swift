import Foundation

/// Recognizers for the kinds of line pytest writes to the console.
enum PytestLines {
  static let statusWords: [(String, TestStatus)] = [
    ("PASSED", .passed), ("FAILED", .failed), ("ERROR", .error), ("SKIPPED", .skipped),
    ("XFAIL", .xfailed), ("XPASS", .xpassed),
  ]

  /// The title of a separator line (`==== FAILURES ====` → ("=", "FAILURES")); nil otherwise.
  static func separator(_ line: Substring) -> (char: Character, title: String)? {
    guard let c = line.first, c == "=" || c == "_" || c == "-" || c == "!", line.count >= 7 else { return nil }
    let trimmed = line.trimmingSuffix(c)
    guard trimmed.count < line.count, trimmed.count > 0 else {
      return line.allSatisfy({ $0 == c }) ? (c, "") : nil
    }
    var title = trimmed.drop { $0 == c }
    guard title.count < trimmed.count, title.first == " ", title.last == " " else { return nil }
    title = title.dropFirst().dropLast()
    // `_ _ _ _` traceback separators are lines of "_ " pairs, not titles.
    if c == "_" && title.allSatisfy({ $0 == "_" || $0 == " " }) { return nil }
    return (c, String(title))
  }

  /// `tests/a.py::T::t[x y] PASSED [ 10%]`, `[gw0] [ 10%] PASSED tests/a.py::t`, or a node id alone
  /// (its outcome printed on a later line when the test writes to stdout).
  static func verbose(_ line: Substring) -> (id: String, status: TestStatus?, reason: String?)? {
    var rest = line
    if rest.hasPrefix("[gw") {
      guard let close = rest.firstIndex(of: "]") else { return nil }
      rest = rest[rest.index(after: close)...].drop { $0 == " " }
      if rest.hasPrefix("["), let c = rest.firstIndex(of: "]") { rest = rest[rest.index(after: c)...].drop { $0 == " " } }
      guard let (status, after) = statusPrefix(rest) else { return nil }
      let id = nodeID(after.drop { $0 == " " })
      guard let id, looksLikeNodeID(id) else { return nil }
      return (String(id), status, nil)
    }
    guard let id = nodeID(rest), looksLikeNodeID(id) else { return nil }
    rest = rest[id.endIndex...]
    guard rest.first == " " || rest.isEmpty else { return nil }
    rest = rest.drop { $0 == " " }
    if rest.isEmpty { return (String(id), nil, nil) }
    guard let (status, after) = statusPrefix(rest) else { return nil }
    return (String(id), status, reason(after))
  }

  /// A line that is only an outcome word (`PASSED [ 50%]`), completing a pending verbose line.
  static func bareStatus(_ line: Substring) -> TestStatus? {
    guard let (status, after) = statusPrefix(line.drop { $0 == " " }) else { return nil }
    let tail = after.drop { $0 == " " }
    guard tail.isEmpty || tail.first == "[" || tail.first == "(" else { return nil }
    return status
  }

  /// `tests/a.py ..F.s [ 50%]` → ("tests/a.py", "..F.s"); a line of outcome letters alone → ("", chars).
  static func progress(_ line: Substring) -> (file: String, chars: Substring)? {
    var body = line
    if let open = body.lastIndex(of: "["), body.hasSuffix("%]") { body = body[..<open] }
    body = body.trimmingSuffix(" ")
    if let space = body.firstIndex(of: " ") {
      let file = body[..<space]
      guard file.hasSuffix(".py") || file.hasSuffix(".txt") || file.hasSuffix(".rst") else { return nil }
      let chars = body[space...].drop { $0 == " " }
      guard !chars.isEmpty, chars.allSatisfy(isOutcomeChar) else { return nil }
      return (String(file), chars)
    }
    guard !body.isEmpty, body.allSatisfy(isOutcomeChar) else { return nil }
    return ("", body)
  }

  static func isOutcomeChar(_ c: Character) -> Bool { ".FEsxXR".contains(c) }

  static func status(forChar c: Character) -> TestStatus? {
    switch c {
    case ".": .passed
    case "F": .failed
    case "E": .error
    case "s": .skipped
    case "x": .xfailed
    case "X": .xpassed
    default: nil
    }
  }

  /// A node id at the start of `s`: up to the first space outside brackets.
  static func nodeID(_ s: Substring) -> Substring? {
    var depth = 0
    for i in s.indices {
      let c = s[i]
      if c == "[" { depth += 1 } else if c == "]" { depth -= 1 } else if c == " " && depth <= 0 { return s[..<i] }
    }
    return s.isEmpty ? nil : s
  }

  static func looksLikeNodeID(_ s: Substring) -> Bool {
    guard let first = s.first, first != "-", first != "=", first != "[" else { return false }
    let path = s.split(separator: ":", maxSplits: 1).first ?? s
    return (s.contains("::") && path.contains(".py")) || (s.hasSuffix(".py") && !s.contains(" "))
  }

  static func statusPrefix(_ s: Substring) -> (TestStatus, Substring)? {
    for (word, status) in statusWords where s.hasPrefix(word) {
      let after = s.dropFirst(word.count)
      if after.isEmpty || after.first == " " { return (status, after) }
    }
    return nil
  }

  /// `(reason text) [ 25%]` → "reason text".
  static func reason(_ s: Substring) -> String? {
    var r = s.drop { $0 == " " }
    if let open = r.lastIndex(of: "["), r.hasSuffix("%]") { r = r[..<open].trimmingSuffix(" ") }
    guard r.first == "(", r.last == ")" else { return nil }
    return String(r.dropFirst().dropLast())
  }

  /// A location line of a traceback: `tests/a.py:12: AssertionError` → ("tests/a.py", 12, "AssertionError").
  static func location(_ line: Substring) -> (file: String, line: Int, type: String?)? {
    guard let first = line.first, first != " ", first != "E", first != ">" else { return nil }
    guard let c1 = line.firstIndex(of: ":") else { return nil }
    let file = line[..<c1]
    guard !file.contains(" ") || file.hasSuffix(".py"), file.contains(".") else { return nil }
    let afterFile = line[line.index(after: c1)...]
    guard let c2 = afterFile.firstIndex(of: ":"), let n = Int(afterFile[..<c2]) else { return nil }
    let type = afterFile[afterFile.index(after: c2)...].trimmingCharacters(in: .whitespaces)
    return (String(file), n, type.isEmpty || type.contains(" ") ? nil : type)
  }
}

extension Substring {
  func trimmingSuffix(_ c: Character) -> Substring {
    var s = self
    while s.last == c { s = s.dropLast() }
    return s
  }
}
