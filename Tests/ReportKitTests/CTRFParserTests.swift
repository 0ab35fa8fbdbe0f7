import Foundation
import Testing

@testable import ReportKit

/// CTRF in: real reports of pytest-json-ctrf (`scripts/make_ctrf_fixtures.sh`) read like the
/// console log and JUnit XML of the same run; hand-written edge cases (`ctrf/handwritten/`) for
/// the statuses, retries and damage no reporter writes on purpose.
@Suite struct CTRFParserTests {
  func parse(_ path: String, as display: String = "r.json") -> ParsedArtifact { CTRFParser(path: path, displayPath: display).parse() }
  func test(_ a: ParsedArtifact, _ id: String) -> TestResult? { a.tests.first { $0.id == id } }
  static let dir = Fixtures.path("ctrf/")

  @Test func aRealPytestReportReadsLikeTheConsoleLogOfTheSameRun() throws {
    let ctrf = parse(Self.dir + "staging.ctrf.json")
    let console = PytestConsoleParser(path: Self.dir + "staging-v.log", displayPath: "v.log").parse()
    #expect(ctrf.format == .ctrf && ctrf.warnings.isEmpty)
    #expect(ctrf.tests.count == 15)
    // Same outcomes, test by test: pytest-json-ctrf's setup_failed is pytest's error, xfail is xfailed.
    let byID = Dictionary(uniqueKeysWithValues: console.tests.map { ($0.id, $0.status) })
    #expect(Set(ctrf.tests.map(\.id)) == Set(byID.keys))
    for t in ctrf.tests { #expect(byID[t.id] == t.status, "\(t.id)") }
    var a = Totals(ctrf.tests)
    var b = Totals(console.tests)
    a.durationSeconds = 0
    b.durationSeconds = 0
    #expect(a == b)
    #expect(a.errors == 1 && a.xfailed == 1 && a.skipped == 1 && a.failed == 8)

    let setup = try #require(test(ctrf, "test_staging_api.py::test_cache_warmup"))
    #expect(setup.status == .error && setup.phase == .setup)
    let orders = try #require(test(ctrf, "test_staging_api.py::test_list_orders"))
    #expect(orders.suite == "test_staging_api.py")
    #expect(orders.details?.exceptionType == "requests.exceptions.HTTPError")
    #expect(orders.details?.message?.hasPrefix("requests.exceptions.HTTPError: 503 Server Error") == true)
    #expect(orders.details?.file == "test_staging_api.py")
    #expect(orders.details?.line == 28, "from the trace: pytest-json-ctrf writes no line")
    #expect(orders.details?.lineIsDefinition == false)
    // The evidence cites the line of the test's "message" in the file.
    let e = try #require(orders.details?.evidence.first)
    let lines = try rawLines(Self.dir + "staging.ctrf.json")
    #expect(lines[e.line - 1].contains("\"message\": \"requests.exceptions.HTTPError: 503"))
    #expect(e.path == "r.json")
    let skipped = try #require(test(ctrf, "test_staging_api.py::test_billing_invoice"))
    #expect(skipped.details?.skipReason == "staging environment unavailable: BILLING_URL not set")
    #expect(orders.durationSeconds.map { abs($0 - 0.112) < 1e-6 } == true, "milliseconds become seconds")
  }

  @Test func ctrfConsoleAndJUnitOfOneRunAreOneRun() throws {
    let run = try ReportBuilder().read([Self.dir + "staging.ctrf.json", Self.dir + "staging-v.log", Self.dir + "staging-junit.xml"])
    #expect(run.inputs.map(\.format) == [.ctrf, .pytest, .junit])
    #expect(run.tests.count == 15, "the same test in three artifacts counts once")
    let orders = try #require(run.test("test_staging_api.py::test_list_orders"))
    #expect(orders.details?.sources.count == 3)
  }

  @Test func retriesAndFlakyFromPytestRerunfailures() throws {
    let a = parse(Self.dir + "rerun.ctrf.json")
    #expect(a.warnings.isEmpty && a.tests.count == 6)
    let flaky = try #require(test(a, "test_retries.py::test_orders_recover_on_retry"))
    #expect(flaky.status == .flaky)
    #expect(flaky.details?.message?.contains("503 Server Error") == true, "why it failed first, from its failed attempt")
    #expect(flaky.details?.evidence.contains { $0.text == "passed after 1 retry" } == true)
    let failed = try #require(test(a, "test_retries.py::test_profile_token_expired"))
    #expect(failed.status == .failed)
    #expect(failed.details?.evidence.contains { $0.text == "failed again in 1 retry" } == true)
    // The trace quotes the request's Authorization header: masked as it is read.
    let detail = try #require(failed.details?.detail)
    #expect(detail.contains("Bearer [REDACTED]") && !detail.contains("not-a-real-token-0001"))
    #expect(test(a, "test_retries.py::test_queue_depth")?.status == .error)
    #expect(test(a, "test_retries.py::test_order_total_rounding")?.status == .xfailed)
    #expect(test(a, "test_retries.py::test_queue_publish")?.status == .skipped)
    #expect(test(a, "test_retries.py::test_health")?.status == .passed)
  }

  @Test func javaScriptShapesAndEveryStatus() throws {
    let a = parse(Self.dir + "handwritten/statuses.ctrf.json")
    #expect(a.format == .ctrf)
    #expect(a.tests.count == 7, "the test without a name is left out")
    let nameless = try #require(a.warnings.first { $0.message.contains("no \"name\"") })
    #expect(nameless.line == 56 && nameless.path == "r.json")
    #expect(a.warnings.count == 1, "the summary's 8 tests are the 8 items, the nameless one included")
    // A suite as one string (older reporters), a file and definition line.
    let header = try #require(test(a, "App.test.tsx > Header::renders the header"))
    #expect(header.status == .passed && header.details == nil)
    let cart = try #require(test(a, "src/Cart.test.tsx::Cart::loads the cart"))
    #expect(cart.status == .failed && cart.suite == "src/Cart.test.tsx::Cart")
    #expect(cart.details?.exceptionType == "Error")
    #expect(cart.details?.line == 27, "the test file's frame of a JavaScript stack")
    #expect(cart.durationSeconds.map { abs($0 - 2.0315) < 1e-6 } == true)
    #expect(cart.details?.evidence.contains { $0.text == "failed again in 2 retries" } == true)
    let retried = try #require(test(a, "src/Cart.test.tsx::Cart::checkout total"))
    #expect(retried.status == .flaky, "retried, then passed: flaky without a flaky flag")
    #expect(retried.details?.message == "Error: Timeout - Async callback was not invoked within 5000 ms")
    #expect(test(a, "src/Cart.test.tsx::Cart::applies coupons")?.status == .skipped, "pending: declared, not run")
    let other = try #require(test(a, "src/Prices.test.tsx::streams prices"))
    #expect(other.status == .error, "other proves nothing: it is not counted as skipped")
    #expect(other.details?.evidence.first?.text == "status \"other\" (interrupted)")
    #expect(test(a, "src/money.test.ts::formats euros")?.status == .xpassed)
    let mock = try #require(test(a, "src/Prices.test.tsx::talks to the price feed"))
    #expect(mock.status == .passed && mock.details?.output?.contains("MockPriceFeed") == true, "kept for the false-green check")
  }

  @Test func aCutOffReportKeepsTheTestsBeforeTheDamage() throws {
    let a = parse(Self.dir + "handwritten/truncated.ctrf.json")
    #expect(a.format == .ctrf)
    #expect(a.tests.map(\.name) == ["adds", "divides"])
    #expect(a.warnings.count == 1)
    let w = try #require(a.warnings.first)
    #expect(w.line == 10)
    #expect(w.message.hasPrefix("malformed JSON: the file ends inside a string (begun on line 10)"))
    #expect(w.message.hasSuffix("kept the 2 tests before it"))
  }

  @Test func badSyntaxIsAWarningWithItsLine() throws {
    let a = parse(Self.dir + "handwritten/bad-syntax.ctrf.json")
    #expect(a.format == .ctrf)
    #expect(a.tests.map(\.name) == ["logs in"])
    #expect(
      a.warnings.map(\.description) == ["r.json:9: warning: malformed JSON: expected a value but found 'u'; kept the 1 test before it"])
  }

