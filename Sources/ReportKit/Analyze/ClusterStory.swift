/// What a cluster is about, gathered once from its first failure and the curl exchange it links
/// to: the endpoint, the answer, the service's own reason, and a title in words. The whys, the
/// hypotheses and the actions all tell this story, so they name the same host, port and endpoint.
public struct ClusterStory: Sendable {
  /// `GET /api/orders` → 503 Service Unavailable: orders-db connection pool exhausted (2 tests).
  public var title: Phrase
  var endpoint: Endpoint?
  /// The exchange that shows the answer, when a trace holds one.
  var response: ResponseFacts?
  /// A transport failure in words (`connection refused`), read from the failure.
  var transport: String?
  /// A status the failure states when no exchange shows it.
  var statedStatus: Int?
  var exceptionType: String?
  /// The first line of the first failure's message.
  var message: String
  /// For a cluster of requests on more than one route: the hosts that answered (in order of
  /// first appearance) and how many routes (found when the requests were grouped).
  var spread: RequestSpread? = nil
  /// For a cluster of tests: how many other addresses its members' failures name (the
  /// signature masks numbers, so `gateway-7` and `gateway-12` are one finding), and whether
  /// members were left unread for it.
  var otherAddresses = 0
  var otherAddressesSampled = false
}

/// The endpoint a failure names: method, scheme, host, port and path as far as the text tells.
struct Endpoint: Sendable, Equatable {
  var method: String?
  var scheme: String?
  var host: String?
  var port: Int?
  var path: String

  /// `GET /api/orders`; the address when the path is unknown (`127.0.0.1:34517`).
  var short: String { path.isEmpty ? (address ?? "?") : (method.map { $0 + " " } ?? "") + path }

  /// `127.0.0.1:34517`, when the host is known.
  var address: String? { host.map { h in port.map { "\(h):\($0)" } ?? h } }

  /// `GET /api/orders` on 127.0.0.1:34517, or the address alone when the path is unknown.
  var located: Phrase {
    guard !path.isEmpty else { return "\(code: address ?? "?")" }
    return "\(code: short)\(address.map { " on " + $0 } ?? "")"
  }

  /// `GET http://127.0.0.1:34517/api/orders`: the request in full, port included.
  var full: String {
    guard let host else { return short }
    return (method.map { $0 + " " } ?? "") + (scheme ?? "http") + "://" + host + (port.map { ":\($0)" } ?? "") + path
  }
}

extension ClusterStory {
  /// The story of `c`, from its first member's failure and `correlator`'s exchanges.
  init(_ c: Cluster, run: Run, findings: Findings, correlator: Correlator?) {
    if c.tests.isEmpty, let r = c.requests.first {
      self = Self.requests(c, first: r, run: run)
      return
    }
    let first = c.tests.first.map { run.tests[$0] }
    let d = first?.details
    let text = FailureFacts.failureText(message: d?.message, detail: d?.detail)
    let signals = FailureFacts(text: text).signals
    message = Excerpt.line(d?.message ?? d?.exceptionType ?? first?.status.rawValue ?? "", limit: 300)
    exceptionType = d?.exceptionType
    statedStatus = signals.httpStatus
    transport = Self.transport(in: text.lowercased())
    var endpoint = Self.endpoint(in: text)
    if let i = c.tests.first,
      let r = findings.classifications[i]?.request ?? Self.exchange(for: text, status: statedStatus, port: endpoint?.port, correlator, run)
    {
      let facts = ResponseFacts(run.requests[r], index: r)
      response = facts
      if let e = Self.endpoint(of: facts.exchange), e.path == endpoint?.path || endpoint == nil {
        endpoint = Endpoint(
          method: e.method, scheme: e.scheme, host: endpoint?.host ?? e.host, port: endpoint?.port ?? e.port, path: e.path)
      }
    }
    self.endpoint = endpoint
    if let address = endpoint?.address, c.tests.count > 1 {
      // The title names one address: say how many more the members name (the first 30 read).
      var others = Set<String>()
      for i in c.tests.dropFirst().prefix(Self.addressSample) {
        let d = run.tests[i].details
        if let a = Self.endpoint(in: FailureFacts.failureText(message: d?.message, detail: d?.detail))?.address, a != address {
          others.insert(a)
        }
      }
      otherAddresses = others.count
      otherAddressesSampled = c.tests.count - 1 > Self.addressSample
    }
    title = ""
    title = headline(count: c.tests.count)
  }

