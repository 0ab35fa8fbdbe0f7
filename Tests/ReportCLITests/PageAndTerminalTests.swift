import Foundation
import Testing

/// report.html in a real browser (headless Chromium driven by Playwright: `scripts/check_html.py`),
/// and the terminal's progress line, which only a terminal sees.
@Suite struct PageAndTerminalTests {
  static let now = "2026-01-01T00:00:00Z"

  /// Whether Playwright for Python and Chromium are installed (`make deps` installs both).
  static var browserAvailable: Bool {
    guard FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium") else { return false }
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = ["python3", "-c", "import playwright"]
    p.standardError = FileHandle.nullDevice
    guard (try? p.run()) != nil else { return false }
    p.waitUntilExit()
    return p.terminationStatus == 0
  }

  static func shell(_ command: String) throws -> (status: Int32, output: String) {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/bin/sh")
    p.arguments = ["-c", command]
    p.currentDirectoryURL = URL(fileURLWithPath: CLI.root)
    let out = Pipe()
    p.standardOutput = out
    p.standardError = out
    try p.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return (p.terminationStatus, String(decoding: data, as: UTF8.self))
  }

  @Test(arguments: [[], ["--baseline", "examples/baseline"]])
  func theReportPagePassesTheBrowserChecksAt1280And390(extra: [String]) throws {
    guard Self.browserAvailable else {
      // `make test` (and so CI) sets REPORT_REQUIRE_BROWSER: there a missing browser is a failure.
      #expect(ProcessInfo.processInfo.environment["REPORT_REQUIRE_BROWSER"] == nil, "no Playwright or /usr/bin/chromium")
      print("skipped: no Playwright or /usr/bin/chromium here (make test-deps installs them)")
      return
    }
    let out = Scratch()
    let r = try CLI.run(["build", "examples/logs", "--out", out.path, "--run-id", "p", "--now", Self.now] + extra)
    #expect(r.status == 0, "\(r.stderr)")
    let check = try Self.shell("python3 scripts/check_html.py '\(out.path)/p/report.html' --shots '\(out.path)/shots'")
    #expect(check.status == 0, "\(check.output)")
    #expect(FileManager.default.fileExists(atPath: out.path + "/shots/report-390.png"))
  }

  @Test func theBrowserCheckFailsAPageThatBreaksTheRules() throws {
    guard Self.browserAvailable else {
      #expect(ProcessInfo.processInfo.environment["REPORT_REQUIRE_BROWSER"] == nil, "no Playwright or /usr/bin/chromium")
      return
    }
    // Hand-written: the old page's faults (charts above the title, left-aligned numbers,
    // break-all, a table wider than a phone) must each be caught.
    let dir = Scratch()
    let page = dir.file(
      "report.html",
      """
      <!DOCTYPE html><html><head><meta name="viewport" content="width=device-width, initial-scale=1">
      <style>td{text-align:left}code{word-break:break-all}</style></head><body><main>
      <section class="charts"><svg width="360" height="20"></svg></section><h1>Incident report</h1>
      <table><tr><td align="right">12</td><td><code>\(String(repeating: "x", count: 300))</code></td></tr></table>
      <div style="width:900px">wide</div></main></body></html>
      """)
    let check = try Self.shell("python3 scripts/check_html.py '\(page)' --clusters 0 --shots '\(dir.path)'")
    #expect(check.status == 1)
    for fault in ["does not start with its title", "not right-aligned", "break-all", "scrolls sideways", "no print stylesheet"] {
      #expect(check.output.contains(fault), "\(fault) not caught:\n\(check.output)")
    }
  }

  @Test func aTerminalSeesOneProgressLineAndAPipeSeesNone() throws {
    let dir = Scratch()
    // A generated JUnit file of ~5 MB: large enough for a progress line.
    var xml = "<?xml version=\"1.0\"?>\n<testsuite name=\"s\">\n"
    for i in 0..<60000 {
      xml += "<testcase classname=\"tests.test_module_\(i % 50)\" name=\"test_case_number_\(i)_of_the_generated_suite\" time=\"0.01\"/>\n"
    }
    xml += "</testsuite>\n"
    let path = dir.file("big.xml", xml)
    let piped = try CLI.run(["build", path, "--out", dir.path + "/out", "--run-id", "a", "--now", Self.now])
    #expect(piped.status == 0)
    #expect(!piped.stderr.contains("MB read"), "no progress line when stderr is not a terminal")
    guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { return }
    let command = "'\(CLI.binary)' build '\(path)' --out '\(dir.path)/out' --run-id b --now \(Self.now)"
    let tty = try Self.shell("/usr/bin/script -qec \"\(command)\" /dev/null")
    #expect(tty.status == 0)
    #expect(tty.output.contains("MB read"), "\(tty.output)")
    let quiet = try Self.shell("/usr/bin/script -qec \"\(command) --quiet\" /dev/null")
    #expect(!quiet.output.contains("MB read"))
  }
}
