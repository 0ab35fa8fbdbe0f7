import Foundation
import Testing

@testable import ReportKit

/// issue.md fits its tracker's limit, degrades in steps, and is never cut inside a fence or table.
@Suite struct IssueBodyTests {
  /// A JUnit file with `n` failures spread over many signatures (generated here: a size test,
  /// not a dialect test), plus passing tests.
  static func bigRun(failures n: Int) throws -> Report {
    var xml = "<testsuite name=\"big\">\n"
    let kinds = [
      "requests.exceptions.HTTPError: 503 Server Error: Service Unavailable for url: https://api-%d.example.com/v1/orders/%d",
      "AssertionError: assert %d == %d", "KeyError: 'field_%d_%d'", "jwt.exceptions.ExpiredSignatureError: Signature has expired %d %d",
      "requests.exceptions.HTTPError: 404 Client Error: Not Found for url: https://api.example.com/v%d/items/%d",
    ]
    for i in 0..<n {
      let message = String(format: kinds[i % kinds.count], i % 97, i)
      xml +=
        "<testcase classname=\"tests.test_mod\(i % 40)\" name=\"test_case_\(i)\" time=\"0.01\"><failure message=\"\(message)\">Traceback line one ```\nE   \(message)\n| a | table | cell |</failure></testcase>\n"
      xml += "<testcase classname=\"tests.test_mod\(i % 40)\" name=\"test_ok_\(i)\" time=\"0.01\"/>\n"
    }
    xml += "</testsuite>\n"
    let dir = TempDir()
    let path = dir.file("big.xml", xml)
    let run = try ReportBuilder().read([path])
    let findings = Triage().findings(of: run)
    return Report(
      run: run, findings: findings, analysis: Analysis(run: run, findings: findings, config: ReportConfig()),
      meta: RunMeta(runID: "big", generatedAt: "2026-01-01T00:00:00Z"))
  }

  func body(_ r: Report, limit: Int) -> String {
    IssueBody(
      views: ReportViewBuilder(report: r), templates: .builtIn, limit: limit
    )
    .render()
  }

  /// Fences are balanced and every table row has the column count of its header.
  func isWellFormed(_ md: String) -> Bool {
    var fence: Substring?
    var columns: Int?
    for line in md.split(separator: "\n", omittingEmptySubsequences: false) {
      let t = line.drop { $0 == " " }
      if let f = fence {
        if t.hasPrefix(f) && t.allSatisfy({ $0 == f.first }) { fence = nil }
        continue
      }
      if t.hasPrefix("```") {
        fence = t.prefix { $0 == "`" }
        continue
      }
      if t.hasPrefix("|") {
        let cells = t.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count
        if let c = columns, c != cells { return false }
        columns = cells
      } else {
        columns = nil
      }
    }
    return fence == nil
  }

  @Test func fiveThousandFailuresFitTheDefaultLimit() throws {
    let r = try Self.bigRun(failures: 5000)
    #expect(r.findings.classifications.count == 5000)
    let text = body(r, limit: 65_536)
    #expect(text.count <= 65_536)
    #expect(isWellFormed(text))
    // Still says what matters: the counts and the largest clusters, and where the rest is.
    #expect(text.contains("5000 of 10000 tests that ran failed"))
    #expect(text.contains("1000 infrastructure"))
    #expect(text.contains("4800 more failing tests in `report.json`") || text.contains("full report"))
    // Tighter trackers: the steps, then the block-wise cut, still well formed.
    for limit in [20_000, 5_000, 2_000] {
      let small = body(r, limit: limit)
      #expect(small.count <= limit, "\(limit)")
      #expect(isWellFormed(small), "\(limit)")
      #expect(small.contains("report.html"), "\(limit)")
    }
  }

  @Test func itStepsDownOnlyAsFarAsNeeded() throws {
    let r = try Self.bigRun(failures: 300)
    let full = body(r, limit: 1_000_000)
    #expect(full.contains("<details><summary>Failing tests</summary>"))
    #expect(full.contains("Five whys") == false || full.contains("*Why did"))
    let gitlab = full.count
    #expect(gitlab > 20_000)
    // A limit between the full body and the smallest step keeps as much as fits.
    let mid = body(r, limit: gitlab - 1)
    #expect(mid.count <= gitlab - 1 && mid.count > 2000)
    #expect(!mid.contains("<details><summary>Failing tests</summary>") || mid.count < gitlab)
    #expect(isWellFormed(mid))
  }

  @Test func theLastResortCutsBetweenBlocks() {
    let text = "# T\n\nintro\n\n```\nfenced\n\nstill fenced\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n| 3 | 4 |\n\nlast paragraph\n"
    for limit in [100, 120, 140, 160, 200] {
      let cut = IssueBody.cut(text, to: limit)
      #expect(cut.count <= limit, "\(limit)")
      #expect(isWellFormed(cut), "\(limit): \(cut)")
      #expect(cut.hasSuffix("in report.html.\n"))
    }
  }
}

/// The low-confidence table: the first failures (in order) whose verdict is a guess, 50 at full
/// detail and 10 in the shorter views issue.md steps to.
@Suite struct LowConfidenceRowsTests {
  @Test func firstFiftyThenTen() throws {
    var xml = "<testsuite name=\"odd\">\n"
    for i in 0..<120 {
      // Messages no rule knows (a guess, low confidence), between failures a rule is sure of.
      xml +=
        "<testcase classname=\"tests.test_odd\" name=\"test_odd_\(i)\"><failure message=\"the frobnicator wibbled \(i)\"/></testcase>\n"
      xml +=
        "<testcase classname=\"tests.test_odd\" name=\"test_refused_\(i)\"><failure message=\"ConnectionRefusedError: [Errno 111] Connection refused\"/></testcase>\n"
    }
    xml += "</testsuite>\n"
    let dir = TempDir()
    let run = try ReportBuilder().read([dir.file("odd.xml", xml)])
    let findings = Triage().findings(of: run)
    let report = Report(
      run: run, findings: findings, analysis: Analysis(run: run, findings: findings, config: ReportConfig()),
      meta: RunMeta(runID: "odd", generatedAt: "2026-01-01T00:00:00Z"))
    let low = findings.failingInOrder.filter { findings.classifications[$0]?.confidence == .low }
    #expect(low.count == 120)
    let views = ReportViewBuilder(report: report)
    let full = views.view(.full).lowConfidence
    #expect(full.count == 50)
    #expect(full.map(\.test) == low.prefix(50).map { Markdown.code(run.tests[$0].id) })
    let short = ReportViewBuilder.Detail.steps.first { !$0.lists }.map { views.view($0).lowConfidence } ?? []
    #expect(short.map(\.test) == low.prefix(10).map { Markdown.code(run.tests[$0].id) })
  }
}
