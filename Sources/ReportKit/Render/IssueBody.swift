/// `issue.md`: the report as a tracker comment that fits its size limit (65,536 characters by
/// default). Too long, it steps down (collapse details, drop lists, shorten evidence, point to
/// the HTML); if even the last step is too long, it is cut between blocks, never inside a code
/// fence or a table.
struct IssueBody {
  let views: ReportViewBuilder
  let templates: TemplateSet
  let limit: Int

  /// `full`: the view at full detail when the caller has built it already (report.md's).
  func render(full: ReportView? = nil) -> String {
    var text = templates.render("issue.md", full ?? views.view(.full))
    if text.count <= limit { return text }
    for step in ReportViewBuilder.Detail.steps {
      text = templates.render("issue.md", views.view(step))
      if text.count <= limit { return text }
    }
    return Self.cut(text, to: limit)
  }

  /// The longest prefix of whole blocks (paragraphs, lists, tables, fences) that fits with a note.
  static func cut(_ text: String, to limit: Int) -> String {
    let note = "\n… cut to fit the tracker's limit of \(limit) characters: the full report is in report.html.\n"
    var out = ""
    var block = ""
    var fence: Substring?
    let budget = limit - note.count
    func flush() -> Bool {
      guard out.count + block.count <= budget else { return false }
      out += block
      block = ""
      return true
    }
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      let t = line.drop { $0 == " " }
      if let f = fence {
        block += line + "\n"
        if t.hasPrefix(f) && t.allSatisfy({ $0 == f.first }) { fence = nil }
        continue
      }
      if t.hasPrefix("```") || t.hasPrefix("~~~") {
        fence = t.prefix { $0 == t.first }
        block += line + "\n"
        continue
      }
      if t.isEmpty {
        block += "\n"
        if !flush() { break }
        continue
      }
      block += line + "\n"
    }
    if fence == nil { _ = flush() }
    return out + note
  }
}
