import Foundation
import Testing

@testable import ReportKit

/// `URLScan` finds what the ICU patterns it stands in for find, with the same lead before each:
/// checked side by side on texts built from the pieces that could tell them apart (schemes in
/// any case, `ſ`, every kind of space ICU's `\s` takes, the stop characters, line breaks,
/// characters beyond U+FFFF where the lead is cut, long leads).
@Suite struct URLScanTests {
  static let both = try! NSRegularExpression(pattern: #"((?:https?|wss?)://[^\s'"<>)\]]+)"#, options: [.caseInsensitive])
  static let http = try! NSRegularExpression(pattern: #"(https?://[^\s'"<>)\]]+)"#, options: [.caseInsensitive])

  /// What the readers ran before `URLScan`: every match's first capture, with the text of its
  /// line before it (at most `lead` UTF-16 units back, split at `Character` line breaks).
  static func capturesWithLead(_ regex: NSRegularExpression, in text: String, lead: Int) -> [(capture: String, lead: String)] {
    let ns = text as NSString
    return regex.matches(in: text, range: NSRange(location: 0, length: ns.length)).compactMap { m in
      guard m.numberOfRanges > 1, m.range(at: 1).location != NSNotFound else { return nil }
      let start = m.range.location
      let from = max(0, start - lead)
      let before = ns.substring(with: NSRange(location: from, length: start - from))
      let line = before.split(separator: "\n", omittingEmptySubsequences: false).last.map(String.init) ?? before
      return (ns.substring(with: m.range(at: 1)), line)
    }
  }

  /// Hosts are read from the bytes as the Substring search they replace read them: after each
  /// `://`, the host characters, lower-cased.
  @Test func hostsReadFromBytesAsBefore() {
    func reference(_ text: String) -> [String] {
      var out: [String] = []
      var rest = text[...]
      while let r = rest.utf8Range(of: "://") {
        let host = rest[r.upperBound...].utf8.prefix { b in
          (b >= 97 && b <= 122) || (b >= 65 && b <= 90) || (b >= 48 && b <= 57) || b == 46 || b == 45 || b == 95
        }
        if !host.isEmpty { out.append(String(decoding: host, as: UTF8.self).lowercased()) }
        rest = rest[r.upperBound...]
      }
      return out
    }
    let parts = ["://", ":/", ":", "//", "/", "Api.Example.COM", "h_1", "-x", "é", "😀", " ", "\n", "x:", "a://b://c", "HTTP", "?"]
    var rng = DamagedInputTests.SplitMix(state: 61)
    for _ in 0..<20_000 {
      let text = (0..<Int(rng.next() % 8)).map { _ in parts[Int(rng.next() % UInt64(parts.count))] }.joined()
      #expect(URLParts.hosts(in: text) == reference(text), "\(text.debugDescription)")
    }
    #expect(URLParts.hosts(in: "GET https://API.x.io/v1 and ws://h_2:80 ://") == ["api.x.io", "h_2"])
  }

  static let pieces = [
    "http://", "https://h.x/p?q", "WSS://s", "http", "https", "HTTP", "hTtPs", "ws", "wss", "WsS", "ſ", "httpſ", "ẞ", "ß", "://", ":/", "/",
    ":", "a", "x1", "é", "😀", "中",
    " ", "\t", "\n", "\r\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{A0}", "\u{1680}", "\u{2003}", "\u{2028}", "\u{2029}",
    "\u{202F}", "\u{205F}", "\u{3000}", "\u{200B}", "'", "\"", "<", ">", ")", "]", "(", "[", "see ", "docs: ", "?q=1&b",
    String(repeating: "a", count: 70), String(repeating: "😀", count: 39), "E   requests.exceptions.HTTPError: 503 for url: ",
  ]

  func same(_ text: String, _ note: String = "") {
    for (pattern, websockets) in [(Self.both, true), (Self.http, false)] {
      let regex = Self.capturesWithLead(pattern, in: text, lead: URLParts.leadLength)
      let scan = URLScan.matches(in: text, websockets: websockets, lead: URLParts.leadLength)
      #expect(regex.map(\.capture) == scan.map(\.capture), "\(text.debugDescription) \(note)")
      #expect(regex.map(\.lead) == scan.map(\.lead), "\(text.debugDescription) \(note)")
    }
  }

  @Test func realFailureTexts() {
    for text in [
      "requests.exceptions.ConnectionError: HTTPConnectionPool(host='127.0.0.1', port=1): Max retries exceeded with url: /ping",
      "503 Server Error: Service Unavailable for url: http://127.0.0.1:34517/api/orders",
      "see https://docs.python.org/3/library/ssl.html (ssl) and wss://stream.example.com/v1?x=1]",
      "GET https://api.example.internal/v2/items/42?page=3\nE   AssertionError: expected 200, got 503 from HTTPS://API.EXAMPLE/x",
      "", "://", "http://", "http:// x", "xhttps://a", "httpss://a", "wshttp://b", "ahttp://bhttp://c",
    ] {
      same(text)
    }
    // The 80 units before the URL start in the middle of the first emoji: its half reads as U+FFFD.
    let cut = "a" + String(repeating: "😀", count: 40) + "bhttp://x"
    same(cut)
    #expect(URLScan.matches(in: cut, websockets: true, lead: 80).first?.lead.hasPrefix("\u{FFFD}😀") == true)
    same("x\r\nhttp://a \r\nhttps://b\n\rws://c")
  }

  /// `URLParts.host` reads an ASCII URL by bytes: the same host as the general path by
  /// characters, on URLs built from the parts that decide it (userinfo, ports, brackets, `?`,
  /// `#`, paths, a missing host or scheme); a URL that is not ASCII takes the general path.
  @Test func hostsOfASCIIURLsByBytes() {
    let parts = [
      "http", "://", "user:pw@", "@", "api.example.com", "127.0.0.1", "[::1]", "[fe80::1", ":", ":8080", ":x", "/", "/p/q", "?a=1", "#f",
      "", "\r\n", "]",
    ]
    for a in parts {
      for b in parts {
        for c in parts {
          for d in ["", "/x", ":443", "@h", "?q", "://z"] {
            let url = a + b + c + d
            #expect(URLParts.asciiHost(url) == .some(URLParts.hostByCharacters(url)), "\(url.debugDescription)")
          }
        }
      }
    }
    #expect(URLParts.asciiHost("https://é.example/x") == .none)
    #expect(URLParts.host("https://é.example:8443/x") == "é.example")
    #expect(URLParts.host("https://u:p@[2001:db8::1]:8443/x?y#z") == "2001:db8::1")
  }

  @Test func generatedTexts() {
    var rng = SystemRandomNumberGenerator()
    var seed = UInt64.random(in: 0...UInt64.max, using: &rng)
    let first = seed
    func next(_ n: Int) -> Int {  // splitmix64: the seed is printed with a failure
      seed &+= 0x9E37_79B9_7F4A_7C15
      var z = seed
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return Int((z ^ (z >> 31)) % UInt64(n))
    }
    var found = 0
    for _ in 0..<4000 {
      var text = ""
      for _ in 0..<(1 + next(24)) { text += Self.pieces[next(Self.pieces.count)] }
      same(text, "(seed \(first))")
      found += URLScan.matches(in: text, websockets: true, lead: 80).count
    }
    #expect(found > 400, "the texts hold URLs to find: \(found)")
  }
}
