import Foundation
import Testing

/// `report build` inside each CI, through the binary with the CI's variables set (never the
/// test runner's own): GitHub's step summary and annotations, GitLab's code-quality file, and the
/// run's metadata in report.md and report.json.
@Suite struct CIIntegrationTests {
  let now = "2026-01-01T00:00:00Z"

  func json(_ data: Data) throws -> [String: Any] { try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any]) }

  @Test func gitHubActionsGetsASummaryAnnotationsAndTheRunInTheReport() throws {
    let out = Scratch()
    let summary = out.file("step-summary.md", "")
    let r = try CLI.run(
      ["build", "examples/logs", "--out", out.path, "--run-id", "gh", "--now", now],
      environment: [
        "GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": summary, "GITHUB_SHA": "4f2c9e1d0b7a6c5e4f3a2b1c0d9e8f7a6b5c4d3e",
        "GITHUB_REF": "refs/heads/main", "GITHUB_REF_NAME": "main", "GITHUB_RUN_ID": "7123456789", "GITHUB_RUN_NUMBER": "118",
        "GITHUB_SERVER_URL": "https://github.com", "GITHUB_REPOSITORY": "acme/shop", "GITHUB_TOKEN": "ghs_notarealtokenbutsecret",
      ])
    #expect(r.status == 0, "\(r.stderr)")
    let errors = r.stdout.split(separator: "\n").filter { $0.hasPrefix("::error file=") }
    #expect((1...10).contains(errors.count))
    #expect(errors.allSatisfy { $0.contains(",line=") && $0.contains(",title=") })
    #expect(r.stdout.contains("::warning "))
    let size = try #require(try FileManager.default.attributesOfItem(atPath: summary)[.size] as? Int)
    #expect(size > 500 && size <= 1 << 20)
    let text = String(decoding: try out.read("step-summary.md"), as: UTF8.self)
    #expect(text.contains("[GitHub Actions run #118](https://github.com/acme/shop/actions/runs/7123456789)"))
    let md = String(decoding: try out.read("gh/report.md"), as: UTF8.self)
    #expect(
      md.contains("**CI**: GitHub Actions run [#118](https://github.com/acme/shop/actions/runs/7123456789) · commit `4f2c9e1` on `main`"))
    let ci = try #require(try json(out.read("gh/report.json"))["ci"] as? [String: Any])
    #expect(ci["commit"] as? String == "4f2c9e1d0b7a6c5e4f3a2b1c0d9e8f7a6b5c4d3e")
    #expect(ci["run_url"] as? String == "https://github.com/acme/shop/actions/runs/7123456789")
    for file in ["gh/report.md", "gh/report.json", "gh/report.html", "step-summary.md"] {
      #expect(!String(decoding: try out.read(file), as: UTF8.self).contains("notarealtoken"), "\(file) holds no token")
    }
  }

  @Test func gitLabCIGetsTheCodeQualityFileByDefaultAndThePipelineInTheReport() throws {
    let out = Scratch()
    let r = try CLI.run(
      ["build", "examples/logs", "--out", out.path, "--run-id", "gl", "--now", now],
      environment: [
        "GITLAB_CI": "true", "CI_COMMIT_SHA": "4f2c9e1d0b7a6c5e4f3a2b1c0d9e8f7a6b5c4d3e", "CI_COMMIT_REF_NAME": "main",
        "CI_PIPELINE_ID": "555", "CI_PIPELINE_IID": "31", "CI_PIPELINE_URL": "https://gitlab.com/acme/shop/-/pipelines/555",
        "CI_JOB_NAME": "e2e", "CI_JOB_URL": "https://gitlab.com/acme/shop/-/jobs/777", "CI_PROJECT_PATH": "acme/shop",
        "CI_PROJECT_DIR": CLI.root, "GITHUB_STEP_SUMMARY": out.path + "/not-github.md",
      ])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("(report.md, report.html, report.json, issue.md, gl-code-quality-report.json)"))
    #expect(!r.stdout.contains("::error"), "GitHub's commands only in GitHub Actions")
    #expect(!FileManager.default.fileExists(atPath: out.path + "/not-github.md"))
    let entries = try #require(try JSONSerialization.jsonObject(with: out.read("gl/gl-code-quality-report.json")) as? [[String: Any]])
    #expect(entries.count == 9, "every failure of the example has a file and line")
    for e in entries {
      let location = try #require(e["location"] as? [String: Any])
      #expect((location["path"] as? String)?.hasPrefix("/") == false)
      #expect(((location["lines"] as? [String: Any])?["begin"] as? Int ?? 0) > 0)
      #expect((e["fingerprint"] as? String)?.count == 16 && e["description"] is String && e["severity"] is String)
    }
    let md = String(decoding: try out.read("gl/report.md"), as: UTF8.self)
    #expect(
      md.contains(
        "**CI**: GitLab CI pipeline [#31](https://gitlab.com/acme/shop/-/pipelines/555) · [e2e](https://gitlab.com/acme/shop/-/jobs/777) · commit `4f2c9e1` on `main`"
      ))
    let ci = try #require(try json(out.read("gl/report.json"))["ci"] as? [String: Any])
    #expect(ci["job_url"] as? String == "https://gitlab.com/acme/shop/-/jobs/777" && ci["run_number"] as? String == "31")
  }

  @Test(arguments: [
    (
      [
        "JENKINS_URL": "https://ci.example.com/", "BUILD_NUMBER": "88", "BUILD_URL": "https://ci.example.com/job/shop/88/",
        "GIT_COMMIT": "abcdef1234567",
      ], "jenkins", "https://ci.example.com/job/shop/88/"
    ),
    (
      [
        "BUILDKITE": "true", "BUILDKITE_BUILD_NUMBER": "1514", "BUILDKITE_BUILD_URL": "https://buildkite.com/acme/shop/builds/1514",
        "BUILDKITE_COMMIT": "abcdef1234567",
      ], "buildkite", "https://buildkite.com/acme/shop/builds/1514"
    ),
    (
      [
        "CIRCLECI": "true", "CIRCLE_BUILD_NUM": "204", "CIRCLE_BUILD_URL": "https://circleci.com/gh/acme/shop/204",
        "CIRCLE_SHA1": "abcdef1234567",
      ], "circleci", "https://circleci.com/gh/acme/shop/204"
    ),
  ])
  func otherCIsGiveTheirRunToTheReport(environment: [String: String], provider: String, url: String) throws {
    let out = Scratch()
    let r = try CLI.run(
      ["build", "examples/logs", "--out", out.path, "--run-id", "x", "--now", now, "--format", "md,json"], environment: environment)
    #expect(r.status == 0, "\(r.stderr)")
    let ci = try #require(try json(out.read("x/report.json"))["ci"] as? [String: Any])
    #expect(ci["provider"] as? String == provider && ci["commit"] as? String == "abcdef1234567")
    let md = String(decoding: try out.read("x/report.md"), as: UTF8.self)
    #expect(md.contains("](\(url)) · commit `abcdef1`"))
  }
}