  /// The story of a cluster of failed requests: the first request's answer is the story.
  private static func requests(_ c: Cluster, first r: Int, run: Run) -> ClusterStory {
    let facts = ResponseFacts(run.requests[r], index: r)
    var endpoint = Self.endpoint(of: facts.exchange)
    let said = facts.exchange.error ?? facts.answerLine?.text ?? facts.outcome
    let n = c.requests.count
    let cause = facts.reason?.text ?? facts.challenge?.text
    let spread = c.spread
    let answered: Phrase = "\(facts.outcome)\(cause.map { ": " + $0 } ?? "")"
    let count: Phrase = " (\(n) request\(n == 1 ? "" : "s"))"
    let title: Phrase
    if let spread, spread.hosts.count > 1 {
      // No one endpoint: the hosts are named in the whys and the action.
      endpoint = nil
      let shared: Phrase = facts.exchange.status == nil ? "\(facts.sharedOutcome)" : answered
      title = "\(shared) from \(spread.hosts.count) hosts on \(spread.routes) routes\(count)"
    } else if let spread {
      endpoint?.path = ""
      endpoint?.method = nil
      title = "\(code: endpoint?.full ?? spread.hosts[0]) → \(answered) on \(spread.routes) routes\(count)"
    } else {
      title = "\(code: endpoint?.full ?? facts.request) → \(answered)\(count)"
    }
    return ClusterStory(
      title: title, endpoint: endpoint, response: facts,
      transport: facts.exchange.status == nil ? Self.transport(in: said.lowercased()) : nil,
      statedStatus: nil, exceptionType: nil, message: Excerpt.line(said, limit: 300), spread: spread)
  }

  /// Members read for the other addresses a cluster's failures name.
  static let addressSample = 30

  /// ` and 159 more addresses` after an address, ` on 160 addresses` after a bare path: when
  /// the members name other addresses than the title's.
  func elsewhere(afterPath: Bool) -> Phrase {
    guard otherAddresses > 0 else { return "" }
    let more = otherAddressesSampled ? "+" : ""
    if afterPath { return " on \(otherAddresses + 1)\(more) addresses" }
    return " and \(otherAddresses)\(more) more address\(otherAddresses == 1 && !otherAddressesSampled ? "" : "es")"
  }

  /// The title: the endpoint and its answer when known, else the exception and its message.
  /// `byMessage`: the exception and its message only, for findings that would be titled alike.
  func headline(count: Int, byMessage: Bool = false) -> Phrase {
    let n: Phrase = " (\(count) test\(count == 1 ? "" : "s"))"
    let cause = response?.reason?.text ?? response?.challenge?.text
    if let endpoint, !byMessage {
      if let response, response.exchange.status != nil || response.exchange.curlExit != nil {
        return
          "\(code: endpoint.short)\(elsewhere(afterPath: !endpoint.path.isEmpty)) → \(response.outcome)\(cause.map { ": " + $0 } ?? "")\(n)"
      }
      if let s = statedStatus {
        return
          "\(code: endpoint.short)\(elsewhere(afterPath: !endpoint.path.isEmpty)) → \(s)\(HTTPStatusText.phrase(s).map { " " + $0 } ?? "")\(cause.map { ": " + $0 } ?? "")\(n)"
      }
      if let transport {
        return "\(endpoint.located)\(elsewhere(afterPath: false)): \(transport)\(n)"
      }
    }
    let type = exceptionType.map { ($0.split(separator: ".").last).map(String.init) ?? $0 }
    var words = message
    if let t = exceptionType, words.hasPrefix(t + ": ") { words = String(words.dropFirst(t.count + 2)) }
    if let type, words.hasPrefix(type + ": ") { words = String(words.dropFirst(type.count + 2)) }
    let short = Excerpt.line(words, limit: 90)
    if let transport, let type, !byMessage { return "\(code: type): \(transport)\(n)" }
    if let type { return short.isEmpty || short == type ? "\(code: type)\(n)" : "\(code: type): \(short)\(n)" }
    return "\(short)\(n)"
  }

