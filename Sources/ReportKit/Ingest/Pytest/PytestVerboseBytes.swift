/// `PytestLines.verbose` for an all-ASCII line, read as bytes in place: a million `-v` result
/// lines are read without a Character, an index walk or a String per field.
///
/// For ASCII text a Character is one byte (a line holds no CR or LF), so every step of the
/// Character path has its byte twin here; a line with any other byte, or xdist's `[gw0]` form,
/// is left to that path (nil). `PytestVerboseBytesTests` holds the two side by side.
enum PytestVerboseBytes {
  /// What the line says: nil when the byte path does not decide (not ASCII, `[gw`), else the
  /// answer the Character path gives (itself nil for a line that is no verbose result).
  /// `cut` is where the id splits into prefix and name (`TestID.split`'s, as a UTF-8 offset).
  /// The id is a slice of `line` (no String made per test: a million `-v` lines made a million).
  static func verbose(_ line: Substring) -> (id: Substring, status: TestStatus?, reason: String?, cut: Int)?? {
    var copy = line
    let found = copy.withUTF8 { p -> (id: Range<Int>, status: TestStatus?, reason: String?, cut: Int)?? in
      guard let parts = read(p) else { return nil }
      guard let parts = parts else { return .some(nil) }
      let reason = parts.reason.map { String(decoding: UnsafeBufferPointer(rebasing: p[$0]), as: UTF8.self) }
      return .some((parts.id, parts.status, reason, parts.cut))
    }
    guard let found else { return nil }
    guard let found else { return .some(nil) }
    let u = line.utf8
    let start = u.index(u.startIndex, offsetBy: found.id.lowerBound)
    let end = u.index(start, offsetBy: found.id.count)
    return .some((line[start..<end], found.status, found.reason, found.cut))
  }

  /// The ranges of the id and the reason, the status (nil: the id stands alone), and where the
  /// id's name begins (0: it has no prefix).
  typealias Parts = (id: Range<Int>, status: TestStatus?, reason: Range<Int>?, cut: Int)

  static func read(_ p: UnsafeBufferPointer<UInt8>) -> Parts?? {
    guard p.isASCII else { return nil }
    let n = p.count
    let space = UInt8(ascii: " ")
    if n >= 3, p[0] == UInt8(ascii: "["), p[1] == UInt8(ascii: "g"), p[2] == UInt8(ascii: "w") { return nil }
    // The node id: up to the first space outside brackets (`PytestLines.nodeID`); in the same
    // pass, its last `::` outside brackets (`TestID.split`, whose depth never goes below 0, and
    // which steps over the second `:` of a pair).
    var depth = 0
    var splitDepth = 0
    var cut = 0
    var idEnd = n
    var i = 0
    while i < n {
      // Only brackets, a space and a colon change anything here: straight to the next one.
      i = p.firstIndex(ofAny: UInt8(ascii: "["), UInt8(ascii: "]"), space, UInt8(ascii: ":"), from: i)
      guard i < n else { break }
      let c = p[i]
      if c == UInt8(ascii: "[") {
        depth += 1
        splitDepth += 1
      } else if c == UInt8(ascii: "]") {
        depth -= 1
        splitDepth = max(0, splitDepth - 1)
      } else if c == space && depth <= 0 {
        idEnd = i
        break
      } else if splitDepth == 0 && c == UInt8(ascii: ":") && i + 1 < n && p[i + 1] == UInt8(ascii: ":") {
        cut = i + 2
        i += 1
      }
      i += 1
    }
    guard idEnd > 0, looksLikeNodeID(p, idEnd) else { return .some(nil) }
    i = idEnd
    while i < n && p[i] == space { i += 1 }
    if i == n { return .some((0..<idEnd, nil, nil, cut)) }
    guard let (status, after) = statusPrefix(p, i) else { return .some(nil) }
    return .some((0..<idEnd, status, reason(p, after), cut))
  }

  /// `PytestLines.looksLikeNodeID` on the id's bytes `0..<end`.
  static func looksLikeNodeID(_ p: UnsafeBufferPointer<UInt8>, _ end: Int) -> Bool {
    let first = p[0]
    guard first != UInt8(ascii: "-"), first != UInt8(ascii: "="), first != UInt8(ascii: "[") else { return false }
    var pathEnd = end
    var sawColons = false
    var i = 0
    while i < end {
      let c = p[i]
      if c == UInt8(ascii: ":") && i + 1 < end && p[i + 1] == UInt8(ascii: ":") { pathEnd = i; sawColons = true; break }
      if c == 0x20 { return false }
      i += 1
    }
    guard pathEnd > 3 else { return false }
    let path = UnsafeBufferPointer(rebasing: p[0..<pathEnd])
    return sawColons ? path.firstIndex(of: ".py") != nil : path.has(".py", at: pathEnd - 3)
  }

  /// `PytestLines.statusPrefix` at `i`: the status and where the text after its word begins.
  /// The words are `PytestLines.statusWords`, told apart by their first byte (no word is
  /// another's prefix, so the first that fits is the one that fits).
  static func statusPrefix(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> (TestStatus, Int)? {
    func word(_ w: StaticString, _ status: TestStatus) -> (TestStatus, Int)? {
      let after = i + w.utf8CodeUnitCount
      return p.has(w, at: i) && (after == p.count || p[after] == 0x20) ? (status, after) : nil
    }
    switch p[i] {
    case UInt8(ascii: "P"): return word("PASSED", .passed)
    case UInt8(ascii: "F"): return word("FAILED", .failed)
    case UInt8(ascii: "E"): return word("ERROR", .error)
    case UInt8(ascii: "S"): return word("SKIPPED", .skipped)
    case UInt8(ascii: "X"): return word("XFAIL", .xfailed) ?? word("XPASS", .xpassed)
    case UInt8(ascii: "R"): return word("RERUN", .flaky)
    default: return nil
    }
  }

  /// `PytestLines.reason` of the bytes from `start`: `(reason text) [ 25%]` → the text's range.
  static func reason(_ p: UnsafeBufferPointer<UInt8>, _ start: Int) -> Range<Int>? {
    var from = start
    var to = p.count
    while from < to && p[from] == 0x20 { from += 1 }
    guard from < to, p[from] == UInt8(ascii: "(") else { return nil }
    if p[to - 1] == UInt8(ascii: "]") {
      var k = to - 1
      while k >= from && p[k] != UInt8(ascii: "[") { k -= 1 }
      if k >= from { to = k }
    }
    while to > from && p[to - 1] == 0x20 { to -= 1 }
    guard to - from >= 2, p[to - 1] == UInt8(ascii: ")") else { return nil }
    return (from + 1)..<(to - 1)
  }
}
