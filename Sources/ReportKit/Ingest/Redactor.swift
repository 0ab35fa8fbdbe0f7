/// Masks anything that looks like a credential, as text is read (before any stage sees it).
///
/// By name: Authorization, Proxy-Authorization, Cookie and Set-Cookie values (the auth scheme word
/// is kept: "Bearer [REDACTED]" still tells the reader which kind of auth was used),
/// `token|key|secret|password = value` in query strings, headers, dicts and pytest `-l` locals, and
/// the password of `user:pass@` in URLs. By form, whatever names them (`SecretShapes`): bearer
/// tokens, `Basic` credentials and JWTs anywhere, the token shapes of GitHub, GitLab, Slack, AWS,
/// Stripe, Google, npm and PyPI (their prefix kept), PEM private-key blocks from BEGIN to END, and
/// random-looking values assigned to a variable. One pass over the bytes, no regexes: it runs on
/// every line of million-test logs.
public enum Redactor {
  public static let mask = "[REDACTED]"
  private static let maskBytes = Array(mask.utf8)

  /// `text` with every credential masked; the same string when there is none. A PEM block that
  /// does not end in `text` is masked to its end.
  public static func redact(_ text: String) -> String {
    var stream = Stream()
    return stream.redact(text)
  }

  /// Redacts the lines of one file in order: a PEM block that begins on one line is masked on the
  /// lines after it, up to its END line.
  public struct Stream {
    private var inPEM = false

    public init() {}

    /// Whether the last line left a PEM block open (the next lines are masked).
    var insidePEM: Bool { inPEM }

    public mutating func redact(_ text: String) -> String {
      var bytes = text
      let (out, open) = bytes.withUTF8 { Redactor.redact($0, inPEM: inPEM) }
      inPEM = open
      guard let out else { return text }
      return String(decoding: out, as: UTF8.self)
    }
  }

  /// The masked bytes (nil when nothing needed masking), and whether a PEM block is left open.
  /// `skipping: false` asks every byte what could begin there (a test holds the skip to that).
  static func redact(_ p: UnsafeBufferPointer<UInt8>, inPEM: Bool = false, skipping: Bool = true) -> (bytes: [UInt8]?, openPEM: Bool) {
    var out: [UInt8] = []
    var changed = false
    var copied = 0  // bytes of p already in `out` (lazily, only once something changes)
    var openPEM = false
    func replace(_ range: Range<Int>) {
      if !changed { out.reserveCapacity(p.count + 16); changed = true }
      out.append(contentsOf: UnsafeBufferPointer(rebasing: p[copied..<range.lowerBound]))
      out.append(contentsOf: maskBytes)
      copied = range.upperBound
    }
    var i = 0
    if inPEM {
      let rest = SecretShapes.pemContinued(p)
      if !rest.range.isEmpty { replace(rest.range) }
      i = rest.range.upperBound
      openPEM = !rest.closed
    }
    // Few bytes can begin something to mask: `=` and `:` end a key (looked up backwards), `-` a
    // PEM block; at the start of a word, `e` may start a JWT (`eyJ`), `b` `bearer` or `basic`,
    // and the first letters of the token prefixes. Everything else is skipped in one test, and
    // those letters inside a word (most of them: every branch below that takes a letter asks for
    // a word start) in two.
    let table = byteKinds
    while i < p.count {
      // The bytes that begin nothing, skipped in a loop of their own that carries the previous
      // byte's kind (not read again for each letter that may start a word).
      var previous = i > 0 ? table[Int(p[i - 1])] : 0
      while skipping && i < p.count {
        let kind = table[Int(p[i])]
        if kind & anywhere != 0 || (kind & atWordStart != 0 && previous & ident == 0) { break }
        previous = kind
        i += 1
      }
      guard i < p.count else { break }
      let c = p[i]
      var masked: Range<Int>? = nil
      let wordStart = i == 0 || !isIdent(p[i - 1])
      var next = i + 1  // where to go on when nothing is masked here
      if c == UInt8(ascii: "-") {
        // Only the last five dashes of a run can open a PEM block (`-----BEGIN `), and nothing
        // else begins at a dash: a run (a `----- Captured log -----` rule: most of the stops
        // in a traceback) is asked once, there, and passed in one step.
        var at = i
        if skipping {
          while next < p.count && p[next] == UInt8(ascii: "-") { next += 1 }
          at = max(i, next - 5)
        }
        if let block = SecretShapes.pem(p, at) {
          if !block.range.isEmpty { masked = block.range }
          openPEM = !block.closed
        }
      } else if wordStart, c != UInt8(ascii: "="), c != UInt8(ascii: ":"), let token = SecretShapes.token(p, i) {
        masked = token
      }
      if masked != nil {
        // Found by form above.
      } else if c == UInt8(ascii: "=") || c == UInt8(ascii: ":") {
        var k = i
        while k > 0 && p[k - 1] == UInt8(ascii: " ") { k -= 1 }
        if k > 0 && (p[k - 1] == UInt8(ascii: "\"") || p[k - 1] == UInt8(ascii: "'")) { k -= 1 }
        var start = k
        while start > 0 && isIdent(p[start - 1]) { start -= 1 }
        if start < k && isIdentStart(p[start]), let m = maskAfterWord(p, wordStart: start, wordEnd: k), !m.isEmpty {
          masked = m
        } else if c == UInt8(ascii: ":"), let secret = urlPassword(p, colonSlashSlash: i) {
          masked = secret
        } else if c == UInt8(ascii: "="), start < k, isIdentStart(p[start]), let random = randomAssignment(p, equals: i, name: start..<k) {
          masked = random
        }
      } else if i + 2 < p.count, wordStart,
        (c | 0x20 == UInt8(ascii: "e") && p[i + 1] == UInt8(ascii: "y") && p[i + 2] == UInt8(ascii: "J"))
          || (c | 0x20 == UInt8(ascii: "b") && p[i + 1] | 0x20 == UInt8(ascii: "e") && p[i + 2] | 0x20 == UInt8(ascii: "a"))
          || (c | 0x20 == UInt8(ascii: "b") && p[i + 1] | 0x20 == UInt8(ascii: "a") && p[i + 2] | 0x20 == UInt8(ascii: "s"))
      {
        // Only `eyJ...` (a JWT), `bea...` (bearer) and `bas...` (basic) start something here:
        // checked before any word scan.
        var j = i
        while j < p.count && isIdent(p[j]) { j += 1 }
        if let m = maskAfterWord(p, wordStart: i, wordEnd: j, keys: false), !m.isEmpty {
          masked = m
        }
      }
      if let masked, masked.lowerBound >= copied {
        replace(masked)
        i = masked.upperBound
      } else {
        i = next
      }
    }
    guard changed else { return (nil, openPEM) }
    out.append(contentsOf: UnsafeBufferPointer(rebasing: p[copied..<p.count]))
    return (out, openPEM)
  }

