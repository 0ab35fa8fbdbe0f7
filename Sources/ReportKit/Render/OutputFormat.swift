/// The files `report build` can write (`--format md,html,json,issue`).
public enum OutputFormat: String, Sendable, CaseIterable {
  case markdown = "md", html, json, issue

  public var fileName: String {
    switch self {
    case .markdown: "report.md"
    case .html: "report.html"
    case .json: "report.json"
    case .issue: "issue.md"
    }
  }
}
