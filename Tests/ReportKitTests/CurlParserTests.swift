import Foundation
import Testing

@testable import ReportKit

@Suite struct CurlParserTests {
  func parse(_ path: String) -> ParsedArtifact { CurlTraceParser(path: path, displayPath: "c").parse() }
  let examples = Fixtures.root + "/../../examples/logs/"

  @Test func verboseCILogWithSetX() throws {
    let a = parse(examples + "ci-curl-verbose.log")
    #expect(a.requests.count == 6)
    #expect(a.requests.map(\.status) == [200, 401, 503, 404, nil, nil])
    #expect(a.requests.map(\.curlExit) == [nil, nil, nil, nil, 28, 7])
    #expect(a.requests.failedCount == 5 && a.requests.failedCount == a.requests.filter(\.failed).count)
    #expect(a.requests.allSatisfy { $0.evidence.allSatisfy { $0.path == a.path } }, "every line names the file as displayed")
    let refused = a.requests[5]
    #expect(refused.error?.contains("Couldn't connect to server") == true)
    #expect(refused.url?.hasSuffix("/search?q=staging") == true)
    #expect(refused.host == "127.0.0.1")
    let unauthorized = a.requests[1]
    #expect(unauthorized.reason == "Unauthorized")
    #expect(unauthorized.bodyExcerpt?.contains("JWT expired") == true)
    #expect(unauthorized.evidence.contains { $0.text.hasPrefix("< WWW-Authenticate:") })
    let lines = try rawLines(examples + "ci-curl-verbose.log")
    let status = try #require(unauthorized.evidence.first { $0.text.hasPrefix("< HTTP/1.1 401") })
    #expect(lines[status.line - 1] == "< HTTP/1.1 401 Unauthorized\r")
    #expect(
      unauthorized.evidence.contains {
        $0.text == "< WWW-Authenticate: Bearer error=\"invalid_token\", error_description=\"The access token expired\""
      })
  }

  @Test func traceAsciiRejoinsAWrappedTokenBeforeMaskingIt() throws {
    let path = Fixtures.path("curl/trace-ascii-wrapped.txt")
    let raw = try rawLines(path)
    // The fixture really wraps the token: a dump line of exactly 64 data bytes, continued below.
    #expect(raw.contains { $0.hasPrefix("0") && $0.count == 70 && $0.contains("Authorization: Bearer") })
    var events: [CurlEvent] = []
    var reader = CurlLineReader(path: "c")
    var n = 0
    for line in raw { n += 1; reader.read(line, line: n) { events.append($0) } }
    reader.finish { events.append($0) }
    let auth = try #require(events.first { $0.text.hasPrefix("Authorization:") })
    #expect(auth.text == "Authorization: Bearer [REDACTED]")
    #expect(!events.contains { $0.text.contains("Zml4dHVyZS") || $0.text.contains("eyJ") })
    let a = parse(path)
    #expect(a.requests.count == 1)
    #expect(a.requests[0].status == 401)
    #expect(a.requests[0].url == "http://127.0.0.1:8080/api/profile")
  }

  @Test func traceHexIsDecoded() {
    let a = parse(Fixtures.path("curl/trace-hex.txt"))
    #expect(a.requests.count == 1)
    #expect(a.requests[0].method == "GET")
    #expect(a.requests[0].status == 503)
    #expect(a.requests[0].reason == "Service Unavailable")
  }

  @Test func writeOutJSONAndPlainVariables() {
    let json = parse(examples + "curl-timings.jsonl")
    #expect(json.requests.map(\.status) == [200, 200, 503, 403, 404])
    #expect(json.requests.allSatisfy { $0.curlExit == 0 && $0.timingsMs["total"] != nil && $0.timingsMs["connect"] != nil })
    let plain = parse(Fixtures.path("curl/write-out-plain.txt"))
    #expect(plain.requests.map(\.status) == [200, 503])
    #expect(plain.requests.map(\.url) == ["http://127.0.0.1:8080/health", "http://127.0.0.1:8080/api/orders"])
    #expect(plain.requests.allSatisfy { $0.timingsMs.keys.sorted() == ["connect", "namelookup", "starttransfer", "total"] })
  }

  @Test func userPasswordAndRefusedConnection() {
    let basic = parse(Fixtures.path("curl/verbose-userpass.log"))
    #expect(basic.requests.first?.status == 403)
    let refused = parse(Fixtures.path("curl/verbose-refused.log"))
    #expect(refused.requests.first?.curlExit == 7)
    #expect(refused.requests.first?.evidence.contains { $0.text.hasPrefix("curl: (7)") } == true)
  }

  @Test func interleavedWithOtherCILines() throws {
    // Hand-written: a CI log where curl -v output sits between unrelated job lines.
    let dir = TempDir()
    let path = dir.file(
      "ci.log",
      """
      2025-09-08T21:04:27Z Step 3/7: smoke test
      *   Trying 127.0.0.1:8080...
      * Connected to 127.0.0.1 (127.0.0.1) port 8080 (#0)
      > GET /api/orders HTTP/1.1
      > Host: 127.0.0.1:8080
      >
      npm WARN deprecated something@1.0.0
      < HTTP/1.1 503 Service Unavailable
      < Retry-After: 30
      <
      {"error":"upstream unavailable"}
      * Connection #0 to host 127.0.0.1 left intact
      Step 4/7: curl the health check
      * Could not resolve host: api-staging.example.com
      curl: (6) Could not resolve host: api-staging.example.com
      Done in 3.2s
      """)
    let a = parse(path)
    try #require(a.requests.count == 2)
    #expect(a.requests[0].url == "http://127.0.0.1:8080/api/orders")
    #expect(a.requests[0].status == 503)
    #expect(a.requests[0].bodyExcerpt == "{\"error\":\"upstream unavailable\"}")
    #expect(a.requests[1].curlExit == 6)
    #expect(a.requests[1].error == "Could not resolve host: api-staging.example.com")
  }

  @Test func aNoteGluedToTheProgressMeterIsRead() throws {
    // Real curl without -s: "... --:--:--     0*   Trying 127.0.0.1:9..." on one line.
    let lines = try rawLines(Fixtures.path("curl/verbose-meter-refused.log"))
    #expect(lines.contains { $0.contains("--:--     0*   Trying") })
    let a = parse(Fixtures.path("curl/verbose-meter-refused.log"))
    #expect(a.requests.count == 1)
    #expect(a.requests.first?.host == "127.0.0.1")
    #expect(a.requests.first?.curlExit == 7)
  }

  @Test func plainWriteOutValuesAreRedactedToo() throws {
    // Hand-written: `-w` variables carrying credentials in the URL and the error message.
    let dir = TempDir()
    let path = dir.file(
      "w.txt",
      """
      url_effective: https://deploy:hunter2@api.example.com/x?token=abc123
      http_code: 200
      errormsg: Failed for https://u:s3cret@h/
      time_total: 0.5
      """)
    let a = parse(path)
    #expect(a.requests.count == 1)
    #expect(a.requests[0].url == "https://deploy:[REDACTED]@api.example.com/x?token=[REDACTED]")
    #expect(a.requests[0].host == "api.example.com")
    #expect(a.requests[0].error == "Failed for https://u:[REDACTED]@h/")
    #expect(a.requests[0].evidence.allSatisfy { !$0.text.contains("hunter2") && !$0.text.contains("abc123") })
  }
}