  /// What each byte is to the scan, as bits: `anywhere` it may begin something to mask,
  /// `atWordStart` only there, `ident` it is an identifier byte (`isIdent`). In memory that is
  /// never freed: the scan reads it per byte, with no bounds check and no reference to retain.
  /// Written once, before any reader can see it (a lazy static), then only read.
  nonisolated(unsafe) private static let byteKinds: UnsafePointer<UInt8> = {
    let table = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
    for b in 0..<256 {
      let c = UInt8(b)
      table[b] =
        ("=:-".utf8.contains(c) ? anywhere : 0) | ("eEbBgxAsrpnw".utf8.contains(c) ? atWordStart : 0) | (isIdent(c) ? ident : 0)
    }
    return UnsafePointer(table)
  }()
  private static let anywhere: UInt8 = 1
  private static let atWordStart: UInt8 = 2
  private static let ident: UInt8 = 4

  /// `name = 'value'` (pytest `-l` locals, a dict, a config dump) where the value looks random and
  /// the name does not say it is an id or a hash: the value's range.
  private static func randomAssignment(_ p: UnsafeBufferPointer<UInt8>, equals i: Int, name: Range<Int>) -> Range<Int>? {
    guard i + 1 < p.count, p[i + 1] != UInt8(ascii: "=") else { return nil }  // `==` compares
    var j = i + 1
    while j < p.count && p[j] == UInt8(ascii: " ") { j += 1 }
    guard j < p.count, p[j] == UInt8(ascii: "'") || p[j] == UInt8(ascii: "\"") else { return nil }
    let quote = p[j]
    let start = j + 1
    var end = start
    while end < p.count && p[end] != quote { end += 1 }
    guard end < p.count, !SecretShapes.namesAnID(p, name.lowerBound, name.upperBound),
      SecretShapes.looksRandom(p, start, end), !isMasked(p, start)
    else { return nil }
    return start..<end
  }

