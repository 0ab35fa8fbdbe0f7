/// report.html: the page template around the Markdown report rendered by cmark-gfm, with inline
/// CSS and SVG charts. Text from logs reaches the page only through cmark, which escapes it.
struct PageRenderer {
  let templates: TemplateSet

  func page(markdown: String, report: Report) -> String {
    var charts: [[String: Any]] = []
    if let svg = Charts.failuresByCategory(report.findings) { charts.append(["svg": svg, "caption": "Failures per category"]) }
    if let cmp = report.analysis.comparison, let svg = Charts.passRate(cmp) {
      charts.append(["svg": svg, "caption": "Pass rate, before and after"])
    }
    let context: [String: Any] = [
      "title": "Incident report: \(report.meta.runID)", "css": HTMLRenderer.css, "body": HTMLRenderer.body(markdown),
      "charts": charts, "hasCharts": !charts.isEmpty,
    ]
    return templates.render("page.html", context)
  }
}
