import Foundation

/// Recognizers for the kinds of line pytest writes to the console.
enum PytestLines {
  static let statusWords: [(String, TestStatus)] = [
    ("PASSED", .passed), ("FAILED", .failed), ("ERROR", .error), ("SKIPPED", .skipped),
    ("XFAIL", .xfailed), ("XPASS", .xpassed),
    // pytest-rerunfailures: a failed attempt that is run again; a later PASSED keeps it flaky.
    ("RERUN", .flaky),
  ]

  /// The title of a separator line (`==== FAILURES ====` → ("=", "FAILURES")); nil otherwise.
  static func separator(_ line: Substring) -> (char: Character, title: String)? {
    // Bytes, not Characters: this runs on every line of a million-test log.
    let u = line.utf8
    guard let b = u.first, b == UInt8(ascii: "=") || b == UInt8(ascii: "_") || b == UInt8(ascii: "-") || b == UInt8(ascii: "!"),
      u.count >= 7
    else { return nil }
    let c = Character(Unicode.Scalar(b))
    var end = u.endIndex
    while end > u.startIndex, u[u.index(before: end)] == b { end = u.index(before: end) }
    guard end < u.endIndex else { return nil }
    guard end > u.startIndex else { return (c, "") }
    var start = u.startIndex
    while start < end, u[start] == b { start = u.index(after: start) }
    // At least one fill byte on each side, then ` title `.
    let space = UInt8(ascii: " ")
    guard start > u.startIndex, u[start] == space, u[u.index(before: end)] == space else { return nil }
    let title = start == u.index(before: end) ? line[start..<start] : line[u.index(after: start)..<u.index(before: end)]
    // `_ _ _ _` traceback separators are lines of "_ " pairs, not titles.
    if c == "_" && title.utf8.allSatisfy({ $0 == b || $0 == space }) { return nil }
    return (c, String(title))
  }

  /// `tests/a.py::T::t[x y] PASSED [ 10%]`, `[gw0] [ 10%] PASSED tests/a.py::t`, or a node id alone
  /// (its outcome printed on a later line when the test writes to stdout).
  /// (The session reads a log's result lines through `PytestVerboseBytes.read` itself.)
  static func verbose(_ line: Substring) -> (id: String, status: TestStatus?, reason: String?)? {
    if let answer = PytestVerboseBytes.verbose(line) { return answer.map { (String($0.id), $0.status, $0.reason) } }
    return verboseByCharacters(line)
  }

