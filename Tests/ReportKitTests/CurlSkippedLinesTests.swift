import Testing

@testable import ReportKit

/// Lines the curl reader passes over by their bytes (`CurlLineReader.skips`) change no exchange:
/// the exchanges built with the skip are those the general path builds from every line, on
/// every curl fixture and on traces made of the lines the skip decides on, with secrets, masks
/// and PEM blocks among them.
@Suite struct CurlSkippedLinesTests {
  /// The lines a `-v` trace is made of, and their near misses (a word a mask could hide, a
  /// telling header in another case, a name that is not ASCII, a PEM block opened and closed).
  static let pieces = [
    "+ curl -sS -v https://api.example.com/v1/items", "*   Trying 10.0.0.5:443...",
    "* Connected to api.example.com (10.0.0.5) port 443 (#0)", "* ALPN: offers h2,http/1.1", "* TLSv1.3 (IN), TLS handshake",
    "* SSL connection using TLSv1.3", "* TLS eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl",
    "* ALPN token=ghp_0123456789abcdefghijklmnopqrstuvwxyzAB",
    "*  CAfile: /etc/ssl/certs/ca-certificates.crt", "* \tTLS\t", "*", "* ", "*  subject: CN=*.example.com",
    "* Could not resolve host: nowhere.example", "* Failed to connect to 10.0.0.5 port 443: Connection refused",
    "* Operation timed out after 5000 milliseconds", "* Connection #0 to host api.example.com left intact",
    "* Closing connection 0", "* Connection #0 to host", "* Closing connection token=q8ZrT2vX9LmN4bP7wK3s", "} [5 bytes data]",
    "{ [2752 bytes data]", "{ [", "{[", "{ x",
    "> GET /v1/items HTTP/1.1", "> Host: api.example.com", "> host:x.example:8080",
    "> HOST: ", "> Hostx", "> User-Agent: curl/8.5.0", "> Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig", ">", "> ",
    "> X-Note: HTTP/ in a header", "> token=HTTP/1.1abcdefghijklmnopqrstuv", "< HTTP/1.1 503 Service Unavailable",
    "< HTTP/2 200", "< http/1.1 200 OK", "< Retry-After: 30", "< retry-after: 5", "< X-REQUEST-ID: f30164ff", "< Location: /login",
    "< Content-Type: application/json", "< Set-Cookie: session=abcdef0123456789abcdef", "< \u{212A}ey: kelvin", "< Sérver: é",
    "< Server", "<", "< ", "< : empty", "{\"error\":\"bad_request\"}", "MIIEvQIBADANBgkqhkiG9w0BAQEFAASC",
    "curl: (7) Failed to connect to 10.0.0.5 port 443", "== Info: Trying 10.0.0.6:80...", "0000: GET / HTTP/1.1", "time_total: 0.25",
    // Notes and headers read by their bytes (`.bytes` events) and their near misses: another
    // port, `port 443` inside, a host that is not ASCII, a secret the mask changes, a control
    // byte that reads as `:` with `| 0x20`, an IPv6 address.
    "* Connected to api.example.com (10.0.0.5) port 8443 (#0)", "* Connected to b.example (10.0.0.7) port 443",
    "* Connected to é.example (10.0.0.8) port 443 (#1)", "* Connected to x port 4430 (#0)", "*   Trying [::1]:443...",
    "*   Trying 10.0.0.9:80 token=q8ZrT2vX9LmN4bP7wK3s...", "*  Trying 10.0.0.1:443...", "* Connected to  (10.0.0.5) port 443",
    "> Host\u{1A} odd.example", "> Host: h.example:8443", "> host: key=q8ZrT2vX9LmN4bP7wK3s", "> Host:  spaced.example  ",
    "* Connected to x key=port 443", "* Connected to y (1.2.3.4) bearer port 443", "> Host: u:secretpw@h.example",
    "*   Trying bearer abcdefghijklmnop:443...", "* SSL connection token=q8ZrT2vX9LmN4bP7wK3s",
  ]

  /// Blocks the next lines depend on (a PEM key, a trace dump): the line that opens one and the
  /// line that ends it, with up to three drawn lines between them; one draw in fifty.
  static let blocks = [
    ("-----BEGIN PRIVATE KEY-----", "-----END PRIVATE KEY-----"),
    ("* -----BEGIN OPENSSH PRIVATE KEY-----", "* -----END OPENSSH PRIVATE KEY-----"),
    ("} [-----BEGIN RSA PRIVATE KEY-----", "< -----END RSA PRIVATE KEY----- trailing"),
    ("=> Send header, 80 bytes (0x50)", "0000: GET / HTTP/1.1"),
  ]

