/// The versioned signature of a failure: category, exception type and its message with the
/// parts that vary between occurrences masked. Changing the rules below means a new version.
enum Signature {
  static let version = "sig/1"

  /// `category|exception|normalized first message line`.
  static func of(category: Category, exceptionType: String?, message: String, keep: Set<Int>) -> String {
    "\(category.rawValue)|\(exceptionType ?? "-")|\(normalize(firstLine(message), keep: keep))"
  }

  /// The first non-empty line of `message`, split at `\n` Characters (a CR LF pair is one
  /// Character, not a `\n`: it does not end a line here), read by bytes.
  static func firstLine(_ message: String) -> String {
    var text = message
    return text.withUTF8 { p in
      var start = 0
      while start < p.count && p[start] == 0x0A { start += 1 }
      var end = start
      while end < p.count && !(p[end] == 0x0A && p[end - 1] != 0x0D) { end += 1 }
      return String(decoding: UnsafeBufferPointer(rebasing: p[start..<end]), as: UTF8.self)
    }
  }

  /// The signature of a classified test: its first message line (or exception type).
  static func of(_ test: borrowing TestResult, category: Category, keep: Set<Int>) -> String {
    let d = test.details
    return of(category: category, exceptionType: d?.exceptionType, message: d?.message ?? d?.exceptionType ?? "(no message)", keep: keep)
  }

  /// A short, stable id: the first 12 hex digits of FNV-1a 64 over `sig/1:` + signature.
  static func clusterID(_ signature: String) -> String {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in (version + ":" + signature).utf8 {
      h ^= UInt64(b)
      h = h &* 0x100_0000_01b3
    }
    let hex = String(h, radix: 16)
    return String((String(repeating: "0", count: 16 - hex.count) + hex).prefix(12))
  }

  /// Masks ids, hex, uuids, base64 runs, timestamps, durations, addresses, ports, line numbers,
  /// temp paths and counts; keeps numbers in `keep` (HTTP status, close and exit codes, errno)
  /// and numbers that a word before them names as a code or status.
  /// `skipping: false` asks every byte what could begin there, and compares the word before a
  /// number as a String (a test holds the fast paths to that).
  static func normalize(_ text: String, keep: Set<Int>, skipping: Bool = true) -> String {
    text.withUTF8Bytes { normalize(Bytes(rebasing: $0.prefix(600)), keep: keep, skipping) }
  }

  /// The bytes a message is normalized from (its first 600), read in place.
  typealias Bytes = UnsafeBufferPointer<UInt8>

