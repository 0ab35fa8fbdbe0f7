import Foundation
import Testing

@testable import ReportKit

/// GitHub Actions: annotations (at most 10 errors, most severe first, escaped as GitHub's toolkit
/// escapes them), the step summary (within 1 MiB, appended, never truncating), all driven by the
/// environment given.
@Suite struct GitHubActionsTests {
  static let ci = CIMetadata(
    provider: .githubActions, commit: "0123456789abcdef", branch: "main", runID: "99", runNumber: "42",
    runURL: "https://github.com/acme/shop/actions/runs/99", repository: "acme/shop", workspace: "/home/runner/work/shop/shop")

  static let environment = [
    "GITHUB_ACTIONS": "true", "GITHUB_SHA": "0123456789abcdef", "GITHUB_REF_NAME": "main", "GITHUB_RUN_ID": "99",
    "GITHUB_RUN_NUMBER": "42", "GITHUB_SERVER_URL": "https://github.com", "GITHUB_REPOSITORY": "acme/shop",
  ]

  func report(_ run: Run, ci: CIMetadata? = GitHubActionsTests.ci) -> Report {
    let findings = Triage().findings(of: run)
    return Report(
      run: run, findings: findings, analysis: Analysis(run: run, findings: findings, config: ReportConfig()),
      meta: RunMeta(runID: "r", generatedAt: "2026-01-01T00:00:00Z", ci: ci))
  }

  func examples() throws -> Report { report(try ReportBuilder().read([Fixtures.root + "/../../examples/logs"])) }

  /// `n` located failures: connection refused (infrastructure) and plain assertions (logic).
  func manyFailures(_ n: Int) -> Run {
    let tests = (0..<n).map { k in
      var t = TestResult(idPrefix: "tests/test_a.py::", name: "test_\(k)", suite: "tests/test_a.py", status: .failed, phase: .call)
      let d = t.detailsForWriting()
      d.file = "/home/runner/work/shop/shop/tests/test_a.py"
      d.line = 10 + k
      d.message = k % 3 == 0 ? "ConnectionRefusedError: [Errno 111] Connection refused" : "AssertionError: assert \(k) == 0"
      d.evidence = [Evidence(path: "log", line: k + 1, text: d.message ?? "")]
      return t
    }
    return Run(inputs: [InputSummary(path: "log", format: .pytest, tests: n)], tests: tests, requests: [])
  }

  @Test func workflowCommandsAreEscapedAsGitHubsToolkitDoes() {
    #expect(Annotations.data("100% sure\r\nnext: a, b") == "100%25 sure%0D%0Anext: a, b")
    #expect(Annotations.property("auth: t[a,b]\n") == "auth%3A t[a%2Cb]%0A")
  }

