/// An inline SVG line chart of a rate over runs (the weekly review's pass rate per run): oldest
/// on the left, 0-100% gridlines, each point titled with its run and value, the first and last
/// runs named under the axis.
extension Charts {
  struct Point {
    var label: String
    /// A fraction (0...1); nil when not measured (the point is left out of the line).
    var value: Double?
  }

  static func trend(_ points: [Point], title: String) -> String? {
    guard points.contains(where: { $0.value != nil }) else { return nil }
    let (width, height, left, top, bottom) = (640.0, 220.0, 48.0, 12.0, 40.0)
    let plotW = width - left - 24, plotH = height - top - bottom
    func x(_ i: Int) -> Double { points.count == 1 ? left + plotW / 2 : left + plotW * Double(i) / Double(points.count - 1) }
    func y(_ v: Double) -> Double { top + plotH * (1 - min(max(v, 0), 1)) }
    func n(_ d: Double) -> String { JSONWriter.format(d, decimals: 1) }
    var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"\(Int(width))\" height=\"\(Int(height))\">"
    svg += "<title>\(HTMLRenderer.escape(title))</title>"
    for g in [0.0, 0.5, 1.0] {
      svg += "<line x1=\"\(n(left))\" y1=\"\(n(y(g)))\" x2=\"\(n(left + plotW))\" y2=\"\(n(y(g)))\" stroke=\"#d0d7de\"/>"
      svg += "<text x=\"\(n(left - 6))\" y=\"\(n(y(g) + 4))\" font-size=\"12\" text-anchor=\"end\">\(Int(g * 100))%</text>"
    }
    let measured = points.indices.compactMap { i in points[i].value.map { (i, $0) } }
    svg += "<polyline fill=\"none\" stroke=\"#5cb85c\" stroke-width=\"2\" points=\""
    svg += measured.map { "\(n(x($0.0))),\(n(y($0.1)))" }.joined(separator: " ") + "\"/>"
    for (i, v) in measured {
      svg += "<circle cx=\"\(n(x(i)))\" cy=\"\(n(y(v)))\" r=\"4\" fill=\"#5cb85c\">"
      svg += "<title>\(HTMLRenderer.escape(points[i].label)): \(Format.percent(v))</title></circle>"
    }
    for (i, v) in [measured.first, measured.last].compactMap({ $0 }) {
      svg += "<text x=\"\(n(x(i)))\" y=\"\(n(y(v) - 9))\" font-size=\"12\" text-anchor=\"middle\">\(Format.percent(v))</text>"
    }
    let names = points.count == 1 ? [0] : [0, points.count - 1]
    for i in names {
      let anchor = points.count == 1 ? "middle" : (i == 0 ? "start" : "end")
      svg += "<text x=\"\(n(x(i)))\" y=\"\(n(height - 14))\" font-size=\"12\" text-anchor=\"\(anchor)\">"
      svg += "\(HTMLRenderer.escape(String(points[i].label.prefix(32))))</text>"
    }
    return svg + "</svg>"
  }
}
