import Foundation
import Testing

@testable import ReportKit

/// The fast paths of keying failed requests and endpoints, each held to what it stands for: a
/// route straight from a URL, failed requests grouped by ids, hosts shared by their bytes.
@Suite struct RequestKeyFastPathTests {
  /// Pieces URLs are drawn from: ids of every kind, words, non-ASCII (read by characters),
  /// spaces, doubled and trailing slashes, queries and fragments.
  static let segments = [
    "v1", "orders", "123", "42", "123e4567-e89b-12d3-a456-426614174000", "3f2a9c1e8b7d", "deadbeef", "abcdef12345678901",
    "abcdefgh", "café", "１２３", "e\u{301}", "a b", "", "-", "0", "x%20y", "ÄÖ",
  ]
  static let tails = ["", "/", "//", "?q=1", "?a=1&b=/2", "#f", "/?x", "#/a/1"]
  static let heads = ["https://h.example", "http://h:80", "ftp://h", "http://é.test", "h", "://", "http://", "https://a:b@h.test"]

  static func drawURL(_ rng: inout some RandomNumberGenerator) -> String {
    var url = heads.randomElement(using: &rng) ?? ""
    for _ in 0..<Int.random(in: 0...4, using: &rng) { url += "/" + (segments.randomElement(using: &rng) ?? "") }
    return url + (tails.randomElement(using: &rng) ?? "")
  }

  @Test func routesOfURLsAsFromTheirPaths() {
    var rng = SystemRandomNumberGenerator()
    #expect(Correlator.route(ofURL: nil) == "/")
    var withID = 0
    for _ in 0..<20_000 {
      let url = Self.drawURL(&rng)
      let expected = Correlator.route(Correlator.path(ofURL: url) ?? "/")
      let found = Correlator.route(ofURL: url)
      #expect(found.utf8.elementsEqual(expected.utf8), "\(url)")
      if found.contains("{id}") { withID += 1 }
    }
    #expect(withID > 1000)
  }

  @Test func groupsAsByJoinedStrings() {
    var rng = SystemRandomNumberGenerator()
    // Canonically equal spellings (composed and decomposed) and methods with a space among them:
    // the ids must join and part exactly as the joined strings do.
    let methods = ["GET", "POST", "GET /a", "DELETE"]
    let hosts = ["a.test", "b.test", "c.test", "d.test", "caf\u{E9}.test", "cafe\u{301}.test", "e.test"]
    let routes = ["/x", "/y", "/z", "/a /x", "/{id}", "/w/{id}", "/\u{E9}", "/e\u{301}"]
    let answers = ["404", "503", "curl 7", "no answer", "401"]
    let categories: [ReportKit.Category] = [.routing, .infrastructure, .auth]
    var scopes = Set<String>()
    for round in 0..<200 {
      var items: [RequestGrouping.Item] = []
      for i in 0..<Int.random(in: 1...300, using: &rng) {
        items.append(
          .init(
            index: i, category: categories.randomElement(using: &rng) ?? .logic, method: methods.randomElement(using: &rng) ?? "",
            host: hosts.randomElement(using: &rng) ?? "", route: routes.randomElement(using: &rng) ?? "",
            answer: answers.randomElement(using: &rng) ?? ""))
      }
      let found = RequestGrouping.groups(items)
      let expected = Self.groupsByJoinedStrings(items)
      #expect(found.count == expected.count, "round \(round)")
      for (a, b) in zip(found, expected) {
        #expect(a.signature.utf8.elementsEqual(b.signature.utf8) && a.scope == b.scope && a.members == b.members)
        #expect(a.spread?.hosts.map { Array($0.utf8) } == b.spread?.hosts.map { Array($0.utf8) } && a.spread?.routes == b.spread?.routes)
        scopes.insert("\(a.scope)")
      }
    }
    #expect(scopes == ["route", "host", "answer"])
  }

  @Test func hostsAreSharedByTheirBytes() {
    var shared = SharedSpellings()
    let composed = "caf\u{E9}-service.example.test"
    let decomposed = "cafe\u{301}-service.example.test"
    #expect(composed == decomposed)  // equal as Strings, not as bytes
    let a = shared(composed)
    let b = shared(decomposed)
    #expect(a.utf8.elementsEqual(composed.utf8) && b.utf8.elementsEqual(decomposed.utf8))
    let again = shared(String(decoding: Array(composed.utf8), as: UTF8.self))
    #expect(again.utf8.elementsEqual(composed.utf8))
    var full = SharedSpellings()
    full.limit = 2
    for h in ["first-host.example.test", "second-host.example.test", "third-host.example.test", "third-host.example.test"] {
      #expect(full(h) == h)
    }
    #expect(full("short.test") == "short.test")
  }