  @Test func atMostTenErrorsMostSevereFirstEachWithItsLocation() throws {
    let r = report(manyFailures(12))
    let lines = Annotations(report: r).errors()
    let errors = lines.filter { $0.hasPrefix("::error ") }
    #expect(errors.count == 10)
    #expect(
      lines.last
        == "::notice title=report::2 more located failures are not annotated (GitHub shows 10); see the step summary and report.html")
    // The four connection failures (infrastructure, more severe) come before the assertions.
    #expect(errors.prefix(4).allSatisfy { $0.contains("title=infrastructure%3A ") })
    #expect(errors.dropFirst(4).allSatisfy { $0.contains("title=logic%3A ") })
    #expect(errors[0].hasPrefix("::error file=tests/test_a.py,line=10,title=infrastructure%3A test_0::ConnectionRefusedError"))
    #expect(errors[0].contains("%0Atests/test_a.py::test_0 failed: infrastructure (rule "))
    #expect(!errors.contains { $0.contains("/home/runner") }, "paths relative to the checkout")
  }

  @Test func theExampleRunGetsErrorsAndFalseGreenWarnings() throws {
    let lines = Annotations(report: try examples()).lines()
    let errors = lines.filter { $0.hasPrefix("::error file=") }
    #expect((1...10).contains(errors.count))
    #expect(errors.count == 9, "every failure of the example has a file and line")
    let severities = try errors.map { line in
      try #require(["infrastructure", "auth", "routing", "logic"].firstIndex { line.contains("title=\($0)%3A") })
    }
    #expect(severities.first == 0 && severities.last == 3)
    let warnings = lines.filter { $0.hasPrefix("::warning ") }
    #expect(warnings.count == 2)
    #expect(warnings.contains { $0.hasPrefix("::warning title=false green%3A mock_fallback::") })
    #expect(
      warnings.contains { $0.hasPrefix("::warning file=test_staging_api.py,line=71,title=false green%3A skipped_environment_down::") })
    #expect(lines.allSatisfy { !$0.dropFirst(2).contains("\n") }, "one command per line")
  }

  @Test func theSummaryHasVerdictCountsClustersActionsAndTheRunLink() throws {
    let text = GitHubSummary(report: try examples()).markdown()
    #expect(text.hasPrefix("## ❌ Tests: 9 of 15 failed or errored (pass rate 30.8%)\n"))
    #expect(text.contains("| 15 | 4 | 8 | 1 | 1 | 1 | 0 | 30.8% |"))
    #expect(
      text.contains("### Clusters")
        && text.contains(
          "| 🟠 high | `AssertionError`: got 401: JWT expired at 2025-09-08T21:04:27Z (1 test) <sub>`d59a55a14a32`</sub> | auth | 1 |")
    )
    #expect(text.contains("### Top actions\n\n1. **P1** "))
    #expect(text.contains("### Looks greener than it is"))
    #expect(text.contains("[GitHub Actions run #42](https://github.com/acme/shop/actions/runs/99) · commit `0123456` on `main`"))
    #expect(text.utf8.count < 16_384, "compact")
  }

  @Test func theSummaryStepsDownToFitWhatIsLeftOfTheLimit() throws {
    let r = report(manyFailures(40))
    let full = GitHubSummary(report: r).markdown()
    #expect(full.contains("### Clusters"))
    let small = GitHubSummary(report: r).markdown(limit: 900)
    #expect(small.utf8.count <= 900)
    #expect(small.hasPrefix("## ❌ Tests: 40 of 40 failed or errored"))
    #expect(!small.contains("### Clusters") && small.contains("[GitHub Actions run #42]"))
    let tiny = GitHubSummary(report: r).markdown(limit: 100)
    #expect(tiny.utf8.count <= 100 && tiny.hasPrefix("## ❌"))
  }

  @Test func greenAndEmptyVerdicts() {
    let ok = Run(
      inputs: [InputSummary(path: "log", format: .pytest, tests: 1)],
      tests: [TestResult(idPrefix: "a.py::", name: "t", suite: "a.py", status: .passed)], requests: [])
    #expect(GitHubSummary(report: report(ok)).markdown().hasPrefix("## ✅ Tests: no failures, 1 passed (pass rate 100%)\n"))
    let none = Run(inputs: [InputSummary(path: "log", format: .pytest)], tests: [], requests: [])
    #expect(GitHubSummary(report: report(none)).markdown().hasPrefix("## ⚠️ Tests: nothing ran"))
  }

  @Test func thePublisherAppendsTheSummaryAndReturnsTheAnnotations() throws {
    let dir = TempDir()
    let path = dir.file("summary.md", "# Build\n\nearlier step's summary\n")
    let r = try examples()
    let outcome = CIPublisher(environment: Self.environment.merging(["GITHUB_STEP_SUMMARY": path]) { $1 }).publish(r)
    #expect(outcome.warnings.isEmpty)
    let text = try String(contentsOfFile: path, encoding: .utf8)
    #expect(text.hasPrefix("# Build\n\nearlier step's summary\n\n## ❌ Tests: 9 of 15"), "appended, never truncated")
    #expect(outcome.summaryBytes == text.utf8.count - 32)
    #expect(outcome.lines.filter { $0.hasPrefix("::error ") }.count == 9)
    // A second step appends again.
    _ = CIPublisher(environment: Self.environment.merging(["GITHUB_STEP_SUMMARY": path]) { $1 }).publish(r)
    #expect(try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "## ❌ Tests").count == 3)
  }

  @Test func thePublisherStaysWithinGitHubsLimitAndOutsideGitHubDoesNothing() throws {
    let dir = TempDir()
    let r = try examples()
    // Earlier steps left 1 MiB - 100 bytes: nothing fits; a warning, the file as it was.
    let full = dir.file("full.md", String(repeating: "x", count: GitHubSummary.limit - 100))
    let o = CIPublisher(environment: Self.environment.merging(["GITHUB_STEP_SUMMARY": full]) { $1 }).publish(r)
    #expect(o.summaryBytes == nil && ByteChunks.size(of: full) == GitHubSummary.limit - 100)
    #expect(o.warnings.first?.message.contains("already holds 1048476 bytes of GitHub's limit of 1048576") == true)
    #expect(!o.lines.isEmpty, "the annotations do not depend on the summary")
    // Room for only part of it: what is appended fits.
    let most = dir.file("most.md", String(repeating: "y", count: GitHubSummary.limit - 1500))
    let p = CIPublisher(environment: Self.environment.merging(["GITHUB_STEP_SUMMARY": most]) { $1 }).publish(r)
    #expect(p.warnings.isEmpty && (p.summaryBytes ?? 0) > 0)
    #expect((ByteChunks.size(of: most) ?? .max) <= GitHubSummary.limit)
    // A summary path that cannot be written: a warning naming it.
    let bad = CIPublisher(environment: Self.environment.merging(["GITHUB_STEP_SUMMARY": dir.path]) { $1 }).publish(r)
    #expect(bad.warnings.first?.path == dir.path && bad.summaryBytes == nil)
    // Outside GitHub Actions: nothing at all.
    let gitlab = CIPublisher(environment: ["GITLAB_CI": "true", "GITHUB_STEP_SUMMARY": dir.path + "/s.md"]).publish(r)
    #expect(gitlab.lines.isEmpty && gitlab.summaryBytes == nil && !FileManager.default.fileExists(atPath: dir.path + "/s.md"))
  }
}
