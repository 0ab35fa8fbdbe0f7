import Foundation
import Testing

/// `--format ...,ctrf` through the binary: ctrf.json counts what report.json counts, and given
/// alone as input it gives the same totals; a broken CTRF file is a warning, the run still reported.
@Suite struct CTRFCommandTests {
  let now = "2026-01-01T00:00:00Z"

  func json(_ data: Data) throws -> [String: Any] { try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any]) }

  @Test func ctrfOutCountsWhatReportJSONCountsAndReadsBackToTheSameTotals() throws {
    let out = Scratch()
    let r = try CLI.run([
      "build", "examples/logs", "Tests/Fixtures/ctrf/rerun.ctrf.json", "--out", out.path, "--run-id", "a", "--now", now, "--format",
      "md,html,json,issue,ctrf",
    ])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("(report.md, report.html, report.json, issue.md, ctrf.json)"))
    let report = try json(out.read("a/report.json"))
    let ctrf = try json(out.read("a/ctrf.json"))
    let totals = try #require(report["totals"] as? [String: Any])
    let results = try #require(ctrf["results"] as? [String: Any])
    let summary = try #require(results["summary"] as? [String: Any]).compactMapValues { $0 as? Int }
    func n(_ k: String) -> Int { totals[k] as? Int ?? -1 }
    #expect(n("tests") == 21)
    #expect(summary["tests"] == n("tests") && (results["tests"] as? [Any])?.count == n("tests"))
    #expect(summary["passed"] == n("passed") + n("xpassed") + n("flaky"))
    #expect(summary["failed"] == n("failed") + n("errors"))
    #expect(summary["skipped"] == n("skipped") + n("xfailed"))
    #expect(summary["flaky"] == n("flaky") && summary["pending"] == 0 && summary["other"] == 0)

    let back = try CLI.run(["build", out.path + "/a/ctrf.json", "--out", out.path, "--run-id", "b", "--now", now, "--format", "json"])
    #expect(back.status == 0 && back.stderr.isEmpty, "\(back.stderr)")
    let again = try json(out.read("b/report.json"))
    #expect(again["totals"] as? NSDictionary == totals as NSDictionary)
    #expect(again["failures_by_category"] as? NSDictionary == report["failures_by_category"] as? NSDictionary)
    let inputs = try #require(again["inputs"] as? [[String: Any]])
    #expect(inputs.map { $0["format"] as? String } == ["ctrf-json"])
  }

  @Test func aBrokenCTRFFileIsAWarningAndTheRestIsReported() throws {
    let dir = Scratch()
    // Hand-written: a CTRF report cut off inside its second test, beside a real pytest log.
    dir.file(
      "logs/cut.ctrf.json",
      "{\"results\": {\"tool\": {\"name\": \"jest\"}, \"tests\": [\n{\"name\": \"a\", \"status\": \"failed\"},\n{\"name\": \"b\", \"sta")
    dir.file("logs/notes.json", "{\"owner\": \"qa\"}\n")
    try FileManager.default.copyItem(atPath: CLI.root + "/examples/logs/pytest-console.log", toPath: dir.path + "/logs/pytest.log")
    let r = try CLI.run(["build", dir.path + "/logs", "--out", dir.path + "/out", "--now", now])
    #expect(r.status == 0)
    #expect(
      r.stderr.contains(
        "logs/cut.ctrf.json:3: warning: malformed JSON: the file ends inside a string (begun on line 3); kept the 1 test before it"))
    #expect(r.stderr.contains("logs/notes.json:1: warning: JSON, but not a CTRF report (no \"results\" object); skipped"))
    #expect(r.stdout.contains("16 tests"), "the 15 tests of the pytest log and the one CTRF test before the damage")
  }
}