  /// `RequestGrouping.groups` as it was before ids: keyed by joined strings per item.
  static func groupsByJoinedStrings(_ items: [RequestGrouping.Item]) -> [RequestGrouping.Group] {
    struct HostKey: Hashable {
      let category: ReportKit.Category
      let host: String
      let answer: String
    }
    struct AnswerKey: Hashable {
      let category: ReportKit.Category
      let answer: String
    }
    let spread = RequestGrouping.spread
    var routesOf: [HostKey: Set<String>] = [:]
    for x in items {
      routesOf[HostKey(category: x.category, host: x.host, answer: x.answer), default: []].insert(x.method + " " + x.route)
    }
    var wideHosts: [AnswerKey: Int] = [:]
    for (k, routes) in routesOf where routes.count >= spread {
      wideHosts[AnswerKey(category: k.category, answer: k.answer), default: 0] += 1
    }
    var groupOf: [String: Int] = [:]
    var out: [RequestGrouping.Group] = []
    var seen: [(hosts: Set<String>, routes: Set<String>)] = []
    for x in items {
      let hostKey = HostKey(category: x.category, host: x.host, answer: x.answer)
      let scope: RequestGrouping.Scope =
        wideHosts[AnswerKey(category: x.category, answer: x.answer), default: 0] >= spread
        ? .answer : routesOf[hostKey, default: []].count >= spread ? .host : .route
      let place =
        switch scope {
        case .answer: "* * *"
        case .host: "* \(x.host) *"
        case .route: "\(x.method) \(x.host) \(x.route)"
        }
      let sig = "\(x.category.rawValue)|request|\(place)|\(x.answer)"
      let g: Int
      if let found = groupOf[sig] {
        g = found
        out[g].members.append(x.index)
      } else {
        g = out.count
        groupOf[sig] = g
        out.append(
          .init(signature: sig, scope: scope, members: [x.index], spread: scope == .route ? nil : RequestSpread(hosts: [], routes: 0)))
        seen.append(([], []))
      }
      guard scope != .route else { continue }
      if seen[g].hosts.insert(x.host).inserted { out[g].spread?.hosts.append(x.host) }
      seen[g].routes.insert(x.method + " " + x.route)
      out[g].spread?.routes = seen[g].routes.count
    }
    return out
  }
}

/// Byte tests that stand for Character or search tests, held to them.
@Suite struct ByteShortcutTests {
  /// `hasASCIIPrefix` is `hasPrefix`: on the prefixes asked, their near misses, a combining
  /// mark or another non-ASCII byte after them, CR LF, and drawn pieces.
  @Test func asciiPrefixesAsCharacters() {
    let pieces = ["< HTTP/", "0000: HTTP/", "<", " ", "HTTP", "/", "\u{301}", "\u{338}", "é", "1.1 200", "\r\n", "\r", "x", "< HTTP"]
    var rng = DamagedInputTests.SplitMix(state: 5)
    var texts = ["< HTTP/", "< HTTP/\u{301}1.1", "<\u{338} HTTP/1.1", "< HTTP/é", "0000: HTTP/2", "", "< HTTP", "< HTTP/\r\n"]
    for _ in 0..<20_000 { texts.append((0..<Int(rng.next() % 5)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()) }
    var held = 0
    for t in texts {
      #expect(t.hasASCIIPrefix("< HTTP/") == t.hasPrefix("< HTTP/"), "\(t.debugDescription)")
      #expect(t.hasASCIIPrefix("0000: HTTP/") == t.hasPrefix("0000: HTTP/"), "\(t.debugDescription)")
      if t.hasPrefix("< HTTP/") { held += 1 }
    }
    #expect(held > 500)
  }

  /// The pair-of-dashes filter before the search finds every `-----BEGIN `: at every offset of
  /// lines up to 40 bytes, among single dashes, across the eight-byte words.
  @Test func pemOpeningsAreFoundAtEveryOffset() {
    var rng = DamagedInputTests.SplitMix(state: 8)
    let fill: [UInt8] = Array("ab-c d-e".utf8)
    var found = 0
    for length in 0...40 {
      for at in -1...length {
        var line = (0..<length).map { _ in fill[Int(rng.next() % UInt64(fill.count))] }
        if at >= 0 { line.insert(contentsOf: Array("-----BEGIN ".utf8), at: at) }
        // The seeded generator picks the byte too (the system's made the count below vary, and
        // a dash put inside the opening sometimes left fewer than 800 found).
        if rng.next() % 3 == 0, !line.isEmpty { line[Int(rng.next() % UInt64(line.count))] = UInt8(ascii: "-") }
        line.withUnsafeBufferPointer { p in
          let expected = p.firstIndex(of: "-----BEGIN ") != nil
          #expect(CurlLineReader.mayOpenPEM(p) == expected, "\(String(decoding: p, as: UTF8.self))")
          if expected { found += 1 }
        }
      }
    }
    #expect(found == 813)  // of 861 lines given an opening, 48 had it broken by the dash put in
  }
}
