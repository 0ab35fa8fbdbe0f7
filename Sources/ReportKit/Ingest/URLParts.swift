/// Host names out of URLs, without pulling in URL parsing for every line.
enum URLParts {
  static func host(_ url: String) -> String? {
    guard let r = url.range(of: "://") else { return nil }
    var rest = url[r.upperBound...]
    if let end = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) { rest = rest[..<end] }
    if let at = rest.lastIndex(of: "@") { rest = rest[rest.index(after: at)...] }
    return rest.isEmpty ? nil : stripPort(String(rest))
  }

  static func stripPort(_ hostPort: String) -> String {
    if hostPort.hasPrefix("[") { return String(hostPort.prefix { $0 != "]" }.dropFirst()) }
    if let colon = hostPort.lastIndex(of: ":"), hostPort[hostPort.index(after: colon)...].allSatisfy(\.isNumber) {
      return String(hostPort[..<colon])
    }
    return hostPort
  }

  /// Host names of the `scheme://host` URLs in a text, by a byte scan.
  static func hosts(in text: String) -> [String] {
    var out: [String] = []
    var rest = text[...]
    while let r = rest.utf8Range(of: "://") {
      let after = rest[r.upperBound...].utf8
      let host = after.prefix { b in
        (b >= 97 && b <= 122) || (b >= 65 && b <= 90) || (b >= 48 && b <= 57) || b == 46 || b == 45 || b == 95
      }
      if !host.isEmpty { out.append(String(decoding: host, as: UTF8.self).lowercased()) }
      rest = rest[r.upperBound...]
    }
    return out
  }
}
