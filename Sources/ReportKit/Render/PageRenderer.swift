/// report.html: one self-contained page. The title and a status header come first (verdict, pass
/// rate, failures by category as tiles), then a table of contents and the charts, then the
/// Markdown report rendered by cmark-gfm, its clusters folded (`PageLayout`).
struct PageRenderer {
  let templates: TemplateSet

  /// What page.html.mustache renders.
  struct PageView {
    struct Chart {
      var svg: String
      var caption: String
    }

    struct Tile {
      var value: String
      var label: String
      var kind: String
    }

    struct TOCEntry {
      var id: String
      var text: String
      var children: [TOCEntry]
    }

    var title: String
    /// The h1's inner HTML, as cmark made it.
    var heading: String
    var css: String
    var tiles: [Tile]
    var toc: [TOCEntry]
    var body: String
    var charts: [Chart]
  }

  func page(markdown: String, report: Report) -> String {
    var charts: [PageView.Chart] = []
    if let svg = Charts.failuresByCategory(report.findings) { charts.append(.init(svg: svg, caption: "Failures per category")) }
    if let cmp = report.analysis.comparison, let svg = Charts.passRate(cmp) {
      charts.append(.init(svg: svg, caption: "Pass rate, before and after"))
    }
    let layout = PageLayout(html: HTMLRenderer.body(markdown))
    func entry(_ e: PageLayout.Entry) -> PageView.TOCEntry { .init(id: e.id, text: e.text, children: e.children.map(entry)) }
    let view = PageView(
      title: "Incident report: \(report.meta.runID)", heading: layout.title, css: PageStyle.css, tiles: Self.tiles(report),
      toc: layout.toc.map(entry), body: layout.body, charts: charts)
    return templates.render("page.html", view)
  }

  /// The numbers a reader looks for first.
  static func tiles(_ report: Report) -> [PageView.Tile] {
    let t = report.analysis.metrics.totals
    let failing = t.failed + t.errors
    var out: [PageView.Tile] = []
    if t.tests > 0 {
      out.append(.init(value: Format.percent(t.passRate), label: "pass rate", kind: failing > 0 ? "bad" : "ok"))
      out.append(.init(value: "\(t.tests)", label: "tests", kind: ""))
      out.append(.init(value: "\(failing)", label: "failed or errored", kind: failing > 0 ? "bad" : "ok"))
    }
    for (c, n) in report.findings.countsByCategory where n > 0 { out.append(.init(value: "\(n)", label: c.rawValue, kind: c.rawValue)) }
    if !report.run.requests.isEmpty {
      let bad = report.run.requests.failedCount
      out.append(.init(value: "\(bad) / \(report.run.requests.count)", label: "HTTP requests failed", kind: bad > 0 ? "bad" : "ok"))
    }
    let suspicious = report.findings.suspicious.count
    if suspicious > 0 { out.append(.init(value: "\(suspicious)", label: "false greens and run health", kind: "bad")) }
    return out
  }
}
