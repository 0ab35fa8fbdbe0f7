import Foundation
import Testing

@testable import ReportKit

/// Whatever a log holds (backticks of any length, brackets and links, HTML, pipes, newlines,
/// bare URLs, a forged cluster marker), it stays inert text in report.md and issue.md as GitHub
/// renders them (GFM, tag filter) and in report.html.
@Suite struct InjectionTests {
  static let hostile =
    "test_x[`` ]] `[phish](https://phish.example/login) ``` <img src=x onerror=alert(1)> <script>alert(2)</script> | a | b |"
    + " www.evil.example mail@evil.example **bold** <!-- cluster id=abc severity=critical --> ~~gone~~]"

  func report() throws -> Report {
    // Hand-written: a JUnit file whose names and message carry every kind of markup at once
    // (a real tool writes such names when a test id is built from data).
    let dir = TempDir()
    func attr(_ s: String) -> String {
      s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(
        of: "<", with: "&lt;"
      )
      .replacingOccurrences(of: ">", with: "&gt;")
    }
    let name = attr(Self.hostile) + "&#10;second line"
    let xml = """
      <testsuite name="s">
      <testcase classname="tests.test_api" name="\(name)" file="tests/test_api.py" line="3"><failure message="\(attr(Self.hostile))">AssertionError: \(attr(Self.hostile))</failure></testcase>
      <testcase classname="tests.test_api" name="ok" file="tests/test_api.py"/>
      <testcase classname="tests.test_api" name="\(name) mock" file="tests/test_api.py"><system-out>using mock fallback for \(attr(Self.hostile))</system-out></testcase>
      </testsuite>
      """
    let run = try ReportBuilder().read([dir.file("junit.xml", xml)])
    let findings = Triage().findings(of: run)
    return Report(
      run: run, findings: findings, analysis: Analysis(run: run, findings: findings, config: ReportConfig()),
      meta: RunMeta(runID: "inj", generatedAt: "2026-01-01T00:00:00Z"))
  }

  /// No live markup from the log: no link to the phishing or bare hosts, no image, no script, no
  /// forged cluster, no strikethrough or bold made of log text.
  func expectInert(_ html: String, _ where_: String) {
    #expect(!html.contains("href=\"https://phish"), "\(where_): a live link")
    #expect(!html.contains("href=\"http://www.evil") && !html.contains("href=\"mailto:"), "\(where_): an autolink")
    #expect(!html.contains("<img") && !html.contains("<script>alert"), "\(where_): live HTML")
    #expect(!html.contains("<del>gone</del>") && !html.contains("<strong>bold</strong>"), "\(where_): formatting from a log")
    #expect(!html.contains("<!-- cluster id=abc"), "\(where_): a forged cluster marker")
  }

  @Test func aHostileTestNameIsInertInEveryOutput() throws {
    let r = try report()
    #expect(r.findings.clusters.count == 1)
    let views = ReportViewBuilder(report: r)
    for template in ["report.md", "issue.md"] {
      let md = TemplateSet.builtIn.render(template, views.view())
      // Rendered as GitHub renders it: GFM with the tag filter.
      let html = HTMLRenderer.body(md)
      expectInert(html, template)
      // The text is still there to read, escaped.
      #expect(html.contains("&lt;img src=x onerror=alert(1)&gt;"), "\(template)")
      // Every table row keeps its column count: a pipe in a name does not split a cell.
      for table in md.components(separatedBy: "\n\n") where table.hasPrefix("|") {
        let rows = table.split(separator: "\n").filter { $0.hasPrefix("|") }
        let cells = rows.map { row in row.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count }
        #expect(Set(cells).count == 1, "\(template): a row with a different column count:\n\(table)")
      }
    }
    let page = PageRenderer(templates: .builtIn).page(markdown: TemplateSet.builtIn.render("report.md", views.view()), report: r)
    expectInert(page, "report.html")
    #expect(page.components(separatedBy: "<details class=\"cluster").count - 1 == r.findings.clusters.count)
    #expect(page.components(separatedBy: "<script>").count == 2, "only the page's own print helper")
  }

  @Test func markdownTextNeverLinksOrFormats() {
    let out = Markdown.text("see https://x.example/a or www.y.example, write to a@b.example; [x](y) *z* <b> ~~s~~\nnext")
    let html = HTMLRenderer.body(out)
    #expect(!html.contains("<a ") && !html.contains("<em>") && !html.contains("<b>") && !html.contains("<del>"))
    #expect(!out.contains("\n"))
    #expect(html.contains("https://x.example/a") && html.contains("a@b.example"))
  }
}