  /// The failed exchange for the endpoint `text` names (one with the stated status first).
  static func exchange(for text: String, status: Int?, port: Int?, _ correlator: Correlator?, _ run: Run) -> Int? {
    guard let correlator else { return nil }
    // The same path on another port is another service: `127.0.0.1:54371/search` is not `:41569/search`.
    let linked = correlator.linked(text).filter { x in
      guard let port, let url = run.requests[x.index].url, let p = Endpoint(url: url)?.port else { return true }
      return p == port
    }
    if let s = status, let hit = linked.first(where: { $0.status == s }) { return hit.index }
    return linked.first { ($0.status ?? 0) >= 400 || ($0.curlExit ?? 0) != 0 }?.index
  }

  static func endpoint(of x: HTTPExchange) -> Endpoint? {
    guard let url = x.url, let path = Correlator.path(ofURL: url) ?? (url.contains("://") ? "/" : nil) else { return nil }
    var e = Endpoint(url: url) ?? Endpoint(path: path)
    e.method = x.method
    return e
  }

  /// The endpoint a failure text names: a URL, or urllib3's `host='h', port=p ... url: /path`,
  /// or a bare path after a method.
  static func endpoint(in text: String) -> Endpoint? {
    if let url = Self.firstURL(in: text), let e = Endpoint(url: url) { return e }
    if let pool = urllibPool.firstMatch(in: text) {
      let g = pool.groups
      if let host = g[0], let port = g[1].flatMap({ Int($0) }) {
        let path = g.count > 2 ? g[2].map { $0.split(separator: "?").first.map(String.init) ?? $0 } : nil
        return Endpoint(method: nil, scheme: nil, host: host, port: port, path: path ?? "")
      }
    }
    if let e = Correlator.endpoints(in: text).first { return Endpoint(method: nil, scheme: nil, host: e.host, port: nil, path: e.path) }
    return nil
  }

  /// The first URL the text names that is not documentation (`URLParts.isReference`).
  static func firstURL(in text: String) -> String? {
    URLScan.matches(in: text, websockets: true, lead: URLParts.leadLength).first { !URLParts.isReference($0.capture, lead: $0.lead) }?
      .capture
  }

  /// A transport failure named by the text, in words.
  static func transport(in lowered: String) -> String? {
    let table: [(String, [String])] = [
      ("connection refused", ["connection refused", "econnrefused", "actively refused"]),
      ("network unreachable", ["network is unreachable", "enetunreach", "no route to host"]),
      ("DNS lookup failed", ["name or service not known", "could not resolve", "nodename nor servname", "getaddrinfo", "name resolution"]),
      ("TLS handshake failed", ["certificate verify failed", "ssl:", "sslerror", "tls handshake", "certificate has expired"]),
      ("connection reset", ["connection reset", "econnreset", "connection aborted", "remote end closed"]),
      ("timed out", ["timed out", "timeout", "deadline exceeded", "deadline_exceeded"]),
    ]
    return table.first { $0.1.contains { lowered.utf8Contains($0) } }?.0
  }

  static let urllibPool = Pattern(
    builtIn: #"host='([^']+)', port=(\d+)\)(?:[^\n]*?url: (/[^\s'"()]*))?"#, requiring: ["host='"])
}
