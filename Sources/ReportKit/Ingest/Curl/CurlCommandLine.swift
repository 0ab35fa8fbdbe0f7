/// A shell-echoed curl command (`+ curl -sS -X PUT https://...`): the URL it asks and its
/// method, as the exchange it starts takes them.
extension CurlExchangeBuilder {
  /// `commandURL` and `commandMethod` in one pass over the words of an ASCII command line, by
  /// bytes (a Character is a byte there, but for CR LF, which holds no quote, space or letter
  /// asked); other lines take those two.
  static func command(_ s: String) -> (url: String?, method: String) {
    var text = s
    let ascii = text.withUTF8 { p -> (url: String?, method: String)? in
      guard p.isASCII else { return nil }
      var url: String?
      var method: String?
      var (requestOption, awaitingMethod, data, head) = (false, false, false, false)
      let isQuote = { (c: UInt8) in c == UInt8(ascii: "'") || c == UInt8(ascii: "\"") }
      var i = 0
      while i < p.count {
        guard p[i] != 0x20 else {
          i += 1
          continue
        }
        var j = i
        while j < p.count && p[j] != 0x20 { j += 1 }
        let token = UnsafeBufferPointer(rebasing: p[i..<j])
        var (a, b) = (i, j)
        while a < b && isQuote(p[a]) { a += 1 }
        while b > a && isQuote(p[b - 1]) { b -= 1 }
        let bare = UnsafeBufferPointer(rebasing: p[a..<b])
        // Each scheme begins with `h` or `w`, each option asked with `-`: other words are out
        // after one byte.
        if url == nil, let f = bare.first, f == UInt8(ascii: "h") || f == UInt8(ascii: "w"),
          bare.has("http://", at: 0) || bare.has("https://", at: 0) || bare.has("ws://", at: 0) || bare.has("wss://", at: 0)
        {
          url = String(decoding: bare, as: UTF8.self)
        }
        let option = p[i] == UInt8(ascii: "-")
        if awaitingMethod {
          method = String(decoding: bare, as: UTF8.self)
          awaitingMethod = false
        } else if option && !requestOption && (token.equals("-X") || token.equals("--request")) {
          (requestOption, awaitingMethod) = (true, true)
        }
        if option {
          data = data || dataOptionBytes.contains { token.equals($0) }
          head = head || token.equals("-I") || token.equals("--head")
        }
        i = j
      }
      return (url, method ?? (data ? "POST" : head ? "HEAD" : "GET"))
    }
    return ascii ?? (commandURL(s), commandMethod(s))
  }

  private static let dataOptionBytes: [StaticString] = ["-d", "--data", "--data-raw", "--data-binary", "--json", "-F", "--form"]

  static func commandURL(_ s: String) -> String? {
    for token in commandTokens(s) {
      let t = unquoted(token)
      // Each scheme begins with the byte `h` or `w`: other words are out without a Character.
      guard let first = t.utf8.first, first == UInt8(ascii: "h") || first == UInt8(ascii: "w") else { continue }
      if t.hasPrefix("http://") || t.hasPrefix("https://") || t.hasPrefix("ws://") || t.hasPrefix("wss://") { return String(t) }
    }
    return nil
  }

  static func commandMethod(_ s: String) -> String {
    let tokens = commandTokens(s)
    if let i = tokens.firstIndex(where: { $0 == "-X" || $0 == "--request" }), i + 1 < tokens.count {
      return String(unquoted(tokens[i + 1]))
    }
    if tokens.contains(where: { dataOptions.contains($0) }) { return "POST" }
    if tokens.contains("-I") || tokens.contains("--head") { return "HEAD" }
    return "GET"
  }

  private static let dataOptions = Set(dataOptionBytes.map { Substring($0.description) })

  /// The words of a command line, split at spaces by bytes (a `set -x` line per request).
  private static func commandTokens(_ s: String) -> [Substring] { s.utf8Split { $0 == UInt8(ascii: " ") } }

  /// A token without the quotes around it (`'...'`, `"..."`, or a stray one at either end).
  private static func unquoted(_ t: Substring) -> Substring {
    var t = t
    while let f = t.utf8.first, f == UInt8(ascii: "'") || f == UInt8(ascii: "\"") { t = t.dropFirst() }
    while let l = t.utf8.last, l == UInt8(ascii: "'") || l == UInt8(ascii: "\"") { t = t.dropLast() }
    return t
  }
}