  private static func normalize(_ b: Bytes, keep: Set<Int>, _ skipping: Bool) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(b.count)
    var i = 0
    while i < b.count {
      // Only `/` (a temp path), a digit, or a letter that starts a word can begin a masked token
      // (`maskedShape` asks for a word start, then a hex digit, a digit or a letter).
      let c = b[i]
      if skipping && c != 47 && !isDigit(c) && !(isAlnum(c) && (i == 0 || !isAlnum(b[i - 1]))) {
        out.append(c)
        i += 1
        continue
      }
      if let m = maskedShape(b, i) ?? maskedNumber(b, i, keep: keep, skipping) {
        if let p = m.placeholder {
          out.append(contentsOf: UnsafeBufferPointer(start: p.utf8Start, count: p.utf8CodeUnitCount))
        } else {
          out.append(contentsOf: b[i..<m.end])
        }
        i = m.end
      } else {
        out.append(b[i])
        i += 1
      }
    }
    // Spaces and tabs trimmed from the bytes: ASCII bytes decode alone, whatever is around them.
    var lo = 0
    var hi = out.count
    while lo < hi && (out[lo] == 0x20 || out[lo] == 0x09) { lo += 1 }
    while hi > lo && (out[hi - 1] == 0x20 || out[hi - 1] == 0x09) { hi -= 1 }
    return String(decoding: out[lo..<hi], as: UTF8.self)
  }

  /// What stands for the token at a position (nil: the token itself, kept), and where the token
  /// ends. Placeholders are static text: masking allocates nothing.
  private typealias Masked = (placeholder: StaticString?, end: Int)

  private static func masked(_ placeholder: StaticString, _ end: Int) -> Masked { (placeholder, end) }

  /// Temp paths anywhere; at the start of a word: uuids, timestamps, `0x` literals, and long
  /// runs of hex or id characters.
  private static func maskedShape(_ b: Bytes, _ i: Int) -> Masked? {
    let c = b[i]
    // Temp paths: /tmp/..., /var/folders/..., pytest-of-x/... up to whitespace or a quote.
    if c == 47, let n = tempPathLength(b, i) { return masked("<tmp>", i + n) }
    guard i == 0 || !isAlnum(b[i - 1]) else { return nil }
    if let n = uuidLength(b, i) { return masked("<uuid>", i + n) }
    if let n = timestampLength(b, i) { return masked("<ts>", i + n) }
    if c == 48 && i + 2 < b.count && (b[i + 1] | 0x20) == 120 && isHex(b[i + 2]) {
      var j = i + 2
      while j < b.count && isHex(b[j]) { j += 1 }
      return masked("<hex>", j)
    }
    return isAlnum(c) ? maskedRun(b, i) : nil
  }

  /// A run of token characters from `i`: long mixed runs are hex or ids (base64 included).
  private static func maskedRun(_ b: Bytes, _ i: Int) -> Masked? {
    var j = i
    var digits = 0
    var letters = 0
    var allHex = true
    while j < b.count && (isAlnum(b[j]) || ((b[j] == 43 || b[j] == 47 || b[j] == 95 || b[j] == 45) && j > i)) {
      if isDigit(b[j]) { digits += 1 } else if isAlnum(b[j]) { letters += 1 }
      if !isHex(b[j]) { allHex = false }
      j += 1
    }
    let n = j - i
    if allHex && n >= 8 && digits > 0 && letters > 0 && isWholeToken(b, i, j) { return masked("<hex>", j) }
    guard n >= 20 && digits > 0 && letters > 0 && !b[i..<j].contains(47) else { return nil }
    while j < b.count && b[j] == 61 { j += 1 }  // base64 padding
    return masked("<id>", j)
  }

  /// A number from `i`: an address, a duration, a line number, a port, a kept code, or a count.
  private static func maskedNumber(_ b: Bytes, _ i: Int, keep: Set<Int>, _ skipping: Bool) -> Masked? {
    guard isDigit(b[i]) else { return nil }
    var j = i
    while j < b.count && isDigit(b[j]) { j += 1 }
    if let n = ipv4Length(b, i) { return masked("<ip>", i + n) }
    var end = j
    if end + 1 < b.count && b[end] == 46 && isDigit(b[end + 1]) {
      end += 1
      while end < b.count && isDigit(b[end]) { end += 1 }
    }
    let prev = PreviousWord(b, before: i, asString: !skipping)
    if let unit = durationUnitLength(b, end) { return masked("<dur>", end + unit) }
    if prev.is("line") || prev.is("lineno") || (i > 0 && b[i - 1] == 58 && sourceFile(b, i - 1)) { return masked("<line>", end) }
    if i > 0 && b[i - 1] == 58 && (prev.is("localhost") || prev.isEmpty || prev.namesAHost || prev.is("port")) || prev.is("port") {
      return masked("<port>", end)
    }
    if end == j, let v = digitsValue(b, i, j), keep.contains(v) || keepsNumberWords.contains(where: prev.is) {
      return (nil, j)
    }
    return masked("<n>", end)
  }

  /// `Int(String(decoding: b[i..<j]))` for a run of ASCII digits: up to 18 read in place (below
  /// 10^18, no overflow), longer ones as before (nil past Int.max).
  private static func digitsValue(_ b: Bytes, _ i: Int, _ j: Int) -> Int? {
    guard j - i <= 18 else { return Int(String(decoding: b[i..<j], as: UTF8.self)) }
    var v = 0
    for k in i..<j { v = v * 10 + Int(b[k] - 48) }
    return v
  }

  private static func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
  private static func isHex(_ c: UInt8) -> Bool { isDigit(c) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70) }
  private static func isAlnum(_ c: UInt8) -> Bool { isDigit(c) || (c | 0x20 >= 97 && c | 0x20 <= 122) }

  // MARK: - Token shapes

  /// Words after which a number is a code, kept as it is.
  private static let keepsNumberWords: [StaticString] = [
    "code", "status", "errno", "exit", "statuscode", "status_code", "winerror", "returncode", "exitcode",
  ]

  /// The word before a position, skipping spaces, `=`, `:` and quotes, compared in lower case:
  /// an ASCII word by its bytes in place, any other as the lower-cased String it was (Unicode's
  /// lower case and `==`, which no byte comparison is).
  private struct PreviousWord {
    let bytes: Slice<Bytes>
    let string: String?

    init(_ b: Bytes, before i: Int, asString: Bool) {
      var j = i - 1
      while j >= 0 && (b[j] == 32 || b[j] == 61 || b[j] == 58 || b[j] == 39 || b[j] == 34 || b[j] == 91) { j -= 1 }
      let end = j + 1
      var ascii = true
      while j >= 0
        && (b[j] >= 0x80 || b[j] == 95 || b[j] == 46 || b[j] == 45 || (b[j] | 0x20 >= 97 && b[j] | 0x20 <= 122)
          || (b[j] >= 48 && b[j] <= 57))
      {
        if b[j] >= 0x80 { ascii = false }
        j -= 1
      }
      bytes = b[(j + 1)..<end]
      string = asString || !ascii ? String(decoding: bytes, as: UTF8.self).lowercasedFast : nil
    }

    /// Whether the word, lower-cased, is `w` (lower-case ASCII).
    func `is`(_ w: StaticString) -> Bool {
      if let string { return string == String(describing: w) }
      guard bytes.count == w.utf8CodeUnitCount else { return false }
      var k = w.utf8Start
      for c in bytes {
        if c | (c >= 65 && c <= 90 ? 0x20 : 0) != k.pointee { return false }
        k += 1
      }
      return true
    }

    var isEmpty: Bool { bytes.isEmpty }

    /// A host name: it holds a dot, or is `host`.
    var namesAHost: Bool { (string.map { $0.contains(".") } ?? bytes.contains(46)) || self.is("host") }
  }

  private static func sourceFile(_ b: Bytes, _ colon: Int) -> Bool {
    sourceSuffixes.contains { s in colon >= s.count && b[(colon - s.count)..<colon].elementsEqual(s) }
  }

  private static let units = ["ms", "milliseconds", "seconds", "second", "secs", "sec", "s", "minutes", "min", "m", "h", "us", "µs", "ns"]
    .map { Array($0.utf8) }
  private static let tempPrefixes = ["/tmp/", "/var/folders/", "/private/var/", "/var/tmp/"].map { Array($0.utf8) }
  private static let sourceSuffixes = [".py", ".java", ".go", ".js", ".ts", ".rb", ".cs", ".kt", ".swift", ".php", ".rs"].map {
    Array($0.utf8)
  }

  private static func isWholeToken(_ b: Bytes, _ i: Int, _ j: Int) -> Bool { j >= b.count || !(b[j] >= 0x80) }

  private static func durationUnitLength(_ b: Bytes, _ i: Int) -> Int? {
    var j = i
    if j < b.count && b[j] == 32 { j += 1 }
    for u in units {
      guard j + u.count <= b.count, b[j..<(j + u.count)].elementsEqual(u) else { continue }
      let after = j + u.count
      if after < b.count, (b[after] | 0x20 >= 97 && b[after] | 0x20 <= 122) || (b[after] >= 48 && b[after] <= 57) { continue }
      // A bare `m`/`h`/`s` only right after the number (`5s`, not `5 s`).
      if u.count == 1 && j != i { continue }
      return after - i
    }
    return nil
  }

  private static func uuidLength(_ b: Bytes, _ i: Int) -> Int? {
    let groups = [8, 4, 4, 4, 12]
    var j = i
    for (k, n) in groups.enumerated() {
      for _ in 0..<n {
        guard j < b.count, (b[j] >= 48 && b[j] <= 57) || (b[j] | 0x20 >= 97 && b[j] | 0x20 <= 102) else { return nil }
        j += 1
      }
      if k < 4 {
        guard j < b.count, b[j] == 45 else { return nil }
        j += 1
      }
    }
    return j - i
  }

  /// `2026-11-20`, `2026-11-20T10:00:00.123Z`, `10:00:00`, `10:00:00,123`.
  private static func timestampLength(_ b: Bytes, _ i: Int) -> Int? {
    func digits(_ j: Int, _ n: Int) -> Bool {
      guard j + n <= b.count else { return false }
      return b[j..<(j + n)].allSatisfy { $0 >= 48 && $0 <= 57 }
    }
    var j = i
    var matched = false
    if digits(j, 4) && j + 10 <= b.count && b[j + 4] == 45 && digits(j + 5, 2) && b[j + 7] == 45 && digits(j + 8, 2) {
      j += 10
      matched = true
      if j < b.count && (b[j] == 84 || b[j] == 32) && digits(j + 1, 2) && j + 3 < b.count && b[j + 3] == 58 { j += 1 } else { return j - i }
    }
    if digits(j, 2) && j + 8 <= b.count && b[j + 2] == 58 && digits(j + 3, 2) && b[j + 5] == 58 && digits(j + 6, 2) {
      j += 8
      matched = true
      if j + 1 < b.count && (b[j] == 46 || b[j] == 44) && digits(j + 1, 1) {
        j += 1
        while j < b.count && b[j] >= 48 && b[j] <= 57 { j += 1 }
      }
      if j < b.count && b[j] == 90 {
        j += 1
      } else if j + 6 <= b.count && (b[j] == 43 || b[j] == 45) && digits(j + 1, 2) && b[j + 3] == 58 {
        j += 6
      }
    }
    return matched ? j - i : nil
  }

  private static func ipv4Length(_ b: Bytes, _ i: Int) -> Int? {
    var j = i
    for part in 0..<4 {
      let start = j
      while j < b.count && b[j] >= 48 && b[j] <= 57 && j - start < 3 { j += 1 }
      guard j > start else { return nil }
      if part < 3 {
        guard j < b.count, b[j] == 46 else { return nil }
        j += 1
      }
    }
    return j - i
  }

  private static func tempPathLength(_ b: Bytes, _ i: Int) -> Int? {
    guard tempPrefixes.contains(where: { p in i + p.count <= b.count && b[i..<(i + p.count)].elementsEqual(p) }) else { return nil }
    var j = i
    while j < b.count && b[j] != 32 && b[j] != 39 && b[j] != 34 && b[j] != 41 && b[j] != 10 { j += 1 }
    return j - i
  }
}
