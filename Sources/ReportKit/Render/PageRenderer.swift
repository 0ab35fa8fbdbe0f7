/// report.html: the page template around the Markdown report rendered by cmark-gfm, with inline
/// CSS and SVG charts. Text from logs reaches the page only through cmark, which escapes it.
struct PageRenderer {
  let templates: TemplateSet

  /// What page.html.mustache renders.
  struct PageView {
    struct Chart {
      var svg: String
      var caption: String
    }

    var title: String
    var css: String
    var body: String
    var charts: [Chart]
  }

  func page(markdown: String, report: Report) -> String {
    var charts: [PageView.Chart] = []
    if let svg = Charts.failuresByCategory(report.findings) { charts.append(.init(svg: svg, caption: "Failures per category")) }
    if let cmp = report.analysis.comparison, let svg = Charts.passRate(cmp) {
      charts.append(.init(svg: svg, caption: "Pass rate, before and after"))
    }
    let view = PageView(
      title: "Incident report: \(report.meta.runID)", css: HTMLRenderer.css, body: HTMLRenderer.body(markdown), charts: charts)
    return templates.render("page.html", view)
  }
}
