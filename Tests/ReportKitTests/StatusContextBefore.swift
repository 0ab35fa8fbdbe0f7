@testable import ReportKit

/// `StatusContext` as it was before its windows went on the stack and its words became static
/// text (an array per window and per word compared): kept in the tests to hold the new one
/// against (`StatusContextTests.readAsBefore`). Decides whether a three-digit number in a failure
/// text is an HTTP status, from the words right before and after it.
///
/// Before the number: `<Response [503]>` (requests), `HTTP Error 503`, `HTTP/1.1 404`, `HTTP 401`,
/// `status code 404`, `status_code=503`, `statusCode: 500`, `status was 503`, `got 401`,
/// `returned 404`, `received an HTTP 503`, `responded with 502`, `but was: <503>`, `-> 404`,
/// `does not indicate success: 503` (.NET).
/// After it: `503 Server Error` (requests), `401 Unauthorized`, `404 NOT_FOUND`, `503: Service
/// Unavailable`, `503 !== 200` and `assert 503 == 200` (the actual value comes first),
/// `503, message=` (aiohttp).
enum StatusContextBefore {
  /// `Signals.statusCandidates` as it was before it read through the buffer and stopped at a
  /// limit: offsets of every run of exactly three digits from 300 to 599 that is not part of a
  /// decimal number or an address.
  static func statusCandidates(_ b: [UInt8]) -> [Int] {
    var out: [Int] = []
    var run = 0
    var value = 0
    for i in 0...b.count {
      if i < b.count && b[i] >= 48 && b[i] <= 57 {
        run += 1
        value = value &* 10 &+ Int(b[i] - 48)
      } else {
        let start = i - 3
        let decimal =
          (i + 1 < b.count && (b[i] == 46 || b[i] == 44) && b[i + 1] >= 48 && b[i + 1] <= 57)
          || (start > 0 && (b[start - 1] == 46 || b[start - 1] == 44))
        if run == 3 && value >= 300 && value <= 599 && !decimal { out.append(start) }
        run = 0
        value = 0
      }
    }
    return out
  }

  static func isStatus(_ b: [UInt8], at p: Int) -> Bool {
    let before = lower(b[max(0, p - 40)..<p])
    let after = lower(b[(p + 3)..<min(b.count, p + 40)])
    return statedBefore(before) || statedAfter(after)
  }

  private static func lower(_ s: ArraySlice<UInt8>) -> [UInt8] { s.map { $0 >= 65 && $0 <= 90 ? $0 | 0x20 : $0 } }

  // MARK: - Before the number

  private static func statedBefore(_ b: [UInt8]) -> Bool {
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
    for filler in ["was", "of", "is", "<"] where ends(b, end, filler) {
      let f = skip(b, end - filler.utf8.count, " ")
      if statusWord(b, skip(b, f, " :=")) { return true }
    }
    if statusWord(b, skip(b, b.count, " :=\t<")) { return true }
    // `got 401`, `returned an HTTP status 503`, `responded with 502`.
    var v = skip(b, b.count, " ")
    for tail in ["status", "http", "an", "a"] where wordEnds(b, v, tail) { v = skip(b, v - tail.utf8.count, " ") }
    for tail in ["status", "http", "an", "a"] where wordEnds(b, v, tail) { v = skip(b, v - tail.utf8.count, " ") }
    for verb in ["got", "returned", "received", "responded with", "response was", "answered"] where wordEnds(b, v, verb) {
      return true
    }
    return false
  }

  /// `status`, `status code`, `status_code`, `status-code`, `statuscode` ending at `e`.
  private static func statusWord(_ b: [UInt8], _ e: Int) -> Bool {
    if wordEnds(b, e, "status") { return true }
    guard ends(b, e, "code") else { return false }
    let s = e - 4
    if wordEnds(b, s, "status") { return true }
    guard s > 0, b[s - 1] == 32 || b[s - 1] == 95 || b[s - 1] == 45 else { return false }
    return wordEnds(b, s - 1, "status")
  }

  /// Skips an HTTP version (`/1.1`, `/2`) that ends at `e`.
  private static func skipVersion(_ b: [UInt8], _ e: Int) -> Int {
    var i = e
    while i > 0 && (isDigit(b[i - 1]) || b[i - 1] == 46) { i -= 1 }
    return i < e && i > 0 && b[i - 1] == 47 ? i - 1 : e
  }

  // MARK: - After the number

  private static let reasons: [[UInt8]] = [
    "unauthorized", "forbidden", "not found", "not_found", "method not allowed", "method_not_allowed", "service unavailable",
    "service_unavailable", "bad gateway", "bad_gateway", "gateway timeout", "gateway time-out", "gateway_timeout",
    "internal server error", "internal_server_error", "too many requests", "too_many_requests", "bad request", "bad_request",
    "conflict", "unprocessable entity", "unprocessable_entity", "request timeout", "request_timeout", "not implemented",
    "not_implemented", "moved permanently", "moved_permanently", "see other", "temporary redirect", "permanent redirect", "gone",
    "proxy authentication required", "payload too large", "unsupported media type", "client error", "server error",
  ].map { Array($0.utf8) }

  private static func statedAfter(_ a: [UInt8]) -> Bool {
    if starts(a, 0, ", message=") { return true }
    // `503 !== 200`, `503 == 200`: compared with a 2xx, the first is what came back.
    var i = 0
    if i < a.count && a[i] == 32 {
      i += 1
      for op in ["!==", "===", "!=", "=="] where starts(a, i, op) {
        let j = i + op.utf8.count
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
    for r in reasons where i + r.count <= a.count && a[i..<(i + r.count)].elementsEqual(r) {
      let k = i + r.count
      if k == a.count || !isLetter(a[k]) { return true }
    }
    return false
  }

  // MARK: - Byte helpers

  private static func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
  private static func isLetter(_ c: UInt8) -> Bool { (c >= 97 && c <= 122) || c == 95 }

  /// The index before the run of `chars` that ends at `e`.
  private static func skip(_ b: [UInt8], _ e: Int, _ chars: String) -> Int {
    let set = Array(chars.utf8)
    var i = e
    while i > 0 && set.contains(b[i - 1]) { i -= 1 }
    return i
  }

  private static func ends(_ b: [UInt8], _ e: Int, _ s: String) -> Bool {
    let u = Array(s.utf8)
    return e >= u.count && b[(e - u.count)..<e].elementsEqual(u)
  }

  /// `s` ends at `e` and starts at a word boundary.
  private static func wordEnds(_ b: [UInt8], _ e: Int, _ s: String) -> Bool {
    let n = s.utf8.count
    guard ends(b, e, s) else { return false }
    let start = e - n
    return start == 0 || !(isLetter(b[start - 1]) || isDigit(b[start - 1]))
  }

  private static func starts(_ a: [UInt8], _ i: Int, _ s: String) -> Bool {
    let u = Array(s.utf8)
    return i + u.count <= a.count && a[i..<(i + u.count)].elementsEqual(u)
  }
}
