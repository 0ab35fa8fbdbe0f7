import Foundation
import TestSupport
import Testing

/// report.html and weekly.html as a real browser reads them: headless Chromium parses each page
/// and dumps its DOM, which must hold the structure the page was written with (tables with
/// their rows, the inline SVG charts as SVG) and nothing a log could have smuggled in.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium"), "chromium absent: apt-get install chromium"))
struct PageBrowserTests {
  /// The page's DOM after Chromium parsed it.
  static func dom(_ path: String) -> String {
    let r = Shell.run(
      "/usr/bin/timeout",
      ["90", "/usr/bin/chromium", "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", "file://" + path])
    return r.stdout
  }

  /// The HTML from heading `title` to the end of the first table after it.
  /// The first table after the heading whose text is `title` (`<h2>Runs</h2>`: any attributes).
  static func table(after title: String, in dom: String) -> String {
    var heading = title
    if let open = title.range(of: ">"), title.hasPrefix("<h") {
      let tag = title[..<open.lowerBound]  // `<h2`
      let text = title[open.upperBound...]  // `Runs</h2>`
      if let at = dom.range(of: ">" + text), let start = dom[..<at.lowerBound].range(of: tag, options: .backwards) {
        heading = String(dom[start.lowerBound..<at.upperBound])
      }
    }
    guard let h = dom.range(of: heading), let end = dom.range(of: "</table>", range: h.upperBound..<dom.endIndex) else { return "" }
    return String(dom[h.lowerBound..<end.upperBound])
  }

  @Test func theWeeklyPageHasItsRunsTableAndTrendChart() throws {
    let dom = Self.dom(CLI.root + "/reports/example-weekly/weekly.html")
    #expect(dom.contains("<title>Weekly review: 2026-01-01 to 2026-01-08</title>"))
    let runs = Self.table(after: "<h2>Runs</h2>", in: dom)
    #expect(runs.components(separatedBy: "<tr>").count - 1 == 1 + 8, "a header and eight runs")
    #expect(runs.contains("<code>day8</code>"))
    let svg = try #require(dom.range(of: "<svg").map { String(dom[$0.lowerBound...].prefix { $0 != "\n" }) })
    #expect(svg.components(separatedBy: "<circle").count - 1 == 8, "a point per run")
    #expect(svg.contains("<polyline"))
    #expect(dom.contains("<h3>Persisting (oldest first)</h3>") && dom.contains(">Open actions carried over</h2>"))
    // The page's own print helper is its only script: nothing from the logs runs.
    #expect(dom.components(separatedBy: "<script").count == 2 && dom.contains("beforeprint"))
  }

  @Test func theReportPageHasItsTablesAndShowsLogHTMLAsText() throws {
    let dom = Self.dom(CLI.root + "/reports/example/report.html")
    #expect(dom.contains("<title>Incident report: example</title>"))
    let categories = Self.table(after: "<h2>Failures by category</h2>", in: dom)
    #expect(categories.components(separatedBy: "<tr>").count - 1 == 1 + 4, "a header and four categories")
    #expect(dom.contains("<svg") && dom.contains("<rect"))
    // The page's own print helper is its only script: nothing from the logs runs.
    #expect(dom.components(separatedBy: "<script").count == 2 && dom.contains("beforeprint"))
  }
}
