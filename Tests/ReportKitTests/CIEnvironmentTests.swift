import Foundation
import Testing

@testable import ReportKit

/// CI metadata from each CI's documented variables, given as a dictionary (never this process's
/// environment); and where it shows: report.md's CI line and report.json's `ci` object.
@Suite struct CIEnvironmentTests {
  static let sha = "0123456789abcdef0123456789abcdef01234567"

  static let gitHubPullRequest = [
    "GITHUB_ACTIONS": "true", "GITHUB_SHA": sha, "GITHUB_REF": "refs/pull/7/merge", "GITHUB_REF_NAME": "7/merge",
    "GITHUB_HEAD_REF": "fix-login", "GITHUB_RUN_ID": "9876543210", "GITHUB_RUN_NUMBER": "42", "GITHUB_SERVER_URL": "https://github.com",
    "GITHUB_REPOSITORY": "acme/shop", "GITHUB_JOB": "e2e", "GITHUB_WORKSPACE": "/home/runner/work/shop/shop",
    "GITHUB_TOKEN": "ghs_secretsecretsecret", "ACTIONS_RUNTIME_TOKEN": "runtime-secret",
  ]

  @Test func gitHubActionsPullRequest() throws {
    let ci = try #require(CIEnvironment.read(Self.gitHubPullRequest))
    #expect(ci.provider == .githubActions)
    #expect(ci.commit == Self.sha && ci.shortCommit == "0123456")
    #expect(ci.branch == "fix-login", "the PR's branch, not 7/merge")
    #expect(ci.pullRequest == "7")
    #expect(ci.runID == "9876543210" && ci.runNumber == "42")
    #expect(ci.runURL == "https://github.com/acme/shop/actions/runs/9876543210")
    #expect(ci.url == ci.runURL && ci.jobURL == nil)
    #expect(ci.repository == "acme/shop" && ci.job == "e2e")
    #expect(ci.relativePath("/home/runner/work/shop/shop/tests/test_a.py") == "tests/test_a.py")
    #expect(ci.relativePath("tests/test_a.py") == "tests/test_a.py")
    #expect(!"\(ci)".contains("secret"), "tokens are never read")
  }

