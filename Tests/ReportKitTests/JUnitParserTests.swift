import Foundation
import Testing

@testable import ReportKit

/// Hand-written JUnit files, each for one precise edge case; real files come from Tests/Fixtures.
@Suite struct JUnitParserTests {
  func parse(_ xml: String) -> ParsedArtifact {
    let dir = TempDir()
    return JUnitXMLParser(path: dir.file("r.xml", xml), displayPath: "r.xml").parse()
  }

  func status(_ a: ParsedArtifact, _ name: String) -> TestStatus? { a.tests.first { $0.name == name }?.status }

  /// Markup ends at the first `>` outside quotes, a quote ends at the same quote, and lines are
  /// counted, wherever the bytes fall against the eight-byte steps of the scans: `>`, the other
  /// quote and line feeds inside attribute values, shifted by 0 to 16 bytes.
  @Test func quotesAndLinesAtEveryOffset() {
    for shift in 0...16 {
      let pad = String(repeating: " ", count: shift)
      let a = parse(
        """
        <testsuite name="s">\(pad)
        <testcase\(pad) classname='c.x"y>' name="a>b'c"
        time="1"/><testcase classname="c" name="second\(pad)
        line">\(pad)<failure message="m>\(pad)n">x &lt; y\(pad)</failure></testcase>
        <testcase classname="c" name="third"/>
        </testsuite>
        """)
      #expect(a.tests.map(\.name) == ["a>b'c", "second\(pad)\nline", "third"], "\(shift)")
      #expect(a.tests.first?.suite == "c.x\"y>" || a.tests.first?.idPrefix.hasPrefix("c.x\"y>") == true, "\(shift)")
      let second = a.tests.dropFirst().first
      #expect(second?.details?.message == "m>\(pad)n", "\(shift)")
      #expect(second?.details?.evidence.first?.line == 4, "\(shift)")  // the line `<failure` is on
      #expect(a.warnings.isEmpty, "\(shift)")
    }
  }

