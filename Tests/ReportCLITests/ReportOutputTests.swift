import Foundation
import Testing

/// `--format`, `--fail-on`, `--baseline`, `--templates`, `report compare` and `report init`'s
/// templates, through the binary.
@Suite struct ReportOutputTests {
  let now = "2026-01-01T00:00:00Z"

  @Test func formatPicksTheFilesWritten() throws {
    let out = Scratch()
    let r = try CLI.run(["build", "examples/logs", "--out", out.path, "--run-id", "f", "--now", now, "--format", "json,issue"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: out.path + "/f").sorted() == ["issue.md", "report.json"])
    #expect(r.stdout.contains("(report.json, issue.md)"))
    let bad = try CLI.run(["build", "examples/logs", "--format", "pdf"])
    #expect(bad.status == 64 && bad.stderr.contains("'pdf' is not md, html, json, issue, ctrf or codequality"))
  }

  @Test func failOnGatesCIByCategory() throws {
    let out = Scratch()
    let hit = try CLI.run(["build", "examples/logs", "--out", out.path, "--run-id", "g", "--now", now, "--fail-on", "auth,routing"])
    #expect(hit.status == 1)
    #expect(hit.stdout.contains("--fail-on: 2 auth, 2 routing failures"))
    #expect(FileManager.default.fileExists(atPath: out.path + "/g/report.md"), "the report is written before the gate")
    let any = try CLI.run(["build", "examples/logs", "--out", out.path, "--run-id", "g", "--now", now, "--fail-on", "any"])
    #expect(any.status == 1)
    let none = try CLI.run(["build", "examples/baseline", "--out", out.path, "--run-id", "g", "--now", now, "--fail-on", "logic"])
    #expect(none.status == 0, "the baseline has no logic failure")
    let bad = try CLI.run(["build", "examples/logs", "--fail-on", "network"])
    #expect(bad.status == 64)
  }

  @Test func compareWritesTheBeforeAfterTable() throws {
    let r = try CLI.run(["compare", "examples/baseline", "examples/logs"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("| Metric | Before | After | Change |"))
    #expect(r.stdout.contains("| pass rate | 7.7% | 30.8% | ▲ +23.1 pts ✅ |"))
    #expect(r.stdout.contains("- fixed (3): "))
    let missing = try CLI.run(["compare", "no/such/dir", "examples/logs"])
    #expect(missing.status == 66 && missing.stderr.contains("bad baseline: no/such/dir does not exist"))
  }

  @Test func aReportJSONServesAsBaseline() throws {
    let out = Scratch()
    #expect(
      try CLI.run(["build", "examples/baseline", "--out", out.path, "--run-id", "before", "--now", now, "--format", "json"]).status == 0)
    let r = try CLI.run([
      "build", "examples/logs", "--out", out.path, "--run-id", "after", "--now", now, "--baseline", out.path + "/before/report.json",
    ])
    #expect(r.status == 0, "\(r.stderr)")
    let json = try #require(try JSONSerialization.jsonObject(with: out.read("after/report.json")) as? [String: Any])
    let comparison = try #require(json["comparison"] as? [String: Any])
    let tests = try #require(comparison["tests"] as? [String: [String]])
    #expect(tests["fixed"]?.count == 3)
  }

  @Test func initCopiesTemplatesThatBuildThenUses() throws {
    let dir = Scratch()
    let r = try CLI.run(["init"], cwd: dir.path)
    #expect(r.status == 0)
    for name in ["report.md", "issue.md", "page.html"] { #expect(r.stdout.contains("wrote templates/\(name).mustache")) }
    // Edit one template; the build renders with it, the others stay the defaults.
    dir.file("templates/issue.md.mustache", "{{% CONTENT_TYPE: TEXT}}\nCustom issue for {{runID}}: {{failures}} failures.\n")
    let b = try CLI.run(
      ["build", CLI.root + "/examples/logs", "--out", dir.path + "/out", "--run-id", "t", "--now", now, "--templates", "templates"],
      cwd: dir.path)
    #expect(b.status == 0, "\(b.stderr)")
    #expect(String(decoding: try dir.read("out/t/issue.md"), as: UTF8.self) == "Custom issue for t: 9 failures.\n")
    #expect(String(decoding: try dir.read("out/t/report.md"), as: UTF8.self).contains("## Executive summary"))
    dir.file("templates/report.md.mustache", "{{#broken}}")
    let bad = try CLI.run(["build", CLI.root + "/examples/logs", "--out", dir.path + "/out", "--templates", "templates"], cwd: dir.path)
    #expect(bad.status == 78 && bad.stderr.contains("bad template: report.md.mustache"))
  }

  @Test func theBinaryWorksFromAnyDirectoryWithItsBuiltInTemplates() throws {
    let dir = Scratch()
    let r = try CLI.run(["build", CLI.root + "/examples/logs", "--out", dir.path, "--run-id", "x", "--now", now], cwd: "/")
    #expect(r.status == 0, "\(r.stderr)")
    #expect(String(decoding: try dir.read("x/report.md"), as: UTF8.self).contains("**Five whys**"))
  }
}
