import Foundation

/// One request made by curl, as its trace shows it.
extension [HTTPExchange] {
  /// How many failed, counted in place (`filter(\.failed).count` copies each failed exchange).
  var failedCount: Int {
    var n = 0
    for i in indices where self[i].failed { n += 1 }
    return n
  }
}

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
  /// Which of `evidence` is the first line of the response body, if the trace shows one.
  public var bodyLine: Int?

  public init() {}

  /// The request failed: HTTP 4xx/5xx, a curl error, or an error with no response at all.
  public var failed: Bool { (status ?? 0) >= 400 || (curlExit ?? 0) != 0 || (status == nil && error != nil) }

  /// The response's status line as evidence (`< HTTP/1.1 503 ...`), if the trace shows one.
  public var statusLine: Evidence? { evidence.first { $0.text.hasASCIIPrefix("< HTTP/") || $0.text.hasASCIIPrefix("0000: HTTP/") } }

  /// The first line of the response body as evidence.
  public var body: Evidence? { bodyLine.flatMap { $0 < evidence.count ? evidence[$0] : nil } }

  /// Response headers that tell why an answer came, or from where: kept as evidence.
  public static let tellingHeaders = [
    "www-authenticate", "retry-after", "location", "server", "via", "x-request-id", "x-correlation-id", "request-id",
    "x-amzn-requestid", "x-cloud-trace-context", "x-cache",
  ]

  /// The lower-cased name and the value of a header line (`Retry-After: 30`), when it is a telling one.
  public static func tellingHeader(_ line: String) -> (name: String, value: String)? {
    guard let name = tellingName(line), let colon = line.utf8.firstIndex(of: UInt8(ascii: ":")) else { return nil }
    return (name, String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces))
  }

  /// Whether a header line is a telling one: `tellingHeader` without making its value (a curl
  /// trace asks this of every header line it reads).
  static func isTellingHeader(_ line: String) -> Bool { tellingName(line) != nil }

  private static func tellingName(_ line: String) -> String? {
    guard let colon = line.utf8.firstIndex(of: UInt8(ascii: ":")) else { return nil }
    let name = line[..<colon].lowercased()
    return tellingHeaders.contains(name) ? name : nil
  }

  /// The telling headers of the response, each with the line that shows it.
  public var headers: [(name: String, value: String, evidence: Evidence)] {
    evidence.compactMap { e in
      for marker in ["< ", "0000: "] where e.text.hasPrefix(marker) {
        if let h = Self.tellingHeader(String(e.text.dropFirst(marker.count))) { return (h.name, h.value, e) }
      }
      return nil
    }
  }

  /// True once the exchange holds anything worth reporting.
  var hasContent: Bool {
    url != nil || status != nil || curlExit != nil || !timingsMs.isEmpty
  }
}
