/// Decides whether a number in a failure text sits inside data the test compared rather than in
/// what a service answered: `assert [('httpx', 20, '... HTTP/1.1 301 ...')] == [...]` compares log
/// records, `assert 'HTTP/1.1 301' in caplog.text` looks for an expected string, and pytest's
/// `Full diff:` / `At index 0 diff:` lines restate compared values. A status there is not a response.
enum ComparedData {
  /// Whether the byte at `p` is inside compared data (see the type's summary).
  static func contains(_ b: [UInt8], at p: Int) -> Bool {
    var start = p
    while start > 0 && b[start - 1] != 10 { start -= 1 }
    let line = trimmed(b, from: start)
    if explanation.contains(where: { starts(b, line, $0) }) { return true }
    if inDiffBlock(b, before: start) && !containsWhere(b, from: line, to: p) { return true }
    var a = line
    if starts(b, a, "AssertionError: ") { a += 16 }
    guard starts(b, a, "assert ") else { return false }
    return insideOperand(b, from: a + 7, to: p)
  }

  /// pytest's explanation lines under a failed comparison: they restate values.
  private static let explanation: [[UInt8]] = [
    "Full diff:", "At index ", "Left contains ", "Right contains ", "Differing items:", "Extra items in the ", "Omitting ",
    "Matching attributes:", "Differing attributes:", "Drill down into differing attribute", "Common items:",
    "Items in the first set", "Items in the second set", "Use -v to get", "...Full output truncated",
  ].map { Array($0.utf8) }

  /// Whether an earlier line opens a diff (`Full diff:`): the lines after it are compared values.
  private static func inDiffBlock(_ b: [UInt8], before lineStart: Int) -> Bool {
    guard lineStart > 0 else { return false }
    var i = 0
    while i < lineStart {
      let t = trimmed(b, from: i)
      if starts(b, t, "Full diff:") || starts(b, t, "Differing items:") { return true }
      while i < lineStart && b[i] != 10 { i += 1 }
      i += 1
    }
    return false
  }

  /// pytest's `+  where 404 = <Response [404]>.status_code` names the actual value: never data.
  private static func containsWhere(_ b: [UInt8], from: Int, to: Int) -> Bool {
    let w = Array("where ".utf8)
    guard to - from >= w.count else { return false }
    for i in from...(to - w.count) where b[i..<(i + w.count)].elementsEqual(w) { return true }
    return false
  }

  /// In `assert LEFT OP RIGHT`: whether `p` is inside a list, tuple or dict literal (outside
  /// quotes), or in the needle of `X in Y` (the text the test looked for, not what it got).
  private static func insideOperand(_ b: [UInt8], from s: Int, to p: Int) -> Bool {
    let response = Array("Response ".utf8)
    var depth = 0
    var depthAtP = 0
    var quotedAtP = false
    var quote: UInt8 = 0
    var i = s
    var firstOperator: (at: Int, isIn: Bool)?
    while i < b.count && b[i] != 10 {
      if i == p { (depthAtP, quotedAtP) = (depth, quote != 0) }
      let c = b[i]
      if quote != 0 {
        if c == 92 { i += 1 } else if c == quote { quote = 0 }
      } else {
        switch c {
        case 39, 34: quote = c
        case 40, 91, 123:
          // `<Response [404]>` is a repr of the response itself, not a literal.
          if !(c == 91 && i >= response.count && b[(i - response.count)..<i].elementsEqual(response)) { depth += 1 }
        case 41, 93, 125: depth = max(0, depth - 1)
        case 32 where depth == 0 && firstOperator == nil:
          if starts(b, i, " in ") || starts(b, i, " not in ") {
            firstOperator = (i, true)
          } else if starts(b, i, " == ") || starts(b, i, " != ") || starts(b, i, " is ") {
            firstOperator = (i, false)
          }
        default: break
        }
      }
      i += 1
    }
    if depthAtP > 0 { return true }
    // `assert 503 in (200, 201)` tests the actual status; `assert '503' in body` looks for one.
    guard quotedAtP else { return false }
    // pytest's short summary cuts the line (`assert 'HTTP/1.1 301 Mo...`): a quote it never
    // closed is the left operand, what the test looked for.
    guard let op = firstOperator else { return quote != 0 }
    return op.isIn && p < op.at
  }

  private static func trimmed(_ b: [UInt8], from i: Int) -> Int {
    var j = i
    while j < b.count && (b[j] == 32 || b[j] == 9) { j += 1 }
    return j
  }

  private static func starts(_ b: [UInt8], _ i: Int, _ s: String) -> Bool { starts(b, i, Array(s.utf8)) }

  private static func starts(_ b: [UInt8], _ i: Int, _ u: [UInt8]) -> Bool {
    i + u.count <= b.count && b[i..<(i + u.count)].elementsEqual(u)
  }
}
