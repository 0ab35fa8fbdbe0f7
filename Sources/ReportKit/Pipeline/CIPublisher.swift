import Foundation

/// What `report build` does for the CI it runs in, once the report is written. In GitHub Actions
/// (`GITHUB_ACTIONS=true`): the step summary is appended to `$GITHUB_STEP_SUMMARY` (appended,
/// never truncated: earlier steps' summaries stay) within GitHub's 1 MiB, and the annotations are
/// returned for the caller to print on stdout. Elsewhere it does nothing (GitLab's code-quality
/// file is an output of the report itself).
///
/// Everything is driven by the environment given, so tests set fake variables and a temporary
/// summary file. Problems are warnings: the report is already written.
public struct CIPublisher {
  public var environment: [String: String]

  public init(environment: [String: String]) {
    self.environment = environment
  }

  public struct Outcome: Sendable {
    /// Workflow commands (`::error ...`) to print on stdout, one per line.
    public var lines: [String] = []
    public var warnings: [Diagnostic] = []
    /// Bytes appended to the step summary; nil when none was appended.
    public var summaryBytes: Int?
  }

  public func publish(_ report: Report) -> Outcome {
    var outcome = Outcome()
    guard environment["GITHUB_ACTIONS"] == "true" else { return outcome }
    outcome.lines = Annotations(report: report).lines()
    if let path = environment["GITHUB_STEP_SUMMARY"], !path.isEmpty {
      do {
        outcome.summaryBytes = try appendSummary(report, to: path)
      } catch {
        outcome.warnings.append(Diagnostic(path: path, line: nil, message: "step summary not written: \(error)"))
      }
    }
    return outcome
  }

  /// Why the step summary was not appended.
  struct SummaryError: Error, CustomStringConvertible {
    var description: String
  }

  /// Appends the summary within what is left of GitHub's limit; returns the bytes appended.
  private func appendSummary(_ report: Report, to path: String) throws -> Int {
    let used = ByteChunks.size(of: path) ?? 0
    let separator = used > 0 ? "\n" : ""
    let budget = GitHubSummary.limit - used - separator.utf8.count
    guard budget >= 256 else {
      throw SummaryError(description: "the file already holds \(used) bytes of GitHub's limit of \(GitHubSummary.limit)")
    }
    let text = separator + GitHubSummary(report: report).markdown(limit: budget)
    let fd = open(path, O_WRONLY | O_APPEND | O_CREAT, 0o644)
    guard fd >= 0 else { throw SummaryError(description: "cannot open it for appending (\(String(cString: strerror(errno))))") }
    defer { close(fd) }
    var bytes = Array(text.utf8)
    var written = 0
    while written < bytes.count {
      let n = bytes.withUnsafeMutableBytes { p in write(fd, p.baseAddress.map { $0 + written }, p.count - written) }
      if n < 0 {
        if errno == EINTR { continue }
        throw SummaryError(description: "cannot write to it (\(String(cString: strerror(errno))))")
      }
      written += n
    }
    bytes.removeAll()
    return written
  }
}
