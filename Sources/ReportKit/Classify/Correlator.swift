/// Links a failure to the curl exchanges for the endpoint it names (same path, and the same
/// host when both name one), so their status or error can stand as evidence.
struct Correlator: Sendable {
  private let byPath: [String: [Int]]
  private let requests: [(host: String?, status: Int?, curlExit: Int?)]

  init(_ requests: [HTTPExchange]) {
    var byPath: [String: [Int]] = [:]
    for (i, r) in requests.enumerated() {
      guard let url = r.url, let path = Self.path(ofURL: url) else { continue }
      byPath[path, default: []].append(i)
    }
    self.byPath = byPath
    self.requests = requests.map { ($0.host?.lowercased(), $0.status, $0.curlExit) }
  }

  var isEmpty: Bool { byPath.isEmpty }

  /// The exchanges for endpoints `text` names, failed ones first.
  func linked(_ text: String) -> [FailureFacts.LinkedExchange] {
    guard !byPath.isEmpty, text.utf8.contains(UInt8(ascii: "/")) else { return [] }
    var out: [FailureFacts.LinkedExchange] = []
    var seen = Set<Int>()
    for m in Self.endpoints(in: text) {
      for i in byPath[m.path] ?? [] where seen.insert(i).inserted {
        let r = requests[i]
        if let h = m.host, let rh = r.host, h != rh { continue }
        out.append(.init(index: i, status: r.status, curlExit: r.curlExit))
      }
    }
    return out.sorted { a, b in
      let fa = (a.status ?? 0) >= 400 || (a.curlExit ?? 0) != 0
      let fb = (b.status ?? 0) >= 400 || (b.curlExit ?? 0) != 0
      return fa != fb ? fa : a.index < b.index
    }
  }

  /// URLs (`http://host:port/path`) and bare paths after a method or `url:` in a failure text.
  static func endpoints(in text: String) -> [(host: String?, path: String)] {
    var out: [(String?, String)] = []
    for (url, lead) in urlPattern.allCapturesWithLead(in: text, lead: URLParts.leadLength)
    where !URLParts.isReference(url, lead: lead) {
      if let path = path(ofURL: url) { out.append((URLParts.host(url)?.lowercased(), path)) }
    }
    for p in barePathPattern.allCaptures(in: text) {
      let path = normalized(p)
      if path.count > 1 { out.append((nil, path)) }
    }
    return out
  }

  /// A path as a route: segments that are ids (numbers, uuids, hex, long tokens) become `{id}`,
  /// so `/v1/orders/123` and `/v1/orders/456` are one endpoint.
  static func route(_ path: String) -> String {
    path.split(separator: "/", omittingEmptySubsequences: false).map { seg -> Substring in
      let digits = seg.filter(\.isNumber).count
      let isID =
        (!seg.isEmpty && digits == seg.count)
        || (seg.count >= 8 && digits > 0 && seg.allSatisfy { $0.isHexDigit || $0 == "-" })
        || (seg.count >= 16 && digits > 0)
      return isID ? "{id}" : seg
    }.joined(separator: "/")
  }

  /// The path of a URL without query or fragment, and without a trailing slash; nil for `/`.
  static func path(ofURL url: String) -> String? {
    guard let r = url.range(of: "://") else { return nil }
    let rest = url[r.upperBound...]
    guard let slash = rest.firstIndex(of: "/") else { return nil }
    let path = normalized(String(rest[slash...]))
    return path.count > 1 ? path : nil
  }

  private static func normalized(_ p: String) -> String {
    var path = p.prefix { $0 != "?" && $0 != "#" }
    while path.count > 1 && path.hasSuffix("/") { path = path.dropLast() }
    return String(path)
  }

  private static let urlPattern = Pattern(builtIn: #"(https?://[^\s'"<>)\]]+)"#)
  private static let barePathPattern = Pattern(
    builtIn: #"\b(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|url:?|path:?)\s+['"]?(/[A-Za-z0-9_\-./%~]+)"#)
}
