/// Where a run ran: the CI service, the commit and branch it tested, and links back to the run.
///
/// Read from the CI's standard environment variables (`CIEnvironment`); every field but the
/// provider is optional, because each CI names a different subset. No token is ever read.
public struct CIMetadata: Sendable, Equatable {
  /// The CI services whose variables `report` reads.
  public enum Provider: String, Sendable, CaseIterable {
    case githubActions = "github-actions"
    case gitlab = "gitlab-ci"
    case jenkins
    case buildkite
    case circleci

    /// The service's own name, for people: `GitHub Actions`.
    public var displayName: String {
      switch self {
      case .githubActions: "GitHub Actions"
      case .gitlab: "GitLab CI"
      case .jenkins: "Jenkins"
      case .buildkite: "Buildkite"
      case .circleci: "CircleCI"
      }
    }
  }

  public var provider: Provider
  /// The full commit SHA the run tested.
  public var commit: String?
  /// The branch (or tag) name; for a pull or merge request, its source branch.
  public var branch: String?
  /// The run's id: GitHub's run id, GitLab's pipeline id, Jenkins' and Buildkite's build id,
  /// CircleCI's workflow id.
  public var runID: String?
  /// The run's number as the CI shows it (`#42`): GitHub's run number, GitLab's pipeline iid,
  /// the build number of Jenkins, Buildkite and CircleCI.
  public var runNumber: String?
  /// This job's page (GitLab, Buildkite, CircleCI).
  public var jobURL: String?
  /// The whole run's page (GitHub's workflow run, GitLab's pipeline, Jenkins' and Buildkite's build).
  public var runURL: String?
  /// `owner/name` (or GitLab's `group/project`, Jenkins' job name).
  public var repository: String?
  /// The pull or merge request number, when the run is for one.
  public var pullRequest: String?
  /// The job's name (GitHub's job id, GitLab's, Jenkins' and CircleCI's job name, Buildkite's label).
  public var job: String?
  /// The folder the sources are checked out in, to make file paths relative to the repository.
  public var workspace: String?

  public init(
    provider: Provider, commit: String? = nil, branch: String? = nil, runID: String? = nil, runNumber: String? = nil,
    jobURL: String? = nil, runURL: String? = nil, repository: String? = nil, pullRequest: String? = nil, job: String? = nil,
    workspace: String? = nil
  ) {
    self.provider = provider
    self.commit = commit
    self.branch = branch
    self.runID = runID
    self.runNumber = runNumber
    self.jobURL = jobURL
    self.runURL = runURL
    self.repository = repository
    self.pullRequest = pullRequest
    self.job = job
    self.workspace = workspace
  }

  /// The link back to the run: the run's page, else the job's.
  public var url: String? { runURL ?? jobURL }

  /// The commit's first 7 characters, as people quote a SHA.
  public var shortCommit: String? { commit.map { String($0.prefix(7)) } }

  /// `path` relative to the checkout folder when it lies inside it (annotations and code-quality
  /// entries must name files from the repository root); otherwise unchanged.
  public func relativePath(_ path: String) -> String {
    guard let workspace, !workspace.isEmpty else { return path }
    let base = workspace.hasSuffix("/") ? workspace : workspace + "/"
    return path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path
  }
}
