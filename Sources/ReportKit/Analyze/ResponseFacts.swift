import Foundation

/// What one curl exchange says about a failure: the answer, the reason the service gave in its
/// body, and the headers that tell why (`WWW-Authenticate`, `Retry-After`, `Location`) or who
/// answered (`Server`, `Via`, a request id). Each fact keeps the log line that shows it.
struct ResponseFacts {
  /// A fact and its line.
  struct Fact {
    var text: String
    var evidence: Evidence
  }

  let exchange: HTTPExchange
  /// The index of the exchange in `Run.requests`.
  let index: Int
  /// The service's own words: a JSON body's `detail`, `message`, `error_description`, `reason`,
  /// `error` or `title`, else the body's first meaningful line.
  var reason: Fact?
  /// `WWW-Authenticate`'s `error_description` (or `error`), or the header's value.
  var challenge: Fact?
  var retryAfter: Fact?
  var location: Fact?
  /// Who answered: `Via` (a gateway or proxy) before `Server`.
  var answeredBy: Fact?
  var requestID: Fact?

  init(_ x: HTTPExchange, index: Int) {
    exchange = x
    self.index = index
    for h in x.headers {
      let fact = Fact(text: h.value, evidence: h.evidence)
      switch h.name {
      case "www-authenticate": challenge = challenge ?? Fact(text: Self.challengeText(h.value), evidence: h.evidence)
      case "retry-after": retryAfter = retryAfter ?? fact
      case "location": location = location ?? fact
      case "via": answeredBy = Fact(text: "via " + h.value, evidence: h.evidence)
      case "server": if answeredBy == nil { answeredBy = fact }
      default: requestID = requestID ?? Fact(text: h.value, evidence: h.evidence)
      }
    }
    if let body = x.body, let text = x.bodyExcerpt, let said = Self.bodyReason(text) { reason = Fact(text: said, evidence: body) }
  }

  /// `GET http://host:port/path`, the request as it went out (the full URL, port included).
  var request: String { "\(exchange.method ?? "GET") \(exchange.url ?? exchange.host ?? "?")" }

  /// `503 Service Unavailable`, `curl exit 7: Failed to connect ...`, or `no answer`.
  var outcome: String {
    if let s = exchange.status { return "\(s)" + ((exchange.reason ?? HTTPStatusText.phrase(s)).map { " " + $0 } ?? "") }
    if let code = exchange.curlExit { return "curl exit \(code)" + (exchange.error.map { ": " + Excerpt.line($0, limit: 120) } ?? "") }
    return exchange.error.map { Excerpt.line($0, limit: 120) } ?? "no answer"
  }

  /// The outcome without curl's words, which name one host: what requests to many hosts share.
  var sharedOutcome: String {
    if exchange.status == nil, let code = exchange.curlExit { return "curl exit \(code)" }
    return outcome
  }

  /// The line that shows the answer: the status line, else curl's error, else the first line.
  var answerLine: Evidence? {
    exchange.statusLine ?? exchange.evidence.first { $0.text.contains("curl: (") || CurlExchangeBuilder.isFailureNote($0.text) }
      ?? exchange.evidence.last
  }

  /// The reason a response body gives, in the service's words.
  static func bodyReason(_ body: String) -> String? {
    let trimmed = body.trimmingCharacters(in: .whitespacesAndNewlines)
    if trimmed.hasPrefix("{"), let end = Self.objectEnd(trimmed),
      let object = try? JSONDecoder().decode([String: JSONScalar].self, from: Data(trimmed[...end].utf8))
    {
      let words = ["detail", "message", "error_description", "reason", "title", "error"].compactMap { object[$0]?.text }.filter {
        !$0.isEmpty
      }
      guard let first = words.first else { return nil }
      // `{"error": "upstream unavailable", "detail": "pool exhausted"}`: both, the general one first.
      func same(_ a: String, _ b: String) -> Bool {
        a.lowercased().replacingOccurrences(of: "_", with: " ") == b.lowercased().replacingOccurrences(of: "_", with: " ")
      }
      if let general = object["error"]?.text, !same(general, first), !general.isEmpty, words.count > 1 {
        return Excerpt.line(general + ": " + first, limit: 200)
      }
      return Excerpt.line(first, limit: 200)
    }
    let line = trimmed.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.first { line in
      !line.isEmpty && !line.hasPrefix("<!") && !line.hasPrefix("<html") && !line.hasPrefix("<head") && line.count > 3
    }
    return line.map { Excerpt.line(Self.strippingTags($0), limit: 200) }.flatMap { $0.isEmpty ? nil : $0 }
  }

  /// `Bearer error="invalid_token", error_description="The access token expired"` → the description.
  static func challengeText(_ value: String) -> String {
    for key in ["error_description=\"", "error=\""] {
      if let r = value.range(of: key), let end = value[r.upperBound...].firstIndex(of: "\"") { return String(value[r.upperBound..<end]) }
    }
    return value
  }

  /// Where the first JSON object of `s` ends (its closing brace), counting braces outside strings.
  private static func objectEnd(_ s: String) -> String.Index? {
    var depth = 0
    var inString = false
    var escaped = false
    for i in s.indices {
      let c = s[i]
      if inString {
        if escaped { escaped = false } else if c == "\\" { escaped = true } else if c == "\"" { inString = false }
        continue
      }
      if c == "\"" {
        inString = true
      } else if c == "{" {
        depth += 1
      } else if c == "}" {
        depth -= 1
        if depth == 0 { return i }
      }
    }
    return nil
  }

  /// `<h1>Bad Gateway</h1>` → `Bad Gateway`.
  private static func strippingTags(_ s: String) -> String {
    var out = ""
    var inTag = false
    for c in s {
      if c == "<" { inTag = true } else if c == ">" { inTag = false } else if !inTag { out.append(c) }
    }
    return out.trimmingCharacters(in: .whitespaces)
  }
}

/// A JSON value of a response body, kept only when it is a scalar.
struct JSONScalar: Decodable {
  var text: String?

  init(from decoder: Decoder) throws {
    let c = try decoder.singleValueContainer()
    if let s = try? c.decode(String.self) {
      text = s
    } else if let n = try? c.decode(Double.self) {
      text = n == n.rounded() && abs(n) < 1e15 ? String(Int(n)) : String(n)
    } else if let b = try? c.decode(Bool.self) {
      text = String(b)
    } else {
      text = nil
    }
  }
}
