import Testing

@testable import ReportKit

/// The two-thread reader must give exactly what the one-thread reader gives.
@Suite struct JUnitSplitReaderTests {
  /// A pytest-style report with failures, skips, captured output and entities (hand-generated).
  func report(_ n: Int, truncateAt: Int? = nil, suites: Int = 1, distinctSuites: Bool = false) -> String {
    var xml = "<?xml version=\"1.0\"?>\n<testsuites name=\"pytest tests\">"
    for s in 0..<suites {
      xml += "<testsuite name=\"\(distinctSuites ? "suite\(s)" : "pytest")\" tests=\"\(n / suites)\">\n"
      for i in (s * n / suites)..<((s + 1) * n / suites) {
        xml += "<testcase classname=\"tests.mod_\(i / 100).TestC\" name=\"test_\(i)[a&amp;b]\" time=\"0.0\(i % 10)\">"
        if i % 37 == 0 { xml += "<failure message=\"AssertionError: \(i) != 0\">trace line\n&lt;x&gt;\n</failure>" }
        if i % 41 == 0 { xml += "<skipped message=\"env down\"/>" }
        if i % 43 == 0 { xml += "<system-out><![CDATA[Using mock fallback \(i)]]></system-out>" }
        xml += "</testcase>\n"
      }
      xml += "</testsuite>\n"
    }
    xml += "</testsuites>\n"
    if let cut = truncateAt { return String(xml.utf8.prefix(cut))! }
    return xml
  }

  func both(_ xml: String) throws -> (one: ParsedArtifact, two: ParsedArtifact, split: Bool) {
    let dir = TempDir()
    let path = dir.file("big.xml", xml)
    let one = JUnitXMLParser(path: path, displayPath: "big.xml").parse()
    var two = one
    let reader = JUnitSplitReader(path: path, displayPath: "big.xml", threshold: 1)
    let read = reader?.read()
    if let read { two = JUnitXMLParser(path: path, displayPath: "big.xml").artifactForTesting(read) }
    return (one, two, read != nil)
  }

  func same(_ a: ParsedArtifact, _ b: ParsedArtifact) {
    #expect(a.tests.count == b.tests.count)
    #expect(a.tests.map(\.id) == b.tests.map(\.id))
    #expect(a.tests.map(\.status) == b.tests.map(\.status))
    #expect(a.tests.map { $0.details?.evidence ?? [] } == b.tests.map { $0.details?.evidence ?? [] })
    #expect(a.tests.map { $0.details?.output } == b.tests.map { $0.details?.output })
    #expect(a.warnings == b.warnings)
  }

  @Test func splitReadEqualsOneThread() throws {
    let (one, two, split) = try both(report(30_000))
    #expect(split)
    #expect(one.tests.count == 30_000)
    same(one, two)
  }

  @Test func damageInTheTailIsReportedAtTheSameLine() throws {
    let xml = report(30_000)
    let (one, two, split) = try both(String(xml.utf8.prefix(xml.utf8.count * 3 / 4))!)
    #expect(split)
    #expect(one.warnings.first?.message.contains("malformed XML") == true)
    same(one, two)
  }

  @Test func suitesOfOneNameStillSplit() throws {
    // The middle is inside another <testsuite> element, but one with the same context.
    let (one, two, split) = try both(report(30_000, suites: 10))
    #expect(split)
    same(one, two)
  }

  @Test func aContextChangeFallsBackToOneThread() throws {
    // Ten differently named suites: the middle of the file is in another context than the start.
    let (one, _, split) = try both(report(30_000, suites: 10, distinctSuites: true))
    #expect(!split)
    #expect(one.tests.count == 30_000)
    #expect(one.warnings.isEmpty)
  }
}