  /// `verbose` read by Characters: every line the byte path leaves (non-ASCII, xdist's `[gw0]`).
  static func verboseByCharacters(_ line: Substring) -> (id: String, status: TestStatus?, reason: String?)? {
    var rest = line
    if rest.utf8HasPrefix("[gw") {
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
      // Windows runners print `tests\test_x.py ..F`; node ids use `/`: one spelling for both.
      return (file.contains("\\") ? file.replacingOccurrences(of: "\\", with: "/") : String(file), chars)
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
    let u = s.utf8
    var i = u.startIndex
    while i < u.endIndex {
      let c = u[i]
      if c == UInt8(ascii: "[") {
        depth += 1
      } else if c == UInt8(ascii: "]") {
        depth -= 1
      } else if c == 0x20 && depth <= 0 {
        return s[..<i]
      }
      i = u.index(after: i)
    }
    return s.isEmpty ? nil : s
  }

  /// `path.py::name...` or a module path `path.py` (collection errors).
  static func looksLikeNodeID(_ s: Substring) -> Bool {
    let u = s.utf8
    guard let first = u.first, first != UInt8(ascii: "-"), first != UInt8(ascii: "="), first != UInt8(ascii: "[") else { return false }
    // The path part: up to the first "::" (or the whole id).
    var i = u.startIndex
    var pathEnd = u.endIndex
    var sawColons = false
    while i < u.endIndex {
      let c = u[i]
      if c == UInt8(ascii: ":") {
        let n = u.index(after: i)
        if n < u.endIndex && u[n] == UInt8(ascii: ":") { pathEnd = i; sawColons = true; break }
      }
      if c == 0x20 && !sawColons { return false }
      i = u.index(after: i)
    }
    let path = s[..<pathEnd]
    if sawColons { return path.utf8.count > 3 && path.utf8Contains(".py") }
    return path.utf8.count > 3 && path.utf8.suffix(3).elementsEqual(".py".utf8)
  }

  static func statusPrefix(_ s: Substring) -> (TestStatus, Substring)? {
    guard let first = s.utf8.first, first >= UInt8(ascii: "E"), first <= UInt8(ascii: "X") else { return nil }
    for (word, status) in statusWords where s.utf8.starts(with: word.utf8) {
      let after = s.utf8.dropFirst(word.utf8.count)
      if after.isEmpty || after.first == 0x20 { return (status, Substring(after)) }
    }
    return nil
  }

  /// `(reason text) [ 25%]` → "reason text".
  static func reason(_ s: Substring) -> String? {
    var u = s.utf8[...]
    while u.first == 0x20 { u = u.dropFirst() }
    guard u.first == UInt8(ascii: "(") else { return nil }
    if u.last == UInt8(ascii: "]"), let open = u.lastIndex(of: UInt8(ascii: "[")) { u = u[..<open] }
    while u.last == 0x20 { u = u.dropLast() }
    guard u.count >= 2, u.last == UInt8(ascii: ")") else { return nil }
    return String(Substring(u.dropFirst().dropLast()))
  }

  /// A location line of a traceback: `tests/a.py:12: AssertionError` → ("tests/a.py", 12, "AssertionError").
  static func location(_ line: Substring) -> (file: String, line: Int, type: String?)? {
    var bytes = line
    if let ascii = bytes.withUTF8({ locationASCII($0) }) { return ascii }
    return locationByCharacters(line)
  }

  /// `location` of an ASCII line, by bytes (a Character is a byte there, and Foundation's
  /// searches find what a byte search finds); nil: not ASCII, left to the Character path.
  static func locationASCII(_ p: UnsafeBufferPointer<UInt8>) -> (file: String, line: Int, type: String?)?? {
    guard p.isASCII else { return nil }
    guard let first = p.first, first != UInt8(ascii: " "), first != UInt8(ascii: "E"), first != UInt8(ascii: ">"),
      let c1 = p.firstIndex(of: UInt8(ascii: ":"))
    else { return .some(nil) }
    let file = UnsafeBufferPointer(rebasing: p[..<c1])
    let hasSpace = file.contains(UInt8(ascii: " "))
    guard !hasSpace || (c1 >= 3 && p.has(".py", at: c1 - 3)), file.contains(UInt8(ascii: ".")) else { return .some(nil) }
    guard let c2 = p[(c1 + 1)...].firstIndex(of: UInt8(ascii: ":")),
      let n = Int(String(decoding: UnsafeBufferPointer(rebasing: p[(c1 + 1)..<c2]), as: UTF8.self))
    else { return .some(nil) }
    var start = c2 + 1
    var end = p.count
    while start < end && (p[start] == 0x20 || p[start] == 0x09) { start += 1 }
    while end > start && (p[end - 1] == 0x20 || p[end - 1] == 0x09) { end -= 1 }
    let type = UnsafeBufferPointer(rebasing: p[start..<end])
    let word = type.isEmpty || type.contains(UInt8(ascii: " ")) ? nil : String(decoding: type, as: UTF8.self)
    return .some((String(decoding: file, as: UTF8.self), n, word))
  }

  /// `location` by Characters, for lines that are not ASCII.
  static func locationByCharacters(_ line: Substring) -> (file: String, line: Int, type: String?)? {
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

extension PytestLines {
  /// `  File "src/x.py", line 12, in test_y` → ("src/x.py", 12).
  static func nativeFrame(_ s: Substring) -> (file: String, line: Int)? {
    guard s.hasPrefix("  File \""), let close = s.dropFirst(8).firstIndex(of: "\"") else { return nil }
    let file = s[s.index(s.startIndex, offsetBy: 8)..<close]
    let rest = s[s.index(after: close)...]
    guard rest.hasPrefix(", line ") else { return nil }
    let digits = rest.dropFirst(7).prefix { $0.isASCII && $0.isNumber }
    guard let n = Int(digits) else { return nil }
    return (file.contains("\\") ? file.replacingOccurrences(of: "\\", with: "/") : String(file), n)
  }

  /// Whether an unindented line is the exception a traceback ends with: `pkg.mod.Error: text`
  /// or a bare `Error`.
  static func exceptionLine(_ s: Substring) -> Bool {
    let name = s.prefix { $0 != ":" }
    guard let first = name.first, first.isLetter || first == "_", name.count < 120 else { return false }
    guard name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }) else { return false }
    return name.count == s.count || s[name.endIndex...].hasPrefix(": ") || s[name.endIndex...] == ":"
  }
}

extension Substring {
  func trimmingSuffix(_ c: Character) -> Substring {
    guard let b = c.asciiValue else {
      var s = self
      while s.last == c { s = s.dropLast() }
      return s
    }
    var end = utf8.endIndex
    while end > utf8.startIndex, utf8[utf8.index(before: end)] == b { end = utf8.index(before: end) }
    return self[..<end]
  }
}
