/// The CI line of "What ran": `**CI**: GitHub Actions run [#42](url) · commit `abc1234` on
/// `main``. Shown only when the report was made in CI.
extension ReportView {
  struct CILine {
    /// `GitHub Actions run [#42](https://…)`: the service, what it calls a run, and the link.
    var run: String
    /// The short commit, as a code span.
    var commit: String?
    /// The branch, as a code span.
    var branch: String?
    /// `PR #7` (GitHub, Buildkite, CircleCI, Jenkins) or `MR !7` (GitLab).
    var change: String?
    /// `[job](url)` when the job has a page of its own beside the run's.
    var job: String?
  }
}

extension ReportViewBuilder {
  func ciLine() -> ReportView.CILine? {
    guard let ci = report.meta.ci else { return nil }
    let noun =
      switch ci.provider {
      case .githubActions: "run"
      case .gitlab: "pipeline"
      case .jenkins, .buildkite: "build"
      case .circleci: "job"
      }
    let label = ci.runNumber.map { "#" + $0 } ?? ci.runID ?? noun
    var run = ci.provider.displayName + " " + noun
    if let url = ci.url {
      run += " " + Self.link(label, url)
    } else if label != noun {
      run += " " + Markdown.text(label)
    }
    var job: String?
    if let jobURL = ci.jobURL, let runURL = ci.runURL, jobURL != runURL { job = Self.link(ci.job ?? "job", jobURL) }
    return ReportView.CILine(
      run: run, commit: ci.shortCommit.map { Markdown.code($0, table: false) }, branch: ci.branch.map { Markdown.code($0, table: false) },
      change: ci.pullRequest.map { ci.provider == .gitlab ? "MR !" + Markdown.text($0) : "PR #" + Markdown.text($0) }, job: job)
  }

  /// The CI line as Markdown, or nil outside CI.
  func ciText() -> String? {
    guard let c = ciLine() else { return nil }
    var s = "**CI**: " + c.run
    if let job = c.job { s += " · " + job }
    if let commit = c.commit { s += " · commit " + commit }
    if let branch = c.branch { s += " on " + branch }
    if let change = c.change { s += " · " + change }
    return s
  }

  /// `[text](url)`, with the characters that would end the link target percent-encoded, and the
  /// ones that would format or end the link text escaped (`#` and `|` need no escape there).
  static func link(_ text: String, _ url: String) -> String {
    var label = ""
    for c in text {
      if "\\`*_[]<>&".contains(c) { label.append("\\") }
      label.append(c)
    }
    var target = ""
    for c in url.unicodeScalars {
      switch c {
      case " ": target += "%20"
      case "(": target += "%28"
      case ")": target += "%29"
      case "<": target += "%3C"
      case ">": target += "%3E"
      default: target.unicodeScalars.append(c)
      }
    }
    return "[" + label + "](" + target + ")"
  }
}