  /// After an identifier: the range to mask (empty: nothing, but skip), or nil to carry on.
  /// `keys: false` checks only the JWT and bearer forms (the scan reaches a key form at its `=`).
  private static func maskAfterWord(_ p: UnsafeBufferPointer<UInt8>, wordStart: Int, wordEnd: Int, keys: Bool = true) -> Range<Int>? {
    let length = wordEnd - wordStart
    if length >= 3 && p[wordStart] | 0x20 == UInt8(ascii: "e") && p[wordStart + 1] | 0x20 == UInt8(ascii: "y")
      && p[wordStart + 2] == UInt8(ascii: "J")
    {
      // A JWT (or a JWT-looking base64url blob): header.payload.signature or one long segment.
      var j = wordEnd
      while j < p.count && (isBase64URL(p[j]) || p[j] == UInt8(ascii: ".")) { j += 1 }
      if j - wordStart >= 20 { return wordStart..<j }
      return nil
    }
    if length == 5 && p[wordStart] | 0x20 == UInt8(ascii: "b") && equalsCI(p, wordStart, wordEnd, "basic") {
      return SecretShapes.basic(p, afterWord: wordEnd)
    }
    if length == 6 && p[wordStart] | 0x20 == UInt8(ascii: "b") && equalsCI(p, wordStart, wordEnd, "bearer") {
      var j = wordEnd
      while j < p.count && p[j] == UInt8(ascii: " ") { j += 1 }
      guard j > wordEnd else { return nil }
      let start = j
      while j < p.count && isTokenChar(p[j]) { j += 1 }
      guard j > start, !isMasked(p, start) else { return nil }
      // `Bearer error="invalid_token"` (a WWW-Authenticate challenge) names parameters, not a token.
      if j < p.count && (p[j] == UInt8(ascii: "\"") || p[j] == UInt8(ascii: "'")) && p[j - 1] == UInt8(ascii: "=") { return nil }
      return start..<j
    }
    guard keys else { return nil }
    // Optional closing quote of a quoted key, spaces, then = or :
    var j = wordEnd
    if j < p.count && (p[j] == UInt8(ascii: "\"") || p[j] == UInt8(ascii: "'")) { j += 1 }
    while j < p.count && p[j] == UInt8(ascii: " ") { j += 1 }
    guard j < p.count, p[j] == UInt8(ascii: "=") || p[j] == UInt8(ascii: ":") else { return nil }
    if p[j] == UInt8(ascii: ":") && j + 2 < p.count && p[j + 1] == UInt8(ascii: "/") && p[j + 2] == UInt8(ascii: "/") {
      return nil  // a URL scheme, not a key
    }
    // `TestTokens::test_x` (a scope in a test id) and `token == x` (a comparison) assign nothing.
    if j + 1 < p.count && p[j + 1] == p[j] { return nil }
    // Judged on the buffer itself: most keys (`self =`, `file.py:12:`) are not secrets, and no
    // lower-cased copy is made for them.
    let header = isAuthHeader(p, wordStart, wordEnd)
    guard header || isSecretName(p, wordStart, wordEnd) else { return nil }
    j += 1
    while j < p.count && p[j] == UInt8(ascii: " ") { j += 1 }
    guard j < p.count else { return nil }
    var quote: UInt8? = nil
    if p[j] == UInt8(ascii: "\"") || p[j] == UInt8(ascii: "'") { quote = p[j]; j += 1 }
    if header && !equalsCI(p, wordStart, wordEnd, "cookie") && !equalsCI(p, wordStart, wordEnd, "set-cookie") {
      // Keep the scheme word ("Bearer", "Basic") when a credential follows it.
      var k = j
      while k < p.count && isAlpha(p[k]) { k += 1 }
      if k > j && k < p.count && p[k] == UInt8(ascii: " ") { j = k + 1 }
    }
    let start = j
    if header {
      while j < p.count && p[j] != quote ?? 0 && !(quote == nil && (p[j] == UInt8(ascii: "'") || p[j] == UInt8(ascii: "\""))) { j += 1 }
    } else if let quote {
      while j < p.count && p[j] != quote { j += 1 }
    } else {
      while j < p.count && !isValueEnd(p[j]) { j += 1 }
    }
    while j > start && p[j - 1] == UInt8(ascii: " ") { j -= 1 }
    guard j > start, !isMasked(p, start), !isPlaceholder(p, start, j) else { return wordEnd..<wordEnd }
    return start..<j
  }

  /// For `scheme://user:password@host`, the password's range.
  private static func urlPassword(_ p: UnsafeBufferPointer<UInt8>, colonSlashSlash i: Int) -> Range<Int>? {
    guard i + 2 < p.count, p[i + 1] == UInt8(ascii: "/"), p[i + 2] == UInt8(ascii: "/") else { return nil }
    var j = i + 3
    var colon: Int? = nil
    while j < p.count {
      let c = p[j]
      if c == UInt8(ascii: "@") {
        guard let colon, j > colon + 1, !isMasked(p, colon + 1) else { return nil }
        return (colon + 1)..<j
      }
      if c == UInt8(ascii: ":") && colon == nil { colon = j }
      if c == UInt8(ascii: "/") || c == UInt8(ascii: "?") || c == UInt8(ascii: "#") || c <= 0x20 || c == UInt8(ascii: "'")
        || c == UInt8(ascii: "\"")
      {
        return nil
      }
      j += 1
    }
    return nil
  }