  @Test func jsonThatIsNotCTRFIsSkippedWithItsLine() throws {
    let notCTRF = parse(Self.dir + "handwritten/not-ctrf.json")
    #expect(notCTRF.format == .unknown && notCTRF.tests.isEmpty)
    #expect(
      notCTRF.warnings.map(\.description) == ["r.json:4: warning: JSON, but not a CTRF report (\"results\" is not an object); skipped"])
    let package = parse(Self.dir + "handwritten/package.json")
    #expect(package.format == .unknown)
    #expect(package.warnings.map(\.description) == ["r.json:1: warning: JSON, but not a CTRF report (no \"results\" object); skipped"])
    let dir = TempDir()
    let other = parse(dir.file("x.json", "{\"reportFormat\": \"JUnit\", \"results\": {\"tests\": []}}"))
    #expect(other.warnings.first?.message == "JSON, but not a CTRF report (reportFormat is \"JUnit\"); skipped")
    let broken = parse(dir.file("y.json", "{\n  \"a\": 1,\n  oops\n}"))
    #expect(broken.format == .unknown)
    #expect(broken.warnings.map(\.description) == ["r.json:3: warning: not valid JSON: expected a key (a string) but found 'o'; skipped"])
  }

  @Test func aDeclaredCountThatDisagreesIsAWarning() {
    let dir = TempDir()
    let path = dir.file(
      "c.json",
      "{\"results\": {\"tool\": {\"name\": \"t\"},\n\"summary\": {\"tests\": 3},\n\"tests\": [{\"name\": \"a\", \"status\": \"passed\"}]}}")
    let a = parse(path)
    #expect(a.tests.count == 1)
    #expect(a.warnings.map(\.description) == ["r.json:2: warning: summary declares tests=3 but the report holds 1 test; counted the tests"])
  }

  @Test func sniffingNeverConfusesCTRFWithCurlOrPytest() throws {
    let dir = TempDir()
    // A CTRF report whose messages quote curl's error and a pytest result line.
    let ctrf = dir.file(
      "ctrf.json",
      """
      {
        "results": {
          "tool": {"name": "pytest"},
          "tests": [
            {"name": "a.py::t", "status": "failed", "message": "curl: (7) Failed to connect to 127.0.0.1 port 9"},
            {"name": "a.py::u", "status": "passed", "trace": "a.py::u PASSED"}
          ]
        }
      }
      """)
    #expect(FormatSniffer.sniff(path: ctrf) == .formats([.ctrf]))
    // curl -w '%{json}' lines start with `{` too: they stay curl's.
    #expect(FormatSniffer.sniff(path: Fixtures.root + "/../../examples/logs/curl-timings.jsonl") == .formats([.curl]))
    // Any other JSON object is offered to the CTRF reader last, so that it says why it is skipped.
    #expect(FormatSniffer.sniff(path: Self.dir + "handwritten/package.json") == .formats([.ctrf]))
    #expect(FormatSniffer.sniff(path: Self.dir + "staging.ctrf.json") == .formats([.ctrf]))
    #expect(FormatSniffer.sniff(path: Self.dir + "staging-v.log") == .formats([.pytest]))
    #expect(FormatSniffer.sniff(path: Self.dir + "staging-junit.xml") == .formats([.junit]))
    // UTF-16 with a BOM (a Windows redirect) is read too.
    let wide = dir.file("w.json", bytes: utf16("{\"results\": {\"tests\": [{\"name\": \"w\", \"status\": \"failed\"}]}}"))
    #expect(FormatSniffer.sniff(path: wide) == .formats([.ctrf]))
    #expect(parse(wide).tests.map(\.status) == [.failed])
  }

  @Test func idsStatusesAndTraceLines() {
    #expect(CTRFTestReader.idParts(name: "t/a.py::C::t[x::y]", suite: ["ignored"], file: nil) == ("t/a.py::C::", "t[x::y]"))
    #expect(CTRFTestReader.idParts(name: "works", suite: ["a.spec.ts", "Login"], file: "a.spec.ts") == ("a.spec.ts::Login::", "works"))
    #expect(CTRFTestReader.idParts(name: "works", suite: [], file: "e2e/a.cy.js") == ("e2e/a.cy.js::", "works"))
    #expect(CTRFTestReader.idParts(name: "works", suite: [], file: nil) == ("", "works"))
    #expect(CTRFTestReader.exceptionType("requests.exceptions.HTTPError: 503") == "requests.exceptions.HTTPError")
    #expect(CTRFTestReader.exceptionType("got 401: JWT expired") == nil)
    #expect(CTRFTestReader.exceptionType("assert 1 == 2") == nil)
    #expect(CTRFTestReader.line(of: "tests/test_a.py", in: "x\ntests/test_a.py:12: in test_a\n    boom()\ntests/test_a.py:31: Error") == 31)
    #expect(CTRFTestReader.line(of: "src/a.test.ts", in: "Error: x\n    at f (/ci/src/a.test.ts:12:5)\n    at g (node:net:1:2)") == 12)
    #expect(CTRFTestReader.line(of: "a.test.ts", in: "at f (src/data.test.ts:9:1)") == nil, "another file ending the same way")
  }

  @Test func theOutlineFindsMembersItemsAndLines() throws {
    let text = "{\n  \"a\": [1, {\"b\": \"x\\\"}\"}, [true, null]],\n  \"c\\u0041\": -2.5e3\n}\n"
    let o = JSONOutline(bytes: Array(text.utf8))
    let (root, damage) = o.root()
    #expect(damage == nil)
    let r = try #require(root)
    let (members, mDamage) = o.members(of: r)
    #expect(mDamage == nil)
    #expect(members.map(\.key) == ["a", "cA"])
    #expect(members.map(\.line) == [2, 3])
    let (items, iDamage) = o.items(of: members[0].value)
    #expect(iDamage == nil && items.count == 3)
    #expect(String(decoding: o.bytes[items[1].range], as: UTF8.self) == "{\"b\": \"x\\\"}\"}")
    #expect(o.root().damage == nil)
    #expect(JSONOutline(bytes: Array("{} x".utf8)).root().damage?.message == "text after the end of the JSON value")
    #expect(JSONOutline(bytes: Array("{\"a\": [1, 2}".utf8)).root().damage?.message == "expected ']' but found '}'")
    #expect(
      JSONOutline(bytes: Array("{\n\"a\": [\n1,\n".utf8)).root().damage
        == .init(line: 3, message: "the file ends inside an object (begun on line 1)"))
  }
}
