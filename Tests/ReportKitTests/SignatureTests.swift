import Testing

@testable import ReportKit

/// Cluster signatures: what normalization masks, what it keeps, and that ids are stable.
@Suite struct SignatureTests {
  private func norm(_ s: String, keep: Set<Int> = []) -> String { Signature.normalize(s, keep: keep) }

  /// A number is kept by its value read from its digits: leading zeros, the longest runs read in
  /// place (18 digits) and beyond, a run too long for an Int; the text is trimmed around a cut
  /// inside a character.
  @Test func keptNumbersAndTrimmingAtTheEdges() {
    #expect(norm("status 000404 returned") == "status 000404 returned")
    #expect(norm("got 000503", keep: [503]) == "got 000503")
    #expect(norm("status 123456789012345678 x") == "status 123456789012345678 x")
    #expect(norm("status 1234567890123456789 x") == "status 1234567890123456789 x")
    #expect(norm("status 12345678901234567890 x") == "status <n> x")
    #expect(norm("got 1234567890123456789", keep: [1_234_567_890_123_456_789]) == "got 1234567890123456789")
    #expect(norm("x" + String(repeating: " ", count: 598) + "é") == "x" + String(repeating: " ", count: 598) + "\u{FFFD}")
    #expect(norm(" \t é \t ") == "é")
    #expect(norm(String(repeating: " ", count: 599) + "é") == "\u{FFFD}")
  }

  @Test func masksWhatVaries() {
    #expect(norm("order 4711 not found (request_id=3f2a9c1e8b7d)") == "order <n> not found (request_id=<hex>)")
    #expect(norm("id 123e4567-e89b-12d3-a456-426614174000 gone") == "id <uuid> gone")
    #expect(norm("token eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9 bad") == "token <id> bad")
    #expect(norm("at 2026-11-20T10:00:00.123Z and 10:00:01") == "at <ts> and <ts>")
    #expect(norm("timed out after 30.5s (took 120 ms)") == "timed out after <dur> (took <dur>)")
    #expect(norm("HTTPConnectionPool(host='10.0.0.4', port=5432)") == "HTTPConnectionPool(host='<ip>', port=<port>)")
    #expect(norm("connect to localhost:8080 failed") == "connect to localhost:<port> failed")
    #expect(norm("File /tmp/pytest-of-root/pytest-3/x.json missing") == "File <tmp> missing")
    #expect(norm("error at line 42 of app.py:17") == "error at line <line> of app.py:<line>")
    #expect(norm("object at 0x7f3ecb831bc0") == "object at <hex>")
  }

  @Test func keepsStatusExitCloseCodesAndErrno() {
    #expect(norm("503 Server Error for url /v1/orders/99", keep: [503]) == "503 Server Error for url /v<n>/orders/<n>")
    #expect(norm("curl: (7) exit code 7", keep: [7]) == "curl: (7) exit code 7")
    #expect(norm("received 1011 (internal error)", keep: [1011]) == "received 1011 (internal error)")
    #expect(norm("[Errno 111] Connection refused") == "[Errno 111] Connection refused")
    #expect(norm("process exited with status 137") == "process exited with status 137")
  }

  @Test func aStatusNeverSharesAClusterWithAnother() {
    let a = Signature.of(category: .auth, exceptionType: "HTTPError", message: "401 Client Error for url http://h/x/1", keep: [401])
    let b = Signature.of(category: .auth, exceptionType: "HTTPError", message: "403 Client Error for url http://h/x/2", keep: [403])
    let c = Signature.of(category: .auth, exceptionType: "HTTPError", message: "401 Client Error for url http://h/x/77", keep: [401])
    #expect(a != b)
    #expect(a == c)
    #expect(Signature.clusterID(a) != Signature.clusterID(b))
  }

  /// The byte scan gives the first line that splitting at `\n` Characters gave (what signatures
  /// were made from before), CR LF pairs, leading blank lines and combining marks included.
  @Test func firstLineIsTheCharacterSplitsFirstLine() {
    let pieces = ["a", "\n", "\r", "\r\n", "\n\n", " ", "é", "\u{301}", "😀", "x y", "\t"]
    var rng = SystemRandomNumberGenerator()
    var texts = ["", "\n", "\r\n", "\n\r\nabc", "\r\r\nb", "a\n\u{301}b", "\n\nlast"]
    for _ in 0..<5_000 {
      texts.append((0..<Int.random(in: 0...8, using: &rng)).map { _ in pieces.randomElement(using: &rng) ?? "" }.joined())
    }
    for text in texts {
      let reference = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: true).first.map(String.init) ?? ""
      #expect(Signature.firstLine(text) == reference, "\(text.debugDescription)")
    }
  }

  /// The fast paths (bytes that begin nothing passed over, the word before a number compared by
  /// its bytes) give what asking every byte and comparing the word as a String gives: texts drawn
  /// from the pieces each branch reads, words in any case, non-ASCII ones (compared as
  /// Strings), numbers glued to words and to `/`.
  @Test func theFastPathsNormalizeAsTheReference() {
    let pieces = [
      "line ", "LINE ", "lineno=", "Line:", "localhost:", "LocalHost:", "port ", "PORT=", "host:", "a.b:", "code ", "Status ",
      "status_code=",
      "EXIT ", "errno ", "WinError ", "returncode=", "exitcode ", "lo\u{212A}alhost:", "co\u{301}de ", "é ", "\u{212A}:", "x.py:",
      "app.go:",
      "42", "7", "503", "0", "000404", "1.5", "30s", " ms", "sec", "10.0.0.4", "0x7f3e", "123e4567-e89b-12d3-a456-426614174000",
      "2026-11-20T10:00:00Z", "10:00:01,5", "/tmp/x y", "/var/folders/a", "/", "abc", "ab12cd34ef", "eyJhbGciOiJIUzI1NiIsInR5cCI6",
      " ", "\t", "(", ")", "'", "\"", "=", ":", "[", "-", "_", "+", "é", "\n",
    ]
    var rng = SystemRandomNumberGenerator()
    for _ in 0..<20_000 {
      let text = (0..<Int.random(in: 1...10, using: &rng)).map { _ in pieces.randomElement(using: &rng) ?? "" }.joined()
      let keep: Set<Int> = Bool.random(using: &rng) ? [503, 7] : []
      #expect(Signature.normalize(text, keep: keep) == Signature.normalize(text, keep: keep, skipping: false), "\(text.debugDescription)")
    }
  }

  @Test func clusterIDsAreStableAcrossRunsAndVersioned() {
    // FNV-1a of "sig/1:" + signature: the same on every machine and every run, unlike Swift's Hasher.
    #expect(Signature.clusterID("logic|AssertionError|assert <n> == <n>") == "f9ddf89f1f36")
    #expect(Signature.clusterID("x").count == 12)
  }
}
