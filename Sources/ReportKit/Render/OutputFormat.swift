/// The files `report build` can write (`--format md,html,json,issue,ctrf,codequality`).
public enum OutputFormat: String, Sendable, CaseIterable {
  case markdown = "md", html, json, issue
  /// ctrf.json: the run as a Common Test Report Format report.
  case ctrf
  /// gl-code-quality-report.json: located failures for GitLab merge requests.
  case codeQuality = "codequality"

  public var fileName: String {
    switch self {
    case .markdown: "report.md"
    case .html: "report.html"
    case .json: "report.json"
    case .issue: "issue.md"
    case .ctrf: "ctrf.json"
    case .codeQuality: "gl-code-quality-report.json"
    }
  }

  /// What `report build` writes without `--format`: the report, and in GitLab CI the code-quality
  /// file its merge requests show.
  public static func defaults(environment: [String: String]) -> Set<OutputFormat> {
    var formats: Set<OutputFormat> = [.markdown, .html, .json, .issue]
    if CIEnvironment.read(environment)?.provider == .gitlab { formats.insert(.codeQuality) }
    return formats
  }
}
