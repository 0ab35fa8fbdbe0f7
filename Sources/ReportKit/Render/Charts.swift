/// Inline SVG bar charts for report.html: failures per category, and pass rate before/after.
/// Labels come from our own vocabulary, numbers from counts; both are escaped anyway.
enum Charts {
  struct Bar {
    var label: String
    var value: Double
    var text: String
    var color: String
  }

  static func color(_ c: Category) -> String {
    switch c {
    case .infrastructure: "#d9534f"
    case .auth: "#f0ad4e"
    case .routing: "#5bc0de"
    case .logic: "#777"
    }
  }

  static func failuresByCategory(_ f: Findings) -> String? {
    let counts = f.countsByCategory
    guard counts.contains(where: { $0.1 > 0 }) else { return nil }
    return bars(
      counts.map { Bar(label: $0.0.rawValue, value: Double($0.1), text: "\($0.1)", color: color($0.0)) }, title: "Failures per category")
  }

  static func passRate(_ c: Comparison) -> String? {
    let (before, after) = c.passRates
    guard before != nil || after != nil else { return nil }
    return bars(
      [
        Bar(label: "before", value: (before ?? 0) * 100, text: Format.percent(before), color: "#999"),
        Bar(label: "after", value: (after ?? 0) * 100, text: Format.percent(after), color: "#5cb85c"),
      ],
      title: "Pass rate", maxValue: 100)
  }

  static func bars(_ bars: [Bar], title: String, maxValue: Double? = nil) -> String {
    let width = 360.0, row = 26.0, label = 110.0
    let top = max(maxValue ?? 0, bars.map(\.value).max() ?? 1, 1)
    var svg =
      "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"\(Int(width))\" height=\"\(Int(row * Double(bars.count) + 8))\" viewBox=\"0 0 \(Int(width)) \(Int(row * Double(bars.count) + 8))\">"
    svg += "<title>\(HTMLRenderer.escape(title))</title>"
    for (i, b) in bars.enumerated() {
      let y = Double(i) * row + 4
      let w = max(1, (width - label - 60) * b.value / top)
      svg += "<text x=\"0\" y=\"\(Int(y + 15))\" font-size=\"13\">\(HTMLRenderer.escape(b.label))</text>"
      svg += "<rect x=\"\(Int(label))\" y=\"\(Int(y))\" width=\"\(Int(w))\" height=\"18\" fill=\"\(b.color)\"/>"
      svg += "<text x=\"\(Int(label + w + 6))\" y=\"\(Int(y + 15))\" font-size=\"13\">\(HTMLRenderer.escape(b.text))</text>"
    }
    return svg + "</svg>"
  }
}
