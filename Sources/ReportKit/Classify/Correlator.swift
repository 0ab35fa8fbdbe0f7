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
    for (url, lead) in URLScan.matches(in: text, websockets: false, lead: URLParts.leadLength) where !URLParts.isReference(url, lead: lead)
    {
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
    var p = path
    // Printable ASCII (every URL curl prints): bytes are characters, so one pass over them.
    let fast = p.withUTF8 { b in isPrintableASCII(b) ? routeASCII(b) : nil }
    if let fast { return fast }
    return path.split(separator: "/", omittingEmptySubsequences: false).map { seg -> Substring in
      let hexOrDash = seg.allSatisfy { $0.isHexDigit || $0 == "-" }
      return isID(length: seg.count, digits: seg.filter(\.isNumber).count, hexOrDash: hexOrDash) ? "{id}" : seg
    }.joined(separator: "/")
  }

  /// `route(path(ofURL: url) ?? "/")` (nil: `/`), in one pass over a printable ASCII URL: no
  /// path string is made on the way, nor a copy of a route without ids (a curl run asks this of
  /// every request).
  static func route(ofURL url: String?) -> String {
    guard var u = url else { return "/" }
    let fast = u.withUTF8 { b -> String? in
      guard isPrintableASCII(b) else { return nil }
      guard let path = asciiPath(b) else { return "/" }
      return routeASCII(UnsafeBufferPointer(rebasing: b[path]))
    }
    return fast ?? route(path(ofURL: u) ?? "/")
  }

  private static func isPrintableASCII(_ b: UnsafeBufferPointer<UInt8>) -> Bool { b.allSatisfy { $0 >= 0x20 && $0 < 0x7F } }

  /// `route` of printable ASCII: each segment that is an id replaced by `{id}`; the bytes are
  /// copied only once a segment is replaced.
  private static func routeASCII(_ b: UnsafeBufferPointer<UInt8>) -> String {
    var out: [UInt8] = []
    var changed = false
    var copied = 0
    var start = 0
    for i in 0...b.count where i == b.count || b[i] == UInt8(ascii: "/") {
      var digits = 0
      var hexOrDash = true
      for c in b[start..<i] {
        if c >= 0x30 && c <= 0x39 {
          digits += 1
        } else if !((c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46) || c == UInt8(ascii: "-")) {
          hexOrDash = false
        }
      }
      if isID(length: i - start, digits: digits, hexOrDash: hexOrDash) {
        if !changed { out.reserveCapacity(b.count + 8); changed = true }
        out += b[copied..<start]
        out += "{id}".utf8
        copied = i
      }
      start = i + 1
    }
    guard changed else { return String(decoding: b, as: UTF8.self) }
    out += b[copied..<b.count]
    return String(decoding: out, as: UTF8.self)
  }

  /// Whether a path segment is an id: all digits, a hex/uuid of 8 or more with a digit, or any
  /// 16 or more characters with a digit (one rule for the byte and the character reading).
  private static func isID(length n: Int, digits: Int, hexOrDash: Bool) -> Bool {
    (n > 0 && digits == n) || (n >= 8 && digits > 0 && hexOrDash) || (n >= 16 && digits > 0)
  }

  /// The path of a URL without query or fragment, and without a trailing slash; nil for `/`.
  static func path(ofURL url: String) -> String? {
    var u = url
    // Printable ASCII: the same steps on bytes (characters are bytes there).
    let fast = u.withUTF8 { b -> String?? in
      guard isPrintableASCII(b) else { return nil }
      return .some(asciiPath(b).map { String(decoding: UnsafeBufferPointer(rebasing: b[$0]), as: UTF8.self) })
    }
    if let fast { return fast }
    guard let r = url.range(of: "://") else { return nil }
    let rest = url[r.upperBound...]
    guard let slash = rest.firstIndex(of: "/") else { return nil }
    let path = normalized(String(rest[slash...]))
    return path.count > 1 ? path : nil
  }

  /// Where `path(ofURL:)` finds the path in a printable ASCII URL; nil where it finds none.
  private static func asciiPath(_ b: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
    var i = 0
    while i + 2 < b.count && !(b[i] == UInt8(ascii: ":") && b[i + 1] == UInt8(ascii: "/") && b[i + 2] == UInt8(ascii: "/")) { i += 1 }
    guard i + 2 < b.count else { return nil }
    var slash = i + 3
    while slash < b.count && b[slash] != UInt8(ascii: "/") { slash += 1 }
    guard slash < b.count else { return nil }
    var end = slash
    while end < b.count && b[end] != UInt8(ascii: "?") && b[end] != UInt8(ascii: "#") { end += 1 }
    while end - slash > 1 && b[end - 1] == UInt8(ascii: "/") { end -= 1 }
    return end - slash > 1 ? slash..<end : nil
  }

  private static func normalized(_ p: String) -> String {
    var path = p.prefix { $0 != "?" && $0 != "#" }
    while path.count > 1 && path.hasSuffix("/") { path = path.dropLast() }
    return String(path)
  }

  private static let barePathPattern = Pattern(
    builtIn: #"\b(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|url:?|path:?)\s+['"]?(/[A-Za-z0-9_\-./%~]+)"#)
}
