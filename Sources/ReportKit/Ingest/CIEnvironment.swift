/// Reads where a run ran from the CI's standard environment variables: GitHub Actions, GitLab
/// CI, Jenkins, Buildkite and CircleCI, each by its documented variables.
///
/// The environment is passed in (the CLI gives `ProcessInfo`'s), so nothing here depends on the
/// machine it runs on. Tokens (`GITHUB_TOKEN`, `CI_JOB_TOKEN`, ...) are never read, nor are
/// variables that embed them (GitLab's `CI_REPOSITORY_URL`); every value passes the `Redactor`,
/// so a `user:password@` in a Jenkins `GIT_URL` is masked as it is read.
enum CIEnvironment {
  /// The metadata of the CI that `env` describes, or nil outside CI.
  static func read(_ env: [String: String]) -> CIMetadata? {
    let v = Values(env: env)
    if v["GITHUB_ACTIONS"] == "true" { return gitHub(v) }
    if v["GITLAB_CI"] == "true" { return gitLab(v) }
    if v["BUILDKITE"] == "true" { return buildkite(v) }
    if v["CIRCLECI"] == "true" { return circleCI(v) }
    if v["JENKINS_URL"] != nil { return jenkins(v) }
    return nil
  }

  /// The variables, trimmed and redacted; empty ones read as absent.
  private struct Values {
    let env: [String: String]

    subscript(_ name: String) -> String? {
      guard let raw = env[name] else { return nil }
      let value = raw.trimmingWhitespace()
      return value.isEmpty ? nil : Redactor.redact(value)
    }
  }

  /// GitHub Actions: https://docs.github.com/actions/learn-github-actions/variables
  private static func gitHub(_ v: Values) -> CIMetadata {
    var ci = CIMetadata(provider: .githubActions)
    ci.commit = v["GITHUB_SHA"]
    // On a pull request GITHUB_REF_NAME is `123/merge`; GITHUB_HEAD_REF is the branch.
    ci.branch = v["GITHUB_HEAD_REF"] ?? v["GITHUB_REF_NAME"]
    ci.runID = v["GITHUB_RUN_ID"]
    ci.runNumber = v["GITHUB_RUN_NUMBER"]
    ci.repository = v["GITHUB_REPOSITORY"]
    if let server = v["GITHUB_SERVER_URL"], let repo = ci.repository, let id = ci.runID {
      ci.runURL = server.trimmingSuffix("/") + "/" + repo + "/actions/runs/" + id
    }
    // refs/pull/123/merge
    if let ref = v["GITHUB_REF"], ref.hasPrefix("refs/pull/") {
      let number = ref.dropFirst("refs/pull/".count).prefix { $0 != "/" }
      if !number.isEmpty, number.allSatisfy(\.isNumber) { ci.pullRequest = String(number) }
    }
    ci.job = v["GITHUB_JOB"]
    ci.workspace = v["GITHUB_WORKSPACE"]
    return ci
  }

  /// GitLab CI: https://docs.gitlab.com/ci/variables/predefined_variables/
  private static func gitLab(_ v: Values) -> CIMetadata {
    CIMetadata(
      provider: .gitlab, commit: v["CI_COMMIT_SHA"], branch: v["CI_MERGE_REQUEST_SOURCE_BRANCH_NAME"] ?? v["CI_COMMIT_REF_NAME"],
      runID: v["CI_PIPELINE_ID"], runNumber: v["CI_PIPELINE_IID"], jobURL: v["CI_JOB_URL"], runURL: v["CI_PIPELINE_URL"],
      repository: v["CI_PROJECT_PATH"], pullRequest: v["CI_MERGE_REQUEST_IID"], job: v["CI_JOB_NAME"], workspace: v["CI_PROJECT_DIR"])
  }

