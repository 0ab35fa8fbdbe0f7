/// Host names out of URLs, without pulling in URL parsing for every line.
enum URLParts {
  static func host(_ url: String) -> String? {
    if case .some(let host) = asciiHost(url) { return host }
    return hostByCharacters(url)
  }

  /// `host(_:)` for any URL, by characters.
  static func hostByCharacters(_ url: String) -> String? {
    guard let r = url.range(of: "://") else { return nil }
    var rest = url[r.upperBound...]
    if let end = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) { rest = rest[..<end] }
    if let at = rest.lastIndex(of: "@") { rest = rest[rest.index(after: at)...] }
    return rest.isEmpty ? nil : stripPort(String(rest))
  }

  /// `host(_:)` over the bytes of an all-ASCII URL (every URL curl prints), where a byte is a
  /// character (CR LF aside, which none of the bytes looked for is part of) and Foundation's
  /// search finds what a byte search finds. Nil when the URL is not ASCII: the general path then.
  static func asciiHost(_ url: String) -> String?? {
    var url = url
    return url.withUTF8 { b -> String?? in
      guard b.isASCII else { return nil }
      guard let sep = b.firstIndex(of: "://") else { return .some(nil) }
      var start = sep + 3
      var end = start
      while end < b.count && b[end] != 0x2F && b[end] != 0x3F && b[end] != 0x23 { end += 1 }  // / ? #
      var at = end
      while at > start && b[at - 1] != 0x40 { at -= 1 }  // after the last @
      if at > start { start = at }
      guard end > start else { return .some(nil) }
      var host = UnsafeBufferPointer(rebasing: b[start..<end])
      if host[0] == 0x5B {  // [v6]: up to the bracket
        var k = 1
        while k < host.count && host[k] != 0x5D { k += 1 }
        host = UnsafeBufferPointer(rebasing: host[1..<k])
      } else if let colon = host.lastIndex(of: 0x3A), host[(colon + 1)...].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
        host = UnsafeBufferPointer(rebasing: host[..<colon])
      }
      return .some(String(decoding: host, as: UTF8.self))
    }
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
    var text = text
    // One pass over the bytes (every failure's message is read for hosts): each `://`, then the
    // host's bytes after it (ASCII only, so lower-cased byte by byte).
    return text.withUTF8 { p in
      var out: [String] = []
      var i = 0
      while let at = p.firstIndex(of: "://", from: i) {
        let start = at + 3
        var end = start
        while end < p.count, isHostByte(p[end]) { end += 1 }
        if end > start {
          out.append(
            String(unsafeUninitializedCapacity: end - start) { o in
              for k in start..<end { o[k - start] = p[k].lowercasedASCII }
              return end - start
            })
        }
        i = start
      }
      return out
    }
  }

  private static func isHostByte(_ b: UInt8) -> Bool {
    (b >= 97 && b <= 122) || (b >= 65 && b <= 90) || (b >= 48 && b <= 57) || b == 46 || b == 45 || b == 95
  }

  /// Whether a URL in a failure text points at documentation, not at something the test called:
  /// a documentation host, or words before it on its line (`see`, `Docs:`, `Background on this
  /// error at:`) in `lead`, the text of its line before it. pytest's help text and library error
  /// pages are not the failing endpoint.
  static func isReference(_ url: String, lead: String) -> Bool {
    if let host = host(url)?.lowercased(), isReferenceHost(host) { return true }
    let before = lead.lowercased()
    // Byte-wise (the leads are ASCII): Foundation's `contains` was a CFStringFind per lead per URL.
    return referenceLeads.contains { before.utf8Contains($0) }
  }

  /// How much of a URL's line before it `isReference` reads for a lead-in such as "see ".
  static let leadLength = 80

  /// Hosts that serve documentation, issue trackers and package pages.
  static func isReferenceHost(_ host: String) -> Bool {
    host.hasPrefix("docs.") || host.hasSuffix(".readthedocs.io") || host.hasSuffix(".readthedocs.org") || referenceHosts.contains(host)
  }

  private static let referenceHosts: Set<String> = [
    "sqlalche.me", "github.com", "gitlab.com", "stackoverflow.com", "developer.mozilla.org", "pypi.org", "python.org",
    "www.python.org", "nodejs.org", "npmjs.com", "www.npmjs.com", "learn.microsoft.com", "aka.ms", "go.dev", "pkg.go.dev",
    "errors.pydantic.dev", "peps.python.org", "bugs.python.org", "jestjs.io", "playwright.dev",
  ]

  private static let referenceLeads = [
    "see ", "see:", "docs:", "documentation", "background on this error at", "for more information", "more info", "read more",
    "learn more", "visit ", "refer to", "details at", "described at", "explained at", "help:",
  ]
}