  /// Entities decoded with the text between them copied as runs give what decoding one byte at a
  /// time gave (the code before, kept here), on seeded texts of references, near misses (no `;`
  /// within reach, unknown names, scalars out of range) and plain bytes.
  @Test func entitiesDecodedAsByteByByte() {
    func before(_ s: UnsafeBufferPointer<UInt8>) -> [UInt8] {
      var out: [UInt8] = []
      var i = s.startIndex
      while i < s.endIndex {
        let c = s[i]
        guard c == UInt8(ascii: "&"), let semi = s[i..<min(s.endIndex, i + 12)].firstIndex(of: UInt8(ascii: ";")) else {
          out.append(c)
          i += 1
          continue
        }
        if let scalar = XMLEntities.reference(s[(i + 1)..<semi]) {
          UTF8.encode(scalar) { out.append($0) }
          i = semi + 1
        } else {
          out.append(c)
          i += 1
        }
      }
      return out
    }
    let pieces = [
      "&lt;", "&gt;", "&amp;", "&quot;", "&apos;", "&#x41;", "&#65;", "&#X1F600;", "&#x110000;", "&#xD800;", "&bogus;", "&", ";", "&lt",
      "&aaaaaaaaaaaaaa;", "a", "é", " ", "&amp;lt;", "&&lt;",
    ]
    var rng = DamagedInputTests.SplitMix(state: 31)
    for _ in 0..<5000 {
      let bytes = Array((0..<Int(rng.next() % 9)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined().utf8)
      bytes.withUnsafeBufferPointer { p in #expect(XMLEntities.decode(p) == before(p), "\(String(decoding: bytes, as: UTF8.self))") }
    }
  }

  @Test func nestedSuitesAndEveryOutcome() {
    let a = parse(
      """
      <?xml version="1.0"?>
      <testsuites><testsuite name="outer"><testsuite name="inner">
        <testcase classname="c.A" name="ok" time="0.5"/>
        <testcase classname="c.A" name="fails"><failure message="boom" type="AssertionError">trace</failure></testcase>
        <testcase classname="c.A" name="errs"><error message="kaput"/></testcase>
        <testcase classname="c.A" name="skips"><skipped message="not today"/></testcase>
      </testsuite><testsuite name="deeper"><testsuite name="deepest">
        <testcase classname="c.B" name="deep"/>
      </testsuite></testsuite></testsuite></testsuites>
      """)
    #expect(a.tests.count == 5)
    #expect(status(a, "ok") == .passed)
    #expect(status(a, "fails") == .failed)
    #expect(status(a, "errs") == .error)
    #expect(status(a, "skips") == .skipped)
    #expect(status(a, "deep") == .passed)
    let fails = a.tests.first { $0.name == "fails" }!
    #expect(fails.details?.message == "boom")
    #expect(fails.details?.detail == "trace")
    #expect(fails.details?.evidence.first == Evidence(path: "r.xml", line: 4, text: "boom"))
    #expect(a.tests.first { $0.name == "skips" }?.details?.skipReason == "not today")
    #expect(a.warnings.isEmpty)
  }

  @Test func surefireFlakyAndRerun() {
    let a = parse(
      """
      <testsuite name="s" tests="2">
        <testcase classname="x.T" name="flaky"><flakyFailure message="first try failed"><stackTrace>st</stackTrace></flakyFailure></testcase>
        <testcase classname="x.T" name="rerun"><failure message="always"/><rerunFailure message="again"/><rerunFailure message="again"/></testcase>
      </testsuite>
      """)
    #expect(status(a, "flaky") == .flaky)
    #expect(status(a, "rerun") == .failed)
    #expect(a.tests.first { $0.name == "rerun" }?.details?.evidence.contains { $0.text == "failed again in 2 reruns" } == true)
  }

  @Test func pytestDialectGivesNodeIDsXfailAndPhases() {
    let a = parse(
      """
      <testsuites><testsuite name="pytest">
        <testcase classname="tests.api.test_users.TestUsers" name="test_get[a.b]"/>
        <testcase classname="tests.api.test_users" name="test_x"><skipped type="pytest.xfail" message="known bug"/></testcase>
        <testcase classname="tests.api.test_users" name="test_y"><error message="failed on setup with &quot;ConnectionError: refused&quot;"/></testcase>
        <testcase classname="" name="tests.test_broken"><error message="collection failure">ImportError</error></testcase>
      </testsuite></testsuites>
      """)
    #expect(
      a.tests.map(\.id) == [
        "tests/api/test_users.py::TestUsers::test_get[a.b]", "tests/api/test_users.py::test_x",
        "tests/api/test_users.py::test_y", "tests/test_broken.py",
      ])
    #expect(a.tests[1].status == .xfailed)
    #expect(a.tests[2].phase == .setup)
    #expect(a.tests[2].details?.message == "ConnectionError: refused")
    #expect(a.tests[3].phase == .collection)
  }

  @Test func truncatedFileKeepsCompleteTestcasesAndNamesTheLine() {
    let a = parse(
      "<testsuite name=\"s\">\n<testcase name=\"a\"/>\n<testcase name=\"b\"><failure message=\"x\"/></testcase>\n<testcase name=\"c\"><failure><![CDATA[cut"
    )
    #expect(a.tests.map(\.name) == ["a", "b"])
    let w = a.warnings.first { $0.message.contains("malformed") }
    #expect(w?.line == 4)
    #expect(w?.message.contains("kept the 2 testcases") == true)
  }

  @Test func mismatchedTagStopsWithLine() {
    let a = parse("<testsuite>\n<testcase name=\"a\"/>\n<testcase name=\"b\">\n</testsuite>\n")
    #expect(a.tests.map(\.name) == ["a"])
    #expect(a.warnings.first?.line == 4)
    #expect(a.warnings.first?.message.contains("does not match <testcase>") == true)
  }

  @Test func externalEntitiesAreNeverExpanded() {
    let a = parse(
      """
      <?xml version="1.0"?>
      <!DOCTYPE foo [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> <!ENTITY lol "lol"> ]>
      <testsuite><testcase name="t"><failure message="&xxe;&lol;">&xxe;</failure></testcase></testsuite>
      """)
    #expect(a.tests.count == 1)
    #expect(a.tests[0].details?.message == "&xxe;&lol;")
    #expect(a.tests[0].details?.detail == "&xxe;")
  }

  @Test func declaredCountsLoseToElements() {
    let a = parse("<testsuites tests=\"9\"><testsuite tests=\"9\"><testcase name=\"only\"/></testsuite></testsuites>")
    #expect(a.tests.count == 1)
    #expect(a.warnings.first?.message == "declares tests=9 but holds 1 <testcase> element; counted the elements")
  }

  @Test func oddAttributesAndTimes() {
    let a = parse(
      """
      \u{FEFF}<testsuite name='s'>
        <testcase name='sci' time='1.7e-05'/>
        <testcase name='commas' time="1,234.5"/>
        <testcase name="placeholder" time="<<computed>>"/>
        <testcase name='disabled' status='notrun'/>
        <testcase name="ent &lt;&amp;&gt; &#x41;&#66;"/>
      </testsuite>
      """)
    #expect(a.tests.count == 5)
    #expect(a.tests[0].durationSeconds.map { abs($0 - 1.7e-05) < 1e-9 } == true)
    #expect(a.tests[1].durationSeconds == 1234.5)
    #expect(a.tests[2].durationSeconds == nil)
    #expect(a.tests[3].status == .skipped)
    #expect(a.tests[4].name == "ent <&> AB")
  }

  /// The plain-decimal fast path reads what `Double(String)` reads, to the bit, and leaves every
  /// other form to it.
  @Test func plainSecondsAreDoublesOwnReading() {
    var rng = SystemRandomNumberGenerator()
    var texts = [
      "0", "00.10", "1.", ".5", "1e3", "-1", "+1", "", ".", "1.2.3", " 1", "1 ", "999999999999999", "1234567890123456",
      "0.000000000000001", "123456789012.345", "0,5", "١٢",
    ]
    for _ in 0..<100_000 {
      let digits = Int.random(in: 1...17, using: &rng)
      var s = (0..<digits).map { _ in String(Int.random(in: 0...9, using: &rng)) }.joined()
      if Bool.random(using: &rng) { s.insert(".", at: s.index(s.startIndex, offsetBy: Int.random(in: 0...digits, using: &rng))) }
      texts.append(s)
    }
    var fast = 0
    for s in texts {
      let plain = Array(s.utf8).withUnsafeBufferPointer { PendingTestCase.plainSeconds($0) }
      if let plain {
        fast += 1
        #expect(plain.bitPattern == Double(s)?.bitPattern, "\(s)")
      }
      let shape = s.utf8.count - (s.contains(".") ? 1 : 0)
      if !s.isEmpty, shape <= 15, s.allSatisfy({ $0.isASCII && $0.isNumber }) { #expect(plain != nil, "\(s)") }
    }
    #expect(fast > 50_000)
  }

  @Test func nonJUnitXMLIsSkippedWithAReason() {
    let a = parse("<assemblies><assembly><collection><test result=\"Fail\"/></collection></assembly></assemblies>")
    #expect(a.format == .unknown)
    #expect(a.tests.isEmpty)
    #expect(a.warnings.first?.message == "not a JUnit report (root element <assemblies>); skipped")
  }

  @Test func streamsAcrossChunkBoundaries() {
    // Over 2 MiB so tags, entities and CDATA straddle the 1 MiB read boundaries.
    var xml = "<testsuite name=\"big\">\n"
    for i in 0..<20_000 {
      let said = i % 2 == 0 ? "Using MockWebSocket fallback \(i)" : "plain output \(i)"
      xml += "<testcase classname=\"m.C\" name=\"t\(i) &amp; more\"><system-out><![CDATA[\(said)]]></system-out>"
      xml += i % 1000 == 0 ? "<failure message=\"f&lt;\(i)&gt;\">\(String(repeating: "x", count: 50))</failure>" : ""
      xml += "</testcase>\n"
    }
    xml += "</testsuite>\n"
    let a = parse(xml)
    #expect(a.warnings.isEmpty)
    #expect(a.tests.count == 20_000)
    #expect(a.tests.filter { $0.status == .failed }.count == 20)
    #expect(a.tests.allSatisfy { $0.name.hasSuffix(" & more") })
    // A passing test keeps output that says it used a mock; other output of passes is dropped.
    #expect(a.tests[19_998].details?.output == "Using MockWebSocket fallback 19998")
    #expect(a.tests[19_999].details == nil)
    #expect(a.tests[19_000].details?.message == "f<19000>")
    #expect(a.tests[19_000].details?.evidence.first?.line == 19_002)
  }

  @Test func realPytestAndSwiftReports() throws {
    let pytest = JUnitXMLParser(path: Fixtures.path("pytest/xunit2.xml"), displayPath: "x").parse()
    #expect(Totals(pytest.tests) == Self.totals(tests: 15, passed: 4, failed: 8, errors: 1, skipped: 1, xfailed: 1, in: pytest.tests))
    #expect(pytest.tests.contains { $0.id == "test_staging_api.py::test_user_lookup[7]" && $0.status == .failed })
    let xctest = JUnitXMLParser(path: Fixtures.path("swift/xunit.xml"), displayPath: "x").parse()
    #expect(xctest.tests.map(\.status).sorted() == [.passed, .passed, .failed])
    let swiftTesting = JUnitXMLParser(path: Fixtures.path("swift/xunit-swift-testing.xml"), displayPath: "x").parse()
    #expect(swiftTesting.tests.first { $0.status == .failed }?.details?.message?.contains("expected 3") == true)
  }

  /// pytest's JUnit names a test by dotted classname: the node id made over an ASCII name's bytes
  /// is the one made from its parts as Strings (drawn names: empty parts, leading and trailing
  /// dots, upper-case letters inside and at the start of parts, digits, non-ASCII letters).
  @Test func nodeIDsOverBytesAsOverStrings() {
    #expect(
      TestID.pytestNodeID(classname: "tests.api.test_users.TestX", name: "test_get", file: nil)
        == "tests/api/test_users.py::TestX::test_get")
    #expect(TestID.pytestNodeID(classname: "tests.mod.T.U", name: "t", file: "src/mod.py") == "src/mod.py::T::U::t")
    let pieces = ["tests", "api", "TestX", "Inner", "", "a", "Zed", "x1", "mY", "_Priv", "Éclair", "ünï", "9"]
    var g = SystemRandomNumberGenerator()
    for _ in 0..<5000 {
      let parts = (0..<Int.random(in: 1...5, using: &g)).map { _ in pieces.randomElement(using: &g) ?? "" }
      let classname = parts.joined(separator: ".")
      let file: String? = [nil, "tests/x.py", "tests/y.txt"].randomElement(using: &g) ?? nil
      #expect(
        TestID.pytestNodeID(classname: classname, name: "t[1]", file: file)
          == TestID.pytestNodeID(classname: classname, name: "t[1]", file: file, bytes: false), "\(classname)")
    }
  }

  static func totals(tests: Int, passed: Int, failed: Int, errors: Int, skipped: Int, xfailed: Int, in all: [TestResult]) -> Totals {
    var t = Totals()
    t.tests = tests; t.passed = passed; t.failed = failed; t.errors = errors; t.skipped = skipped; t.xfailed = xfailed
    t.durationSeconds = Totals(all).durationSeconds
    return t
  }
}
