import Foundation

/// Shapes the HTML that cmark made of report.md for a page: heading ids and a table of contents,
/// and each cluster (marked in the Markdown by `<!-- cluster id=… severity=… -->`) folded into
/// a `<details>` with a severity badge, open when critical or high. The markers come only from our
/// templates: text from logs reaches this HTML escaped, so it cannot forge one.
struct PageLayout {
  /// An entry of the table of contents.
  struct Entry {
    var id: String
    var text: String
    var children: [Entry] = []
  }

  /// The page's title (the first `<h1>`, its inner HTML) and the rest of the body.
  var title: String
  var body: String
  var toc: [Entry]

  // The tags are found by their bytes (Foundation's search cost a pass over the rest of the page
  // per call: 4,000 calls on a page of 1,360 clusters). It would differ only where a tag ends
  // inside a character (a combining mark right after `>`): the tags come from cmark and our
  // templates, followed by a newline, the badge emoji or a heading's text, never by such a mark.
  init(html: String) {
    var rest = html[...]
    var title = ""
    if let open = rest.utf8Range(of: "<h1>"), let close = rest[open.upperBound...].utf8Range(of: "</h1>") {
      title = String(rest[open.upperBound..<close.lowerBound])
      rest = rest[close.upperBound...]
    }
    self.title = title
    var out = ""
    var toc: [Entry] = []
    var used = Set<String>()
    // The next heading and the next marker are found once each and looked for again only when
    // passed: a page of 1,000 clusters is not searched to its end 1,000 times.
    var nextH2 = rest.utf8Range(of: "<h2>")
    var nextMarker = rest.utf8Range(of: "<!-- cluster id=")
    while true {
      if let r = nextH2, r.lowerBound < rest.startIndex { nextH2 = rest.utf8Range(of: "<h2>") }
      if let r = nextMarker, r.lowerBound < rest.startIndex { nextMarker = rest.utf8Range(of: "<!-- cluster id=") }
      let (h2, marker) = (nextH2, nextMarker)
      guard let next = h2 ?? marker else { break }
      let takeHeading = h2 != nil && (marker == nil || (h2?.lowerBound ?? next.lowerBound) < (marker?.lowerBound ?? next.lowerBound))
      if takeHeading, let h2, let close = rest[h2.upperBound...].utf8Range(of: "</h2>") {
        out += rest[..<h2.lowerBound]
        let inner = String(rest[h2.upperBound..<close.lowerBound])
        let id = Self.unique(Self.slug(Self.plainText(inner)), &used)
        out += "<h2 id=\"\(id)\">\(inner)</h2>"
        toc.append(Entry(id: id, text: Self.plainText(inner)))
        rest = rest[close.upperBound...]
      } else if let marker, let cluster = Self.cluster(rest[marker.lowerBound...]) {
        out += rest[..<marker.lowerBound]
        out += cluster.html
        if !toc.isEmpty { toc[toc.count - 1].children.append(Entry(id: cluster.id, text: cluster.text)) }
        rest = rest[cluster.end...]
      } else {
        // A heading without its end, or a marker without its heading: leave the text as it is
        // and go on after that tag (after the marker, not after a heading further on).
        let stop = (takeHeading ? h2 : marker)?.upperBound ?? next.upperBound
        out += rest[..<stop]
        rest = rest[stop...]
      }
    }
    out += rest
    out = out.replacingOccurrences(of: "<!-- /cluster -->", with: "</details>")
    body = out
    self.toc = toc
  }

  /// `<!-- cluster id=X severity=Y -->` and the `<h3>` after it, as the opening of a `<details>`.
  private static func cluster(_ s: Substring) -> (html: String, id: String, text: String, end: Substring.Index)? {
    guard let close = s.utf8Range(of: "-->") else { return nil }
    let attrs = s[s.index(s.startIndex, offsetBy: 5)..<close.lowerBound].split(separator: " ")
    var values: [String: String] = [:]
    for a in attrs {
      let kv = a.split(separator: "=", maxSplits: 1)
      if kv.count == 2 { values[String(kv[0])] = String(kv[1]) }
    }
    guard let id = values["id"], let severity = values["severity"],
      id.allSatisfy({ $0.isLetter || $0.isNumber }), severity.allSatisfy(\.isLetter),
      let h3 = s[close.upperBound...].utf8Range(of: "<h3>"),
      s[close.upperBound..<h3.lowerBound].allSatisfy(\.isWhitespace),
      let end = s[h3.upperBound...].utf8Range(of: "</h3>")
    else { return nil }
    var inner = String(s[h3.upperBound..<end.lowerBound])
    // The Markdown heading reads `🔴 critical · title`: the badge says the first two.
    if let dot = inner.range(of: " · "), inner[..<dot.lowerBound].hasSuffix(severity) { inner = String(inner[dot.upperBound...]) }
    let open = severity == "critical" || severity == "high" ? " open" : ""
    let html =
      "<details class=\"cluster \(severity)\" id=\"c-\(id)\"\(open)><summary><span class=\"badge \(severity)\">\(severity)</span>\(inner)</summary>"
    return (html, "c-" + id, severity + ": " + plainText(inner), end.upperBound)
  }

  /// The text of some HTML: tags dropped, the five entities of escaping read back.
  static func plainText(_ html: String) -> String {
    var out = ""
    var inTag = false
    for c in html {
      if c == "<" { inTag = true } else if c == ">" { inTag = false } else if !inTag { out.append(c) }
    }
    return out.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
      .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(
        of: "&amp;", with: "&")
  }

  /// `Before / after` → `before-after`.
  static func slug(_ text: String) -> String {
    var out = ""
    for c in text.lowercased() {
      if c.isLetter || c.isNumber { out.append(c) } else if !out.hasSuffix("-") { out.append("-") }
    }
    let s = out.trimmingCharacters(in: CharacterSet(charactersIn: "-"))
    return s.isEmpty ? "section" : s
  }

  private static func unique(_ id: String, _ used: inout Set<String>) -> String {
    var candidate = id
    var n = 2
    while !used.insert(candidate).inserted {
      candidate = "\(id)-\(n)"
      n += 1
    }
    return candidate
  }
}