  private static func isAuthHeader(_ p: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int) -> Bool {
    equalsCI(p, a, b, "authorization") || equalsCI(p, a, b, "proxy-authorization") || equalsCI(p, a, b, "cookie")
      || equalsCI(p, a, b, "set-cookie")
  }

  /// Whether `p[a..<b]` names a secret: token, secret, password, api key, credential, signature.
  /// The words are static text compared in place (every key of a log goes through here).
  static func isSecretName(_ p: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int) -> Bool {
    guard b - a >= 3 else { return false }
    if hasSuffixCI(p, a, b, "error") || hasSuffixCI(p, a, b, "exception") || hasSuffixCI(p, a, b, "warning") { return false }
    if containsAnySecretPart(p, a, b) { return true }
    if equalsCI(p, a, b, "key") || equalsCI(p, a, b, "auth") || equalsCI(p, a, b, "sig") || equalsCI(p, a, b, "sessionid")
      || equalsCI(p, a, b, "session_id")
    {
      return true
    }
    return hasSuffixCI(p, a, b, "_key") || hasSuffixCI(p, a, b, "-key")
  }

  /// Whether `p[a..<b]` holds, ignoring case, one of the parts of secret names: token, secret,
  /// passw, pwd, credential, apikey, api_key, api-key, signature, private_key. A name is read
  /// once, each byte asking only the parts that begin with it.
  private static func containsAnySecretPart(_ p: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int) -> Bool {
    func part(_ at: Int, _ w: StaticString) -> Bool { b - at >= w.utf8CodeUnitCount && equalsCI(p, at, at + w.utf8CodeUnitCount, w) }
    for start in a..<b {
      switch p[start].lowercasedASCII {
      case UInt8(ascii: "t"): if part(start, "token") { return true }
      case UInt8(ascii: "s"): if part(start, "secret") || part(start, "signature") { return true }
      case UInt8(ascii: "p"): if part(start, "passw") || part(start, "pwd") || part(start, "private_key") { return true }
      case UInt8(ascii: "c"): if part(start, "credential") { return true }
      case UInt8(ascii: "a"): if part(start, "apikey") || part(start, "api_key") || part(start, "api-key") { return true }
      default: break
      }
    }
    return false
  }

  /// Case-insensitive comparisons of `p[a..<b]` with lower-case ASCII `w`.
  private static func equalsCI(_ p: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int, _ w: StaticString) -> Bool {
    b - a == w.utf8CodeUnitCount && p.hasLowercased(w, at: a)
  }

  private static func hasSuffixCI(_ p: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int, _ w: StaticString) -> Bool {
    b - a >= w.utf8CodeUnitCount && p.hasLowercased(w, at: b - w.utf8CodeUnitCount)
  }

  /// `none`, `null`, `true`, `false` in any case, or only `*`: compared in place (no copy).
  private static func isPlaceholder(_ p: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int) -> Bool {
    equalsCI(p, a, b, "none") || equalsCI(p, a, b, "null") || equalsCI(p, a, b, "true") || equalsCI(p, a, b, "false")
      || p[a..<b].allSatisfy { $0 == UInt8(ascii: "*") }
  }

  private static func isMasked(_ p: UnsafeBufferPointer<UInt8>, _ at: Int) -> Bool {
    at + maskBytes.count <= p.count && p[at..<(at + maskBytes.count)].elementsEqual(maskBytes)
  }

  private static func isAlpha(_ c: UInt8) -> Bool { (c | 0x20) >= 97 && (c | 0x20) <= 122 }
  private static func isIdentStart(_ c: UInt8) -> Bool { isAlpha(c) || c == UInt8(ascii: "_") }
  private static func isIdent(_ c: UInt8) -> Bool {
    isAlpha(c) || (c >= 48 && c <= 57) || c == UInt8(ascii: "_") || c == UInt8(ascii: "-")
  }
  private static func isBase64URL(_ c: UInt8) -> Bool {
    isIdent(c) || c == UInt8(ascii: "+") || c == UInt8(ascii: "/") || c == UInt8(ascii: "=")
  }
  private static func isTokenChar(_ c: UInt8) -> Bool {
    isBase64URL(c) || c == UInt8(ascii: ".") || c == UInt8(ascii: "~")
  }
  private static func isValueEnd(_ c: UInt8) -> Bool {
    c <= 0x20 || c == UInt8(ascii: "&") || c == UInt8(ascii: ",") || c == UInt8(ascii: ";") || c == UInt8(ascii: ")")
      || c == UInt8(ascii: "]") || c == UInt8(ascii: "}") || c == UInt8(ascii: "'") || c == UInt8(ascii: "\"")
      || c == UInt8(ascii: "<") || c == UInt8(ascii: ">")
  }
}
