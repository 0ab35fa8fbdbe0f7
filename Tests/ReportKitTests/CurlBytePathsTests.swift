import Testing

@testable import ReportKit

/// The curl reader's byte paths give what the Character paths they stand for give: request lines
/// split at spaces, failure notes found by one pass instead of eight searches.
@Suite struct CurlBytePathsTests {
  static let pieces = [
    "GET", "POST", "get", "PoST", "M-SEARCH", "/", "/v1/items?x=1", "HTTP/1.1", "HTTP/2", "HTTP", "http/1.1", " ", "  ", "Host:",
    "x", "é", "\u{301}", "\t", "1", "_", "A", "Z", "HTTP/",
  ]

  /// Lines told by their first bytes become the events the general path makes of them: every
  /// curl fixture, and lines made of markers, masks and trace headers.
  @Test func linesToldByTheirFirstBytesAsByTheGeneralPath() throws {
    let markers = ["*", "* ", ">", "> ", "<", "< ", "<=", "=>", "{ [", "} [", "{[", "{ ", "== Info: ", "0000: ", "  0 ", "+ curl "]
    let rest = [
      "Trying 127.0.0.1:80...", "HTTP/1.1 503", "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig", "5 bytes data]",
      "Recv header, 17 bytes (0x11)", "ghp_0123456789abcdefghijklmnopqrstuvwxyzAB", "", " ", "x",
    ]
    var lines: [String] = []
    for name in [
      "spread-hosts.log", "spread-routes.log", "trace-ascii-wrapped.txt", "trace-hex.txt", "verbose-meter-refused.log",
      "verbose-refused.log", "verbose-userpass.log", "write-out-plain.txt",
    ] {
      lines += try rawLines(Fixtures.path("curl/" + name))
    }
    var rng = DamagedInputTests.SplitMix(state: 23)
    for _ in 0..<5000 {
      lines.append(markers[Int(rng.next() % UInt64(markers.count))] + rest[Int(rng.next() % UInt64(rest.count))])
    }
    func events(quick: Bool) -> [String] {
      var reader = CurlLineReader(path: "curl.log")
      reader.quickLines = quick
      var out: [String] = []
      for (k, line) in lines.enumerated() {
        reader.read(line, line: k + 1) { out.append("\($0.kind) \($0.line) \($0.text) | \($0.evidenceText) | \($0.marker)") }
      }
      reader.finish { out.append("\($0.kind) \($0.line) \($0.text)") }
      return out
    }
    // Lines that may open a trace block: every one that opens one.
    let opening = lines.filter { CurlTraceBlock($0[...]) != nil }
    #expect(opening.count > 10)
    #expect(opening.allSatisfy { CurlTraceBlock.mayOpen($0[...]) })
    #expect(lines.filter { CurlTraceBlock.mayOpen($0[...]) }.count < lines.count / 2)
    let quick = events(quick: true)
    #expect(quick.count > 3000)
    #expect(quick == events(quick: false))
  }

  @Test func requestLinesSplitAsByCharacters() {
    var lines = [
      "GET /path HTTP/1.1", "PUT /v3/items/492077?page=19&size=100 HTTP/1.1", "Host: example.com", "GET  /a   HTTP/2 ",
      "GET /a HTTP/1.1 extra", "get /a HTTP/1.1", "GET /é HTTP/1.1", "GÉT /a HTTP/1.1", "GET /a \u{301}HTTP/1.1", "", " HTTP/",
    ]
    var rng = SystemRandomNumberGenerator()
    for _ in 0..<10_000 {
      lines.append((0..<Int.random(in: 1...6, using: &rng)).map { _ in Self.pieces.randomElement(using: &rng) ?? "" }.joined())
    }
    for line in lines {
      let bytes = CurlExchangeBuilder.requestLine(line)
      let characters = CurlExchangeBuilder.requestLineByCharacters(line)
      #expect(bytes?.0 == characters?.0 && bytes?.1 == characters?.1, "\(line.debugDescription)")
    }
    #expect(CurlExchangeBuilder.requestLine("DELETE /v2/routes/5 HTTP/1.1")! == ("DELETE", "/v2/routes/5"))
  }

  /// Status lines split as `split(separator: " ", maxSplits: 2)` splits them: runs of spaces,
  /// a reason with spaces kept whole, codes that are not numbers, non-ASCII lines.
  @Test func statusLinesSplitAsByCharacters() {
    let pieces = ["HTTP/1.1", "HTTP/2", "HTTP/", "HTTP", " ", "  ", "200", "404", "+5", "-1", "x", "OK", "Not Found", "é", "\u{301}", "\r"]
    var lines = ["HTTP/1.1 404 Not Found", "HTTP/2 200", "HTTP/1.1  503  Service  Unavailable ", "HTTP/1.1 20x OK", " HTTP/1.1 200", ""]
    var rng = SystemRandomNumberGenerator()
    for _ in 0..<10_000 {
      lines.append((0..<Int.random(in: 1...6, using: &rng)).map { _ in pieces.randomElement(using: &rng) ?? "" }.joined())
    }
    for line in lines {
      let bytes = CurlExchangeBuilder.statusLine(line)
      let characters = CurlExchangeBuilder.statusLineByCharacters(line)
      #expect(bytes?.0 == characters?.0 && bytes?.1 == characters?.1, "\(line.debugDescription)")
    }
    // As split keeps it: the rest begins right after the space that ended the second word.
    #expect(CurlExchangeBuilder.statusLine("HTTP/1.1  503  Service  Unavailable ")! == (503, " Service  Unavailable "))
  }

