import Testing

@testable import ReportKit

/// A status inside data a test compared is not a response (issue 12: log records with a `301`
/// were classified as a redirect); a status the test checked still is.
@Suite struct ComparedDataTests {
  @Test func statusInsideComparedLogRecordsIsData() {
    let text =
      #"assert [('httpx', 20, 'HTTP Request: GET http://127.0.0.1:8000/redirect_301 "HTTP/1.1 301 Moved Permanently"')] == [('httpx', 20, 'x')]"#
    #expect(Signals.httpStatus(in: text) == nil)
  }

  @Test func statusInTheNeedleOfAnInCheckIsData() {
    let text =
      #"assert 'HTTP/1.1 301 Moved Permanently' in 'INFO     httpx:t.py:38 HTTP Request: GET http://127.0.0.1:8000/ "HTTP/1.1 200 OK"\n'"#
    #expect(Signals.httpStatus(in: text) == nil)
    // As pytest's short summary line cuts it.
    #expect(Signals.httpStatus(in: "assert 'HTTP/1.1 301 Mo...") == nil)
  }

  @Test func statusInTheHaystackOrCheckedDirectlyIsAResponse() {
    #expect(Signals.httpStatus(in: "assert 'ok' in 'HTTP/1.1 503 Service Unavailable'") == 503)
    #expect(Signals.httpStatus(in: "assert 503 in (200, 201)\n +  where 503 = <Response [503]>.status_code") == 503)
    #expect(Signals.httpStatus(in: "assert 404 == 200\n +  where 404 = <Response [404]>.status_code") == 404)
  }

  @Test func pytestDiffLinesRestateValues() {
    let text = """
      assert ['a', 'b'] == ['a', 'c']
      At index 1 diff: 'HTTP/1.1 404 Not Found' != 'c'
      Full diff:
      - 'HTTP/1.1 404 Not Found'
      """
    #expect(Signals.httpStatus(in: text) == nil)
  }
}
