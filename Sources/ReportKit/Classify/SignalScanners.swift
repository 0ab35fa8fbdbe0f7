/// Byte scanners that find in ASCII text the captures of two signal patterns, as ICU does (each
/// a `Pattern`'s `asciiCaptures`): the gRPC status and the errno values. Every failure of a run
/// that names a gRPC word (`unavailable`, `internal`, `unknown` are plain English) or errno went
/// through ICU for them: 2.7% of a JUnit 1M build.
///
/// In ASCII text the case-insensitive expressions are exact byte rules: letters fold by `| 0x20`,
/// `\d` is `0`-`9`, and `\b` before a word character means no `[A-Za-z0-9_]` before it. Matches
/// are found as ICU finds them: leftmost first, the alternatives in their order, the next search
/// from the end of a match. Every quantifier here is followed by a byte it cannot take, so the
/// greedy run is the only one that can match (no backtracking to model). `RuleTests` holds each
/// against its expression on random texts.
enum SignalScanners {
  /// `StatusCode\.([A-Z_]+)|\bcode = ([A-Za-z]+) desc|\b\d{1,2} ([A-Z_]{5,}):|`
  /// `StatusRuntimeException: ([A-Z_]+)|\bgRPC (?:status|error)[: ]+([A-Z_]{5,})`
  @Sendable static func grpc(_ p: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
    scan(p) { p, i in
      let c = p[i] | 0x20
      let boundary = i == 0 || !isWord(p[i - 1])
      if c == UInt8(ascii: "s") {
        if let j = literal(p, i, "statuscode."), let k = letters(p, j, underscore: true, atLeast: 1) { return (j..<k, k) }
        if let j = literal(p, i, "statusruntimeexception: "), let k = letters(p, j, underscore: true, atLeast: 1) { return (j..<k, k) }
      } else if c == UInt8(ascii: "c") && boundary {
        if let j = literal(p, i, "code = "), let k = letters(p, j, underscore: false, atLeast: 1), let end = literal(p, k, " desc") {
          return (j..<k, end)
        }
      } else if isDigit(p[i]) && boundary {
        var j = i + 1
        if j < p.count && isDigit(p[j]) { j += 1 }
        if j < p.count && p[j] == UInt8(ascii: " "), let k = letters(p, j + 1, underscore: true, atLeast: 5), k < p.count,
          p[k] == UInt8(ascii: ":")
        {
          return ((j + 1)..<k, k + 1)
        }
      } else if c == UInt8(ascii: "g") && boundary, let j = literal(p, i, "grpc "),
        let w = literal(p, j, "status") ?? literal(p, j, "error")
      {
        var k = w
        while k < p.count && (p[k] == UInt8(ascii: ":") || p[k] == UInt8(ascii: " ")) { k += 1 }
        if k > w, let end = letters(p, k, underscore: true, atLeast: 5) { return (k..<end, end) }
      }
      return nil
    }
  }

  /// `\[Errno (-?\d+)\]|\berrno[ :=]*(-?\d+)|\[WinError (\d+)\]`
  @Sendable static func errno(_ p: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
    scan(p) { p, i in
      if p[i] == UInt8(ascii: "[") {
        if let j = literal(p, i + 1, "errno "), let k = number(p, j, signed: true), k < p.count, p[k] == UInt8(ascii: "]") {
          return (j..<k, k + 1)
        }
        if let j = literal(p, i + 1, "winerror "), let k = number(p, j, signed: false), k < p.count, p[k] == UInt8(ascii: "]") {
          return (j..<k, k + 1)
        }
      } else if p[i] | 0x20 == UInt8(ascii: "e"), i == 0 || !isWord(p[i - 1]), var j = literal(p, i, "errno") {
        while j < p.count && (p[j] == UInt8(ascii: " ") || p[j] == UInt8(ascii: ":") || p[j] == UInt8(ascii: "=")) { j += 1 }
        if let k = number(p, j, signed: true) { return (j..<k, k) }
      }
      return nil
    }
  }

  /// Every match from left to right: `match` at each position gives the capture and the match's
  /// end, or nil; the next search starts at that end.
  private static func scan(
    _ p: UnsafeBufferPointer<UInt8>, _ match: (UnsafeBufferPointer<UInt8>, Int) -> (capture: Range<Int>, end: Int)?
  ) -> [Range<Int>] {
    var out: [Range<Int>] = []
    var i = 0
    while i < p.count {
      if let m = match(p, i) {
        out.append(m.capture)
        i = m.end
      } else {
        i += 1
      }
    }
    return out
  }

  /// The end of `word` (lower-case ASCII) at `i`, any case in the text; nil when it is not there.
  private static func literal(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ word: StaticString) -> Int? {
    p.hasLowercased(word, at: i) ? i + word.utf8CodeUnitCount : nil
  }

  /// The end of the longest run of letters (and `_` with `underscore`) from `i`, when it is at
  /// least `atLeast` long.
  private static func letters(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, underscore: Bool, atLeast: Int) -> Int? {
    var k = i
    while k < p.count && (isLetter(p[k]) || (underscore && p[k] == UInt8(ascii: "_"))) { k += 1 }
    return k - i >= atLeast ? k : nil
  }

  /// The end of `-?\d+` (or `\d+`) from `i`.
  private static func number(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, signed: Bool) -> Int? {
    var k = i
    if signed && k < p.count && p[k] == UInt8(ascii: "-") { k += 1 }
    let digits = k
    while k < p.count && isDigit(p[k]) { k += 1 }
    return k > digits ? k : nil
  }

  private static func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
  private static func isLetter(_ c: UInt8) -> Bool { c | 0x20 >= 97 && c | 0x20 <= 122 }
  private static func isWord(_ c: UInt8) -> Bool { isLetter(c) || isDigit(c) || c == UInt8(ascii: "_") }
}
