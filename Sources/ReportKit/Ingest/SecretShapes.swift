import Foundation

/// Credentials known by their form, whatever names them: the prefixes and shapes token issuers
/// use (GitHub, GitLab, Slack, AWS, Stripe, Google, npm, PyPI), `Basic` credentials, PEM private
/// key blocks, and random-looking values assigned to a variable (pytest `-l` locals). Each check
/// reads a few bytes and gives up early: it runs wherever a word starts, on every line read.
enum SecretShapes {
  // The prefix lists, made once (an array literal in `token` was allocated per word start).
  private static let githubPrefixes: [StaticString] = ["ghp_", "gho_", "ghu_", "ghs_", "ghr_"]
  private static let awsPrefixes: [StaticString] = ["AKIA", "ASIA", "AGPA", "AIDA", "AROA", "AIPA", "ANPA", "ANVA"]
  private static let stripePrefixes: [StaticString] = ["sk_live_", "rk_live_", "pk_live_", "sk_test_", "rk_test_"]

  /// A token that starts at `i` (a word start): the range to mask (the issuer's prefix is kept, so
  /// the reader sees `ghp_[REDACTED]` and knows what leaked), or nil.
  static func token(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Range<Int>? {
    switch p[i] {
    case UInt8(ascii: "g"):
      for prefix in githubPrefixes where p.has(prefix, at: i) { return body(p, i + 4, min: 30, extra: "") }
      if p.has("github_pat_", at: i) { return body(p, i + 11, min: 22, extra: "_") }
      if p.has("glpat-", at: i) { return body(p, i + 6, min: 20, extra: "_-") }
    case UInt8(ascii: "x"):
      if p.has("xox", at: i), i + 4 < p.count, "abposr".utf8.contains(p[i + 3]), p[i + 4] == UInt8(ascii: "-") {
        return body(p, i + 5, min: 10, extra: "-")
      }
      if p.has("xapp-", at: i) { return body(p, i + 5, min: 10, extra: "-") }
    case UInt8(ascii: "A"):
      if p.has("AIza", at: i) { return body(p, i + 4, min: 35, extra: "_-") }
      for prefix in awsPrefixes where p.has(prefix, at: i) {
        // Exactly 16 upper-case letters and digits, then the word ends.
        var j = i + 4
        while j < p.count && (p[j].isASCIIUppercase || isDigit(p[j])) { j += 1 }
        if j - i == 20 && (j == p.count || !isWord(p[j])) { return (i + 4)..<j }
      }
    case UInt8(ascii: "s"), UInt8(ascii: "r"), UInt8(ascii: "p"):
      // Every prefix of these letters goes on with `k` or `y`: most words are out after one byte.
      guard i + 1 < p.count, p[i + 1] == UInt8(ascii: "k") || p[i + 1] == UInt8(ascii: "y") else { return nil }
      for prefix in stripePrefixes where p.has(prefix, at: i) {
        return body(p, i + 8, min: 16, extra: "")
      }
      if p.has("pypi-AgE", at: i) { return body(p, i + 5, min: 50, extra: "_-") }
    case UInt8(ascii: "n"):
      if p.has("npm_", at: i) { return body(p, i + 4, min: 36, extra: "") }
    case UInt8(ascii: "w"):
      if p.has("whsec_", at: i) { return body(p, i + 6, min: 20, extra: "") }
    default: break
    }
    return nil
  }

  /// After `Basic` (any case) and spaces: a base64 credential that decodes to `user:password`.
  static func basic(_ p: UnsafeBufferPointer<UInt8>, afterWord end: Int) -> Range<Int>? {
    var j = end
    while j < p.count && p[j] == UInt8(ascii: " ") { j += 1 }
    guard j > end else { return nil }
    let start = j
    while j < p.count && (isAlnum(p[j]) || p[j] == UInt8(ascii: "+") || p[j] == UInt8(ascii: "/") || p[j] == UInt8(ascii: "=")) { j += 1 }
    guard j - start >= 8, (j - start) % 4 == 0, let decoded = base64(p, start, j), decoded.contains(UInt8(ascii: ":")),
      decoded.allSatisfy({ $0 >= 0x20 && $0 < 0x7F })
    else { return nil }
    return start..<j
  }

  /// `-----BEGIN ... PRIVATE KEY-----` at `i`: the body to mask up to `-----END` (or to the end
  /// of the text, `closed` false: the block goes on in the next lines).
  static func pem(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> (range: Range<Int>, closed: Bool)? {
    guard p.has("-----BEGIN ", at: i) else { return nil }
    var j = i + 11
    while j < p.count && p[j] != UInt8(ascii: "-") && p[j] != 10 { j += 1 }
    guard p.has("-----", at: j), isPrivateKey(p, i + 11, j) else { return nil }
    let start = j + 5
    var k = start
    while k < p.count {
      if p[k] == UInt8(ascii: "-") && p.has("-----END ", at: k) { return (start..<k, true) }
      k += 1
    }
    return (start..<p.count, false)
  }

  /// Inside a PEM block that began on an earlier line: the range to mask, and whether it ends here.
  static func pemContinued(_ p: UnsafeBufferPointer<UInt8>) -> (range: Range<Int>, closed: Bool) {
    var k = 0
    while k < p.count {
      if p[k] == UInt8(ascii: "-") && p.has("-----END ", at: k) { return (0..<k, true) }
      k += 1
    }
    return (0..<p.count, false)
  }

  /// A quoted value assigned to a name (`api = 'q8Zr...'`) that looks random: long, three kinds of
  /// character, high entropy, and not a hash, a UUID, a path or a dotted name.
  static func looksRandom(_ p: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int) -> Bool {
    let n = b - a
    guard n >= 20 && n <= 512 else { return false }
    var upper = 0
    var lower = 0
    var digit = 0
    var counts = [Int](repeating: 0, count: 256)
    var hex = true
    for k in a..<b {
      let c = p[k]
      if c <= 0x20 || c == UInt8(ascii: ".") || c == UInt8(ascii: "\\") || c >= 0x80 { return false }
      if c.isASCIIUppercase { upper += 1 } else if c >= 97 && c <= 122 { lower += 1 } else if isDigit(c) { digit += 1 }
      if !(isDigit(c) || (c | 0x20 >= 97 && c | 0x20 <= 102) || c == UInt8(ascii: "-")) { hex = false }
      counts[Int(c)] += 1
    }
    // A hex digest or a UUID is an id the test compares, not a secret; so is a path.
    if hex || p[a] == UInt8(ascii: "/") { return false }
    guard upper > 0 && lower > 0 && digit > 0 else { return false }
    var entropy = 0.0
    for c in counts where c > 0 {
      let f = Double(c) / Double(n)
      entropy -= f * log2(f)
    }
    return entropy >= 4.0
  }

  /// Variable names whose random-looking value is an identifier, not a secret.
  /// (A name that starts or ends with one of the words, any case; compared in place.)
  static func namesAnID(_ p: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int) -> Bool {
    func startsOrEnds(_ w: StaticString) -> Bool {
      let n = w.utf8CodeUnitCount
      return b - a >= n && (p.hasLowercased(w, at: a) || p.hasLowercased(w, at: b - n))
    }
    return startsOrEnds("hash") || startsOrEnds("digest") || startsOrEnds("checksum") || startsOrEnds("sha") || startsOrEnds("md5")
      || startsOrEnds("etag") || startsOrEnds("uuid") || startsOrEnds("nonce_expected") || startsOrEnds("expected")
      || startsOrEnds("id")
  }

  // MARK: - Bytes

  /// From `start`: alphanumerics (and `extra`), at least `min` of them, then the word ends.
  private static func body(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, min: Int, extra: StaticString) -> Range<Int>? {
    var j = start
    let more = UnsafeBufferPointer(start: extra.utf8Start, count: extra.utf8CodeUnitCount)
    while j < p.count && (isAlnum(p[j]) || more.contains(p[j])) { j += 1 }
    guard j - start >= min else { return nil }
    return start..<j
  }

  /// `RSA PRIVATE KEY`, `PRIVATE KEY`, `ENCRYPTED PRIVATE KEY`, `OPENSSH PRIVATE KEY`...
  private static func isPrivateKey(_ p: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int) -> Bool {
    let label = Array(p[a..<b])
    let key = Array("PRIVATE KEY".utf8)
    guard label.count >= key.count else { return false }
    return label.suffix(key.count).elementsEqual(key)
  }

  private static func base64(_ p: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int) -> [UInt8]? {
    var out: [UInt8] = []
    var acc: UInt32 = 0
    var bits = 0
    for k in a..<b {
      let c = p[k]
      let v: UInt32
      switch c {
      case 65...90: v = UInt32(c - 65)
      case 97...122: v = UInt32(c - 71)
      case 48...57: v = UInt32(c + 4)
      case UInt8(ascii: "+"): v = 62
      case UInt8(ascii: "/"): v = 63
      case UInt8(ascii: "="): continue
      default: return nil
      }
      acc = acc << 6 | v
      bits += 6
      if bits >= 8 {
        bits -= 8
        out.append(UInt8((acc >> UInt32(bits)) & 0xFF))
      }
    }
    return out
  }

  private static func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
  private static func isAlnum(_ c: UInt8) -> Bool { isDigit(c) || (c | 0x20 >= 97 && c | 0x20 <= 122) }
  private static func isWord(_ c: UInt8) -> Bool { isAlnum(c) || c == UInt8(ascii: "_") || c == UInt8(ascii: "-") }
}