  @Test func gitHubActionsPushAndGHES() throws {
    let ci = try #require(
      CIEnvironment.read([
        "GITHUB_ACTIONS": "true", "GITHUB_SHA": Self.sha, "GITHUB_REF": "refs/heads/main", "GITHUB_REF_NAME": "main", "GITHUB_HEAD_REF": "",
        "GITHUB_RUN_ID": "1", "GITHUB_SERVER_URL": "https://ghe.example.com/", "GITHUB_REPOSITORY": "a/b",
      ]))
    #expect(ci.branch == "main" && ci.pullRequest == nil)
    #expect(ci.runURL == "https://ghe.example.com/a/b/actions/runs/1")
  }

  @Test func gitLabMergeRequestPipeline() throws {
    let ci = try #require(
      CIEnvironment.read([
        "GITLAB_CI": "true", "CI": "true", "CI_COMMIT_SHA": Self.sha, "CI_COMMIT_REF_NAME": "refs/merge-requests/12/head",
        "CI_MERGE_REQUEST_SOURCE_BRANCH_NAME": "fix-login", "CI_MERGE_REQUEST_IID": "12", "CI_PIPELINE_ID": "555", "CI_PIPELINE_IID": "31",
        "CI_PIPELINE_URL": "https://gitlab.com/acme/shop/-/pipelines/555", "CI_JOB_ID": "777", "CI_JOB_NAME": "e2e",
        "CI_JOB_URL": "https://gitlab.com/acme/shop/-/jobs/777", "CI_PROJECT_PATH": "acme/shop", "CI_PROJECT_DIR": "/builds/acme/shop",
        "CI_JOB_TOKEN": "glcbt-secret", "CI_REPOSITORY_URL": "https://gitlab-ci-token:glcbt-secret@gitlab.com/acme/shop.git",
      ]))
    #expect(ci.provider == .gitlab && ci.commit == Self.sha)
    #expect(ci.branch == "fix-login" && ci.pullRequest == "12")
    #expect(ci.runID == "555" && ci.runNumber == "31")
    #expect(ci.runURL == "https://gitlab.com/acme/shop/-/pipelines/555" && ci.jobURL == "https://gitlab.com/acme/shop/-/jobs/777")
    #expect(ci.repository == "acme/shop" && ci.job == "e2e" && ci.workspace == "/builds/acme/shop")
    #expect(!"\(ci)".contains("secret"))
  }

  @Test func jenkinsMasksAPasswordInTheGitURL() throws {
    let ci = try #require(
      CIEnvironment.read([
        "JENKINS_URL": "https://ci.example.com/", "BUILD_ID": "88", "BUILD_NUMBER": "88",
        "BUILD_URL": "https://ci.example.com/job/shop/88/",
        "JOB_NAME": "shop", "GIT_COMMIT": Self.sha, "GIT_BRANCH": "origin/main",
        "GIT_URL": "https://deploy:hunter2@git.example.com/shop.git",
        "WORKSPACE": "/var/jenkins/workspace/shop",
      ]))
    #expect(ci.provider == .jenkins && ci.branch == "main" && ci.runNumber == "88")
    #expect(ci.runURL == "https://ci.example.com/job/shop/88/" && ci.job == "shop")
    #expect(ci.repository?.contains("hunter2") == false && ci.repository?.contains("[REDACTED]") == true)
    // A multibranch pipeline's pull request: its source branch and number.
    let pr = try #require(CIEnvironment.read(["JENKINS_URL": "x", "BRANCH_NAME": "PR-3", "CHANGE_ID": "3", "CHANGE_BRANCH": "feature"]))
    #expect(pr.branch == "feature" && pr.pullRequest == "3")
  }

  @Test func buildkite() throws {
    let ci = try #require(
      CIEnvironment.read([
        "BUILDKITE": "true", "BUILDKITE_COMMIT": Self.sha, "BUILDKITE_BRANCH": "main", "BUILDKITE_BUILD_ID": "0190-uuid",
        "BUILDKITE_BUILD_NUMBER": "1514", "BUILDKITE_BUILD_URL": "https://buildkite.com/acme/shop/builds/1514", "BUILDKITE_JOB_ID": "j-1",
        "BUILDKITE_ORGANIZATION_SLUG": "acme", "BUILDKITE_PIPELINE_SLUG": "shop", "BUILDKITE_PULL_REQUEST": "false",
        "BUILDKITE_AGENT_ACCESS_TOKEN": "agent-secret",
      ]))
    #expect(ci.provider == .buildkite && ci.runNumber == "1514" && ci.pullRequest == nil)
    #expect(ci.jobURL == "https://buildkite.com/acme/shop/builds/1514#j-1")
    #expect(ci.repository == "acme/shop")
    #expect(!"\(ci)".contains("secret"))
    #expect(CIEnvironment.read(["BUILDKITE": "true", "BUILDKITE_PULL_REQUEST": "19"])?.pullRequest == "19")
  }

  @Test func circleCI() throws {
    let ci = try #require(
      CIEnvironment.read([
        "CIRCLECI": "true", "CIRCLE_SHA1": Self.sha, "CIRCLE_BRANCH": "fix", "CIRCLE_BUILD_NUM": "204",
        "CIRCLE_BUILD_URL": "https://circleci.com/gh/acme/shop/204", "CIRCLE_WORKFLOW_ID": "wf-1", "CIRCLE_JOB": "test",
        "CIRCLE_PROJECT_USERNAME": "acme", "CIRCLE_PROJECT_REPONAME": "shop", "CIRCLE_PULL_REQUEST": "https://github.com/acme/shop/pull/9",
        "CIRCLE_WORKING_DIRECTORY": "~/project", "HOME": "/home/circleci",
      ]))
    #expect(ci.provider == .circleci && ci.runNumber == "204" && ci.runID == "wf-1")
    #expect(ci.url == "https://circleci.com/gh/acme/shop/204")
    #expect(ci.pullRequest == "9" && ci.repository == "acme/shop")
    #expect(ci.relativePath("/home/circleci/project/tests/a.py") == "tests/a.py")
  }

  @Test func outsideCIThereIsNone() {
    #expect(CIEnvironment.read([:]) == nil)
    #expect(CIEnvironment.read(["CI": "true", "GITHUB_ACTIONS": "false", "GITLAB_CI": ""]) == nil)
    #expect(CIEnvironment.read(["GITHUB_ACTIONS": "true"]) == CIMetadata(provider: .githubActions))
  }

  // MARK: - Where it shows

  func report(ci: CIMetadata?) throws -> Report {
    let run = try ReportBuilder().read([Fixtures.root + "/../../examples/logs"])
    let findings = Triage().findings(of: run)
    return Report(
      run: run, findings: findings, analysis: Analysis(run: run, findings: findings, config: ReportConfig()),
      meta: RunMeta(runID: "r", generatedAt: "2026-01-01T00:00:00Z", ci: ci))
  }

  func markdown(_ r: Report) -> String {
    TemplateSet.builtIn.render("report.md", ReportViewBuilder(report: r).view())
  }

  @Test func reportMDNamesTheRunCommitAndBranch() throws {
    let gh = try #require(CIEnvironment.read(Self.gitHubPullRequest))
    let md = markdown(try report(ci: gh))
    #expect(
      md.contains(
        "**CI**: GitHub Actions run [#42](https://github.com/acme/shop/actions/runs/9876543210) · commit `0123456` on `fix-login` · PR #7\n"
      ))
    var gitlab = CIMetadata(provider: .gitlab, commit: Self.sha, branch: "main", runNumber: "31")
    gitlab.runURL = "https://gitlab.com/a/b/-/pipelines/5"
    gitlab.jobURL = "https://gitlab.com/a/b/-/jobs/7 (x)"
    gitlab.job = "e2e tests"
    gitlab.pullRequest = "12"
    #expect(
      markdown(try report(ci: gitlab)).contains(
        "**CI**: GitLab CI pipeline [#31](https://gitlab.com/a/b/-/pipelines/5) · [e2e tests](https://gitlab.com/a/b/-/jobs/7%20%28x%29) · commit `0123456` on `main` · MR !12\n"
      ))
    #expect(markdown(try report(ci: CIMetadata(provider: .jenkins))).contains("**CI**: Jenkins build\n"))
    #expect(!markdown(try report(ci: nil)).contains("**CI**"))
  }
}
