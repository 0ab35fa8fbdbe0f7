/// One request made by curl, as its trace shows it.
public struct HTTPExchange: Sendable {
  public var method: String?
  public var url: String?
  public var host: String?
  public var status: Int?
  public var reason: String?
  public var curlExit: Int?
  public var error: String?
  /// Phase timings in milliseconds, keyed by curl's names (namelookup, connect, appconnect,
  /// starttransfer, total).
  public var timingsMs: [String: Double] = [:]
  public var bodyExcerpt: String?
  public var evidence: [Evidence] = []

  public init() {}

  /// The request failed: HTTP 4xx/5xx, a curl error, or an error with no response at all.
  public var failed: Bool { (status ?? 0) >= 400 || (curlExit ?? 0) != 0 || (status == nil && error != nil) }

  /// The response's status line as evidence (`< HTTP/1.1 503 ...`), if the trace shows one.
  public var statusLine: Evidence? { evidence.first { $0.text.hasPrefix("< HTTP/") } }

  /// True once the exchange holds anything worth reporting.
  var hasContent: Bool {
    url != nil || status != nil || curlExit != nil || !timingsMs.isEmpty
  }
}