  /// An exchange, every field of it (the timings in order of their names).
  static func describe(_ x: HTTPExchange) -> String {
    let timings = x.timingsMs.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
    let evidence = x.evidence.map { "\($0.line):\($0.text)" }
    return "\(x.method ?? "-") \(x.url ?? "-") \(x.host ?? "-") \(x.status ?? 0) \(x.reason ?? "-") \(x.curlExit ?? 0) "
      + "\(x.error ?? "-") \(timings) \(x.bodyExcerpt ?? "-") \(x.bodyLine ?? -1) \(evidence)"
  }

  /// Reads `lines` as the parser does, with the byte skip (`skip`) or through `read` alone on its
  /// general path; the exchanges described, and how many lines the skip took.
  static func exchanges(_ lines: [String], skip: Bool) -> (exchanges: [String], skipped: Int) {
    var reader = CurlLineReader(path: "curl.log")
    reader.quickLines = skip
    var builder = CurlExchangeBuilder()
    var skipped = 0
    for (k, line) in lines.enumerated() {
      var text = line
      let taken = skip && text.withUTF8 { reader.skips($0, line: k + 1) { builder.feed($0) } }
      if taken { skipped += 1 } else { reader.read(line, line: k + 1) { builder.feed($0) } }
    }
    reader.finish { builder.feed($0) }
    builder.finish()
    return (builder.exchanges.map(describe), skipped)
  }

  @Test func everyFixtureReadsAsWithoutTheSkip() throws {
    var skippedAll = 0
    for name in [
      "spread-hosts.log", "spread-routes.log", "trace-ascii-wrapped.txt", "trace-hex.txt", "verbose-meter-refused.log",
      "verbose-refused.log", "verbose-userpass.log", "write-out-plain.txt",
    ] {
      let lines = try rawLines(Fixtures.path("curl/" + name))
      let fast = Self.exchanges(lines, skip: true)
      #expect(fast.exchanges == Self.exchanges(lines, skip: false).exchanges, "\(name)")
      #expect(!fast.exchanges.isEmpty, "\(name)")
      skippedAll += fast.skipped
    }
    #expect(skippedAll > 20)
  }

  /// Traces of 20,000 lines drawn from `pieces`: the same exchanges either way, the skip taking
  /// a good part of the lines, and the lines it must leave alone left.
  @Test func drawnTracesReadAsWithoutTheSkip() {
    var rng = DamagedInputTests.SplitMix(state: 41)
    var lines: [String] = []
    func draw() -> String { Self.pieces[Int(rng.next() % UInt64(Self.pieces.count))] }
    while lines.count < 20_000 {
      guard rng.next() % 50 == 0 else { lines.append(draw()); continue }
      let (open, end) = Self.blocks[Int(rng.next() % UInt64(Self.blocks.count))]
      lines.append(open)
      for _ in 0..<rng.next() % 4 { lines.append(draw()) }
      lines.append(end)
    }
    let fast = Self.exchanges(lines, skip: true)
    let general = Self.exchanges(lines, skip: false)
    #expect(fast.exchanges.count > 500)
    #expect(fast.exchanges == general.exchanges)
    #expect(fast.skipped > 5_000)
    #expect(general.skipped == 0)
  }

  /// What the skip takes and leaves, line by line, outside any block.
  @Test func whatTheSkipTakes() {
    func takes(_ line: String) -> Bool {
      var reader = CurlLineReader(path: "curl.log")
      var text = line
      return text.withUTF8 { reader.skips($0, line: 1) { _ in } }
    }
    for line in [
      "} [5 bytes data]", "*  CAfile: /etc/ssl/certs/ca.crt", "* TLSv1.3 (IN)", "> Accept: */*", "< Date: Fri", "<", ">",
      "* Connection #0 to host a left intact", "* Closing connection 0", "*   Trying 1.2.3.4:80...", "> Host: a",
      "* Connected to a (1.2.3.4) port 443 (#0)", "> Host\u{1A} a", "* TLS eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl",
      "*   Trying 10.0.0.9:80 token=q8ZrT2vX9LmN4bP7wK3s...", "> host: key=q8ZrT2vX9LmN4bP7wK3s",
    ] {
      #expect(takes(line), "\(line)")
    }
    for line in [
      "> GET / HTTP/1.1", "< HTTP/1.1 200 OK", "< Retry-After: 3", "< X-Cache: HIT",
      "< \u{212A}ey: v", "} [-----BEGIN RSA PRIVATE KEY-----", "* TLS -----BEGIN RSA PRIVATE KEY-----",
      "* Connection refused", "{\"a\":1}", "+ curl -v http://a/", "* Closing connection token=q8ZrT2vX9LmN4bP7wK3s",
      "> Host: a HTTP/1.1", "> Host: -----BEGIN PRIVATE KEY-----",
    ] {
      #expect(!takes(line), "\(line)")
    }
  }
}