  /// A command's URL and method by one pass over its bytes, as by its words: quotes, runs of
  /// spaces, `-X` last or twice, data and head options, schemes half written, non-ASCII words.
  @Test func commandsAsByWords() {
    let pieces = [
      "curl", " ", "  ", "-X", "--request", "GET", "'PUT'", "\"DELETE\"", "-d", "--data-raw", "--json", "-F", "--form", "-I", "--head",
      "https://a.example/x?y=1", "'http://b.example/'", "\"ws://c\"", "wss://d", "http:/", "htt", "hxxp://e", "-H", "'X: y'", "'",
      "\"", "é", "\u{301}", "'\u{301}http://f/", "\r\n", "-v", "-sS", "--data-binary", "@payload.json", "+", "$",
    ]
    var commands = ["+ curl -sS -v -X PUT https://a/v3/items -d @p.json", "curl -X", "curl -I 'https://a/'", "curl -X -X GET", ""]
    var rng = DamagedInputTests.SplitMix(state: 7)
    for _ in 0..<20_000 {
      commands.append((0..<(1 + rng.next() % 8)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined(separator: " "))
    }
    var urls = 0
    for command in commands {
      let bytes = CurlExchangeBuilder.command(command)
      #expect(bytes.url == CurlExchangeBuilder.commandURL(command), "\(command.debugDescription)")
      #expect(bytes.method == CurlExchangeBuilder.commandMethod(command), "\(command.debugDescription)")
      if bytes.url != nil { urls += 1 }
    }
    #expect(urls > 5_000)
    #expect(CurlExchangeBuilder.command("+ curl -sS -X PUT 'https://a/b' -d x") == ("https://a/b", "PUT"))
  }

  /// A body's excerpt (its first 300 Characters, lines joined) as the Character walk made it:
  /// bodies of every length around the cut, of one and of several lines, ASCII or not.
  @Test func bodyExcerptsAsByCharacters() {
    let pieces = ["a", "{\"e\":1}", "é", "e\u{301}", "😀", "\r", " ", String(repeating: "x", count: 97), String(repeating: "é", count: 60)]
    var rng = DamagedInputTests.SplitMix(state: 11)
    var excerpts = 0
    for _ in 0..<3_000 {
      var builder = CurlExchangeBuilder()
      builder.feed(CurlEvent(kind: .responseHeader, text: "HTTP/1.1 500 Oops", line: 1, wholeLine: nil))
      var expected: String?
      for k in 0..<(1 + rng.next() % 4) {
        let text = (0..<(rng.next() % 12)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()
        builder.feed(CurlEvent(kind: .body, text: text, line: 2 + Int(k), wholeLine: nil))
        // The Character walk this replaced, kept as the reference.
        let excerpt = (expected.map { $0 + "\n" } ?? "") + text
        if (expected?.count ?? 0) < 300 { expected = String(excerpt.prefix(300)) }
      }
      builder.finish()
      let got = builder.exchanges.first?.bodyExcerpt
      #expect(got.map { Array($0.utf8) } == expected.map { Array($0.utf8) })
      if (expected?.count ?? 0) == 300 { excerpts += 1 }
    }
    #expect(excerpts > 200)
  }

  @Test func failureNotesAsByEightSearches() {
    let phrases = [
      "Could not resolve", "Failed to connect", "Connection refused", "timed out", "Connection reset", "SSL certificate problem",
      "Recv failure", "Empty reply",
    ]
    let pieces = phrases + ["Could not", "Connection", "C", "t", "timed", " ", "x", "é", "SSL", "Recv", "Empty", "E", "R", "F"]
    var notes = ["", "Connected to host", "Failed to connect to 127.0.0.1 port 1: Connection refused", "Operation timed out after 5000 ms"]
    var rng = SystemRandomNumberGenerator()
    for _ in 0..<10_000 {
      notes.append((0..<Int.random(in: 1...5, using: &rng)).map { _ in pieces.randomElement(using: &rng) ?? "" }.joined())
    }
    for note in notes {
      #expect(CurlExchangeBuilder.isFailureNote(note) == phrases.contains { note.utf8Contains($0) }, "\(note.debugDescription)")
    }
  }
}
