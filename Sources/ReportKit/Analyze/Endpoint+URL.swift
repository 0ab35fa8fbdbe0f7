import Foundation

extension Endpoint {
  /// `http://host:port/path?q` → its parts: scheme and host lower-cased, the path without query
  /// or fragment (`/` when it has none); nil without `://` or a host.
  ///
  /// Read as bytes when the URL is ASCII (every URL curl prints; 100k requests are parsed per
  /// report), else by Characters (`parseCharacters`, which this equals).
  init?(url: String) {
    var u = url
    let fast = u.withUTF8 { b -> Endpoint?? in
      guard !b.contains(where: { $0 >= 0x80 }) else { return .none }
      return .some(Self.parseASCII(b))
    }
    guard let parsed = fast ?? Self.parseCharacters(url) else { return nil }
    self = parsed
  }

  /// The same reading by Characters: the definition, and the way for URLs that are not all ASCII.
  static func parseCharacters(_ url: String) -> Endpoint? {
    guard let r = url.range(of: "://") else { return nil }
    let scheme = String(url[..<r.lowerBound]).lowercased()
    var rest = url[r.upperBound...]
    let slash = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex
    var hostPort = rest[..<slash]
    if let at = hostPort.lastIndex(of: "@") { hostPort = hostPort[hostPort.index(after: at)...] }
    rest = rest[slash...]
    let path = String(rest.prefix { $0 != "?" && $0 != "#" })
    var host = String(hostPort)
    var port: Int?
    if !hostPort.hasPrefix("["), let colon = hostPort.lastIndex(of: ":"), let p = Int(hostPort[hostPort.index(after: colon)...]) {
      host = String(hostPort[..<colon])
      port = p
    }
    guard !host.isEmpty else { return nil }
    return Endpoint(method: nil, scheme: scheme, host: host.lowercased(), port: port, path: path.isEmpty ? "/" : path)
  }

  private static func parseASCII(_ b: UnsafeBufferPointer<UInt8>) -> Endpoint? {
    guard let sep = b.firstIndex(of: "://") else { return nil }
    let scheme = lowered(b, 0..<sep)
    let restStart = sep + 3
    var slash = restStart
    while slash < b.count && b[slash] != UInt8(ascii: "/") && b[slash] != UInt8(ascii: "?") && b[slash] != UInt8(ascii: "#") {
      slash += 1
    }
    var hostStart = restStart
    if let at = (restStart..<slash).last(where: { b[$0] == UInt8(ascii: "@") }) { hostStart = at + 1 }
    var pathEnd = slash
    while pathEnd < b.count && b[pathEnd] != UInt8(ascii: "?") && b[pathEnd] != UInt8(ascii: "#") { pathEnd += 1 }
    var hostEnd = slash
    var port: Int?
    if hostStart == slash || b[hostStart] != UInt8(ascii: "["),
      let colon = (hostStart..<slash).last(where: { b[$0] == UInt8(ascii: ":") }),
      let p = Int(String(decoding: UnsafeBufferPointer(rebasing: b[(colon + 1)..<slash]), as: UTF8.self))
    {
      hostEnd = colon
      port = p
    }
    guard hostEnd > hostStart else { return nil }
    let path = pathEnd > slash ? String(decoding: UnsafeBufferPointer(rebasing: b[slash..<pathEnd]), as: UTF8.self) : "/"
    return Endpoint(method: nil, scheme: scheme, host: lowered(b, hostStart..<hostEnd), port: port, path: path)
  }

  private static func lowered(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> String {
    String(unsafeUninitializedCapacity: r.count) { out in
      for (k, i) in r.enumerated() {
        let c = b[i]
        out[k] = c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z") ? c + 32 : c
      }
      return r.count
    }
  }
}