  /// Jenkins (core and the Git and multibranch plugins): https://www.jenkins.io/doc/book/pipeline/jenkinsfile/#using-environment-variables
  private static func jenkins(_ v: Values) -> CIMetadata {
    var branch = v["CHANGE_BRANCH"] ?? v["BRANCH_NAME"] ?? v["GIT_BRANCH"]
    if let b = branch, b.hasPrefix("origin/") { branch = String(b.dropFirst("origin/".count)) }
    return CIMetadata(
      provider: .jenkins, commit: v["GIT_COMMIT"], branch: branch, runID: v["BUILD_ID"], runNumber: v["BUILD_NUMBER"],
      runURL: v["BUILD_URL"], repository: v["GIT_URL"], pullRequest: v["CHANGE_ID"], job: v["JOB_NAME"], workspace: v["WORKSPACE"])
  }

  /// Buildkite: https://buildkite.com/docs/pipelines/configure/environment-variables
  private static func buildkite(_ v: Values) -> CIMetadata {
    var ci = CIMetadata(
      provider: .buildkite, commit: v["BUILDKITE_COMMIT"], branch: v["BUILDKITE_BRANCH"], runID: v["BUILDKITE_BUILD_ID"],
      runNumber: v["BUILDKITE_BUILD_NUMBER"], runURL: v["BUILDKITE_BUILD_URL"], job: v["BUILDKITE_LABEL"],
      workspace: v["BUILDKITE_BUILD_CHECKOUT_PATH"])
    if let org = v["BUILDKITE_ORGANIZATION_SLUG"], let pipeline = v["BUILDKITE_PIPELINE_SLUG"] { ci.repository = org + "/" + pipeline }
    if let build = ci.runURL, let job = v["BUILDKITE_JOB_ID"] { ci.jobURL = build + "#" + job }
    // "false" when the build is not for a pull request.
    if let pr = v["BUILDKITE_PULL_REQUEST"], pr != "false" { ci.pullRequest = pr }
    return ci
  }

  /// CircleCI: https://circleci.com/docs/variables/#built-in-environment-variables
  private static func circleCI(_ v: Values) -> CIMetadata {
    var ci = CIMetadata(
      provider: .circleci, commit: v["CIRCLE_SHA1"], branch: v["CIRCLE_BRANCH"] ?? v["CIRCLE_TAG"], runID: v["CIRCLE_WORKFLOW_ID"],
      runNumber: v["CIRCLE_BUILD_NUM"], jobURL: v["CIRCLE_BUILD_URL"], job: v["CIRCLE_JOB"])
    if let user = v["CIRCLE_PROJECT_USERNAME"], let repo = v["CIRCLE_PROJECT_REPONAME"] { ci.repository = user + "/" + repo }
    // CIRCLE_PR_NUMBER is set for forked pull requests only; CIRCLE_PULL_REQUEST is the PR's URL.
    ci.pullRequest = v["CIRCLE_PR_NUMBER"] ?? v["CIRCLE_PULL_REQUEST"].flatMap { $0.split(separator: "/").last.map(String.init) }
    // The default working directory is `~/project`.
    if let dir = v["CIRCLE_WORKING_DIRECTORY"] {
      ci.workspace = dir.hasPrefix("~/") ? v["HOME"].map { $0.trimmingSuffix("/") + dir.dropFirst() } ?? dir : dir
    }
    return ci
  }
}

extension String {
  /// The string without white space at either end.
  fileprivate func trimmingWhitespace() -> String {
    let u = utf8
    guard let first = u.firstIndex(where: { !Self.isSpace($0) }), let last = u.lastIndex(where: { !Self.isSpace($0) }) else { return "" }
    return String(self[first...last])
  }

  private static func isSpace(_ b: UInt8) -> Bool { b == 32 || b == 9 || b == 10 || b == 13 }

  /// The string without one trailing `suffix`.
  fileprivate func trimmingSuffix(_ suffix: String) -> String { hasSuffix(suffix) ? String(dropLast(suffix.count)) : self }
}
