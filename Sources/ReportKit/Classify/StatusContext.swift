/// Decides whether a three-digit number in a failure text is an HTTP status, from the words
/// right before and after it, as libraries print them. Byte comparisons on a lower-cased window:
/// this runs for every candidate number of every failure.
///
/// Before the number: `<Response [503]>` (requests), `HTTP Error 503`, `HTTP/1.1 404`, `HTTP 401`,
/// `status code 404`, `status_code=503`, `statusCode: 500`, `status was 503`, `got 401`,
/// `returned 404`, `received an HTTP 503`, `responded with 502`, `but was: <503>`, `-> 404`,
/// `does not indicate success: 503` (.NET).
/// After it: `503 Server Error` (requests), `401 Unauthorized`, `404 NOT_FOUND`, `503: Service
/// Unavailable`, `503 !== 200` and `assert 503 == 200` (the actual value comes first),
/// `503, message=` (aiohttp).
///
/// The windows are lower-cased into memory on the stack and the words are static text: each
/// candidate made two arrays for its windows and one for every word it was compared with.
enum StatusContext {
  private typealias Bytes = UnsafeBufferPointer<UInt8>

  static func isStatus(_ b: [UInt8], at p: Int) -> Bool {
    b.withUnsafeBufferPointer { whole in
      withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 80) { room in
        var n = 0
        for i in max(0, p - 40)..<p {
          room[n] = whole[i].lowercasedASCII
          n += 1
        }
        let split = n
        for i in (p + 3)..<min(whole.count, p + 40) {
          room[n] = whole[i].lowercasedASCII
          n += 1
        }
        let window = Bytes(room)
        return statedBefore(Bytes(rebasing: window[0..<split])) || statedAfter(Bytes(rebasing: window[split..<n]))
      }
    }
  }

  // MARK: - Before the number

  private static let fillers: [StaticString] = ["was", "of", "is", "<"]
  private static let tails: [StaticString] = ["status", "http", "an", "a"]
  private static let verbs: [StaticString] = ["got", "returned", "received", "responded with", "response was", "answered"]

  private static func statedBefore(_ b: Bytes) -> Bool {
    var end = b.count
    if ends(b, end, "<response [") || ends(b, end, "does not indicate success: ") { return true }
    // Arrows: `-> 404`, `=> 404`, `→ 404`.
    var e = skip(b, end, " ")
    if ends(b, e, "->") || ends(b, e, "=>") || ends(b, e, "→") { return true }
    // `but was: <503>`, `but got 503`.
    e = skip(b, end, " :<")
    if wordEnds(b, e, "but was") || wordEnds(b, e, "but got") { return true }
    // `HTTP 401`, `HTTP/1.1 404`, `HTTP Error 503:`.
    e = skip(b, end, " :")
    if e < end {
      var h = e
      if ends(b, h, " error") { h -= 6 }
      h = skipVersion(b, h)
      if wordEnds(b, h, "http") { return true }
    }
    // `status 503`, `status code: 404`, `status_code=503`, `statuscode 500`, `status was 503`, `status <503`.
    end = skip(b, end, " ")
    for filler in fillers where ends(b, end, filler) {
      let f = skip(b, end - filler.utf8CodeUnitCount, " ")
      if statusWord(b, skip(b, f, " :=")) { return true }
    }
    if statusWord(b, skip(b, b.count, " :=\t<")) { return true }
    // `got 401`, `returned an HTTP status 503`, `responded with 502`.
    var v = skip(b, b.count, " ")
    for tail in tails where wordEnds(b, v, tail) { v = skip(b, v - tail.utf8CodeUnitCount, " ") }
    for tail in tails where wordEnds(b, v, tail) { v = skip(b, v - tail.utf8CodeUnitCount, " ") }
    for verb in verbs where wordEnds(b, v, verb) {
      return true
    }
    return false
  }

  /// `status`, `status code`, `status_code`, `status-code`, `statuscode` ending at `e`.
  private static func statusWord(_ b: Bytes, _ e: Int) -> Bool {
    if wordEnds(b, e, "status") { return true }
    guard ends(b, e, "code") else { return false }
    let s = e - 4
    if wordEnds(b, s, "status") { return true }
    guard s > 0, b[s - 1] == 32 || b[s - 1] == 95 || b[s - 1] == 45 else { return false }
    return wordEnds(b, s - 1, "status")
  }

  /// Skips an HTTP version (`/1.1`, `/2`) that ends at `e`.
  private static func skipVersion(_ b: Bytes, _ e: Int) -> Int {
    var i = e
    while i > 0 && (isDigit(b[i - 1]) || b[i - 1] == 46) { i -= 1 }
    return i < e && i > 0 && b[i - 1] == 47 ? i - 1 : e
  }

  // MARK: - After the number

  private static let reasons: [StaticString] = [
    "unauthorized", "forbidden", "not found", "not_found", "method not allowed", "method_not_allowed", "service unavailable",
    "service_unavailable", "bad gateway", "bad_gateway", "gateway timeout", "gateway time-out", "gateway_timeout",
    "internal server error", "internal_server_error", "too many requests", "too_many_requests", "bad request", "bad_request",
    "conflict", "unprocessable entity", "unprocessable_entity", "request timeout", "request_timeout", "not implemented",
    "not_implemented", "moved permanently", "moved_permanently", "see other", "temporary redirect", "permanent redirect", "gone",
    "proxy authentication required", "payload too large", "unsupported media type", "client error", "server error",
  ]
  private static let comparisons: [StaticString] = ["!==", "===", "!=", "=="]

  private static func statedAfter(_ a: Bytes) -> Bool {
    if a.has(", message=", at: 0) { return true }
    // `503 !== 200`, `503 == 200`: compared with a 2xx, the first is what came back.
    var i = 0
    if i < a.count && a[i] == 32 {
      i += 1
      for op in comparisons where a.has(op, at: i) {
        let j = i + op.utf8CodeUnitCount
        if j + 4 <= a.count && a[j] == 32 && a[j + 1] == 50 && isDigit(a[j + 2]) && isDigit(a[j + 3])
          && (j + 4 == a.count || !isDigit(a[j + 4]))
        {
          return true
        }
      }
    }
    // A reason phrase after spaces or a colon.
    i = 0
    while i < a.count && (a[i] == 32 || a[i] == 58) { i += 1 }
    guard i > 0 else { return false }
    for r in reasons where a.has(r, at: i) {
      let k = i + r.utf8CodeUnitCount
      if k == a.count || !isLetter(a[k]) { return true }
    }
    return false
  }

  // MARK: - Byte helpers

  private static func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
  private static func isLetter(_ c: UInt8) -> Bool { (c >= 97 && c <= 122) || c == 95 }

  /// The index before the run of `chars` that ends at `e`.
  private static func skip(_ b: Bytes, _ e: Int, _ chars: StaticString) -> Int {
    chars.withUTF8Buffer { set in
      var i = e
      while i > 0 && set.contains(b[i - 1]) { i -= 1 }
      return i
    }
  }

  private static func ends(_ b: Bytes, _ e: Int, _ s: StaticString) -> Bool { b.has(s, at: e - s.utf8CodeUnitCount) }

  /// `s` ends at `e` and starts at a word boundary.
  private static func wordEnds(_ b: Bytes, _ e: Int, _ s: StaticString) -> Bool {
    guard ends(b, e, s) else { return false }
    let start = e - s.utf8CodeUnitCount
    return start == 0 || !(isLetter(b[start - 1]) || isDigit(b[start - 1]))
  }
}
