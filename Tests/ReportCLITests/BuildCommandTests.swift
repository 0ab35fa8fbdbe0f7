import Foundation
import Testing

@Suite struct BuildCommandTests {
  let now = "2026-01-01T00:00:00Z"

  @Test func buildsTheExampleAndSaysWhereTheReportWent() throws {
    let out = Scratch()
    let r = try CLI.run(["build", "examples/logs", "--out", out.path, "--run-id", "x", "--now", now])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("15 tests: 4 passed, 8 failed, 1 error, 1 skipped (pass rate 30.8%)"))
    #expect(r.stdout.contains("12 HTTP requests, 9 failed"))
    #expect(r.stdout.contains("report written to \(out.path)/x/"))
    #expect(r.stderr.isEmpty)
    for name in ["report.json", "report.md", "report.html"] { #expect(try out.read("x/" + name).count > 1000) }
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: out.path + "/latest") == "x")
    let json = try #require(try JSONSerialization.jsonObject(with: out.read("x/report.json")) as? [String: Any])
    let totals = try #require(json["totals"] as? [String: Any])
    #expect(totals["tests"] as? Int == 15)
    #expect(totals["failed"] as? Int == 8)
    #expect((json["requests"] as? [Any])?.count == 12)
  }

  @Test func sameInputsAndNowGiveTheSameBytes() throws {
    let a = Scratch(), b = Scratch()
    for dir in [a, b] {
      #expect(try CLI.run(["build", "examples/logs", "Tests/Fixtures", "--out", dir.path, "--run-id", "same", "--now", now]).status == 0)
    }
    for name in ["report.json", "report.md", "report.html"] { #expect(try a.read("same/" + name) == b.read("same/" + name)) }
  }

  @Test func rebuildingReplacesTheRunFolderWithoutLeftovers() throws {
    let out = Scratch()
    #expect(try CLI.run(["build", "examples/logs/junit.xml", "--out", out.path, "--run-id", "r", "--now", now]).status == 0)
    #expect(try CLI.run(["build", "examples/logs/curl-timings.jsonl", "--out", out.path, "--run-id", "r", "--now", now]).status == 0)
    let json = try #require(try JSONSerialization.jsonObject(with: out.read("r/report.json")) as? [String: Any])
    #expect((json["tests"] as? [Any])?.count == 0)
    #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == ["history.sqlite", "latest", "r"])
  }

  @Test func usageErrorsExit64() throws {
    #expect(try CLI.run(["build"]).status == 64)
    #expect(try CLI.run(["build", "examples/logs", "--now", "yesterday"]).status == 64)
    #expect(try CLI.run(["build", "examples/logs", "--run-id", "../escape"]).status == 64)
    #expect(try CLI.run(["frobnicate"]).status == 64)
  }

  @Test func noReadableInputExits66AndSaysWhy() throws {
    let empty = Scratch()
    let missing = try CLI.run(["build", empty.path + "/nope"])
    #expect(missing.status == 66)
    #expect(missing.stderr.contains("\(empty.path)/nope: warning: no such file or folder"))
    empty.file("notes.txt", "just some notes\n")
    let prose = try CLI.run(["build", empty.path, "--out", empty.path + "/out"])
    #expect(prose.status == 66)
    #expect(prose.stderr.contains("notes.txt: warning: not a recognized test artifact"))
    #expect(!FileManager.default.fileExists(atPath: empty.path + "/out"))
  }

  @Test func damagedInputIsAWarningWithFileAndLineAndTheRestIsKept() throws {
    let dir = Scratch()
    // Hand-written: a Surefire report cut off inside its third testcase.
    let xml = dir.file(
      "logs/TEST-cut.xml",
      "<testsuite name=\"s\">\n<testcase name=\"a\"/>\n<testcase name=\"b\"/>\n<testcase name=\"c\"><failure><![CDATA[java.lang.")
    dir.file("logs/README.md", "# notes\n")
    let r = try CLI.run(["build", dir.path + "/logs", "--out", dir.path + "/out", "--now", now])
    #expect(r.status == 0)
    #expect(r.stderr.contains("\(xml):4: warning: malformed XML: file ends inside a CDATA section; kept the 2 testcases before it"))
    #expect(r.stderr.contains("README.md: warning: not a recognized test artifact"))
    #expect(r.stdout.contains("2 tests: 2 passed"))
  }

  /// `reports/example/` (the example run) and `reports/example-compare/` (the same run against
  /// examples/baseline) are the golden files of every output.
  @Test(arguments: [("example", [String]()), ("example-compare", ["--baseline", "examples/baseline"])])
  func theCommittedExampleReportIsCurrent(runID: String, extra: [String]) throws {
    let out = Scratch()
    #expect(try CLI.run(["build", "examples/logs", "--out", out.path, "--run-id", runID, "--now", now] + extra).status == 0)
    for name in ["report.json", "report.md", "report.html", "issue.md"] {
      let committed = try Data(contentsOf: URL(fileURLWithPath: CLI.root + "/reports/\(runID)/" + name))
      #expect(try out.read("\(runID)/" + name) == committed, "reports/\(runID)/\(name) is stale: run `make example-report`")
    }
  }
}
