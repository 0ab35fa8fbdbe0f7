import Foundation
import Testing

@testable import ReportKit

@Suite struct RenderTests {
  /// A run whose failure text tries to break out of Markdown and HTML.
  func hostileRun() -> Run {
    var t = TestResult(idPrefix: "t.py::", name: "test_x|y", suite: "t.py", status: .failed, phase: .call, durationSeconds: 0.25)
    let d = t.detailsForWriting()
    d.message = "<script>alert(1)</script> ``` | ` tick"
    d.evidence = [Evidence(path: "log", line: 3, text: "E   <img src=x onerror=alert(2)>")]
    var ok = TestResult(idPrefix: "t.py::", name: "test_ok", suite: "t.py", status: .passed, durationSeconds: 1.5e-05)
    ok.anonymous = false
    return Run(inputs: [InputSummary(path: "log", format: .pytest, tests: 2)], tests: [t, ok], requests: [])
  }

  func report(_ run: Run) -> Report {
    let findings = Triage().findings(of: run)
    return Report(
      run: run, findings: findings, analysis: Analysis(run: run, findings: findings, config: ReportConfig()),
      meta: RunMeta(runID: "r1", generatedAt: "2026-01-01T00:00:00Z"))
  }

  func markdown(_ r: Report, _ template: String = "report.md") -> String {
    TemplateSet.builtIn.render(template, ReportViewBuilder(report: r).view())
  }

  func json(_ run: Run) throws -> (text: String, object: [String: Any]) {
    let dir = TempDir()
    let path = dir.path + "/r.json"
    let sink = try #require(OutputSink(path: path))
    JSONRenderer().write(report(run), to: sink)
    #expect(sink.finish())
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    return (String(decoding: data, as: UTF8.self), object)
  }

  @Test func jsonIsValidVersionedAndCompactForPasses() throws {
    let (text, object) = try json(hostileRun())
    #expect(object["schema"] as? String == "report/3")
    // The failure is listed; its evidence is its verdict's (written once, there).
    let tests = try #require(object["tests"] as? [[String: Any]])
    #expect(tests.count == 1)
    #expect(tests[0]["message"] as? String == "<script>alert(1)</script> ``` | ` tick")
    let verdict = try #require(tests[0]["classification"] as? [String: Any])
    #expect((verdict["evidence"] as? [[String: Any]])?.isEmpty == false)
    #expect(tests[0]["evidence"] == nil && tests[0]["file"] == nil, "null fields are left out")
    // The passing test is in a group of its prefix, with its duration.
    // report/3: [shared code points of the previous prefix, the rest, names, durations_s].
    let passed = try #require(object["passed"] as? [[Any]])
    #expect(passed.count == 1 && passed[0].count == 4)
    #expect(passed[0][0] as? Int == 0, "the first group shares nothing")
    #expect((passed[0][2] as? [String])?.count == 1)
    #expect(text.contains("[0.000015]]"))
    #expect(!text.contains("\": ") && !text.contains(", \""), "no space after `:` or `,`")
    let totals = try #require(object["totals"] as? [String: Any])
    #expect(totals["pass_rate"] as? Double == 0.5)
  }

  @Test func jsonBytesAreDeterministic() throws {
    #expect(try json(hostileRun()).text == json(hostileRun()).text)
  }

  @Test func markdownKeepsLogTextLiteral() {
    for template in ["report.md", "issue.md"] {
      let md = markdown(report(hostileRun()), template)
      // The id in a table cell: pipe escaped, in a code span.
      #expect(md.contains("| `t.py::test_x\\|y` |"), "\(template)")
      // The message in a fence longer than any backtick run inside it.
      #expect(md.contains("````\n<script>alert(1)</script> ``` | ` tick\n````"), "\(template)")
      // Log text with HTML is never bare Markdown: every `<img` sits in a code span or the fence.
      let html = HTMLRenderer.body(md)
      #expect(!html.contains("<img") && !html.contains("<script>"), "\(template)")
    }
  }

  @Test func htmlShowsScriptsInsteadOfRunningThem() {
    let r = report(hostileRun())
    let html = PageRenderer(templates: .builtIn).page(markdown: markdown(r), report: r)
    #expect(!html.contains("<script>alert"))
    #expect(html.components(separatedBy: "<script>").count == 2, "only the page's own print helper")
    #expect(!html.contains("<img"))
    #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    #expect(html.contains("<table>"))
    #expect(html.contains("<svg"))
    #expect(html.contains("<title>Incident report: r1</title>"))
  }

  @Test(arguments: [(0.004, "0.004"), (118.212, "118.212"), (1.5e-05, "0.000015"), (3.0, "3"), (0.30769, "0.3077")])
  func numbers(_ value: Double, _ expected: String) {
    #expect(JSONWriter.format(value, decimals: expected == "0.3077" ? 4 : 6) == expected)
  }
}

/// The templates built into the binary are the ones in Templates/, and they all parse.
@Suite struct TemplateTests {
  @Test func builtInTemplatesMatchTheTemplatesFolder() throws {
    let dir = URL(fileURLWithPath: Fixtures.root).deletingLastPathComponent().deletingLastPathComponent().path + "/Templates"
    for name in TemplateSet.names {
      let file = try String(contentsOfFile: dir + "/" + name + ".mustache", encoding: .utf8)
      #expect(DefaultTemplates.all[name] == file, "Templates/\(name).mustache changed: run scripts/embed_templates.py")
    }
    #expect(Set(DefaultTemplates.all.keys) == Set(TemplateSet.names))
  }

  @Test func aTemplatesFolderOverridesOnlyWhatItHolds() throws {
    let dir = TempDir()
    dir.file("issue.md.mustache", "{{% CONTENT_TYPE: TEXT}}\nrun {{runID}}: {{failures}} failures\n")
    let set = try TemplateSet(directory: dir.path)
    #expect(set.render("issue.md", ["runID": "r", "failures": 3]) == "run r: 3 failures\n")
    #expect(set.render("page.html", ["title": "<x>", "body": "<p>b</p>"]).contains("<title>&lt;x&gt;</title>"))
    dir.file("report.md.mustache", "{{#unclosed}}")
    #expect(throws: TemplateError.self) { try TemplateSet(directory: dir.path) }
  }

  /// The page's layout finds its title, sections and cluster markers by their bytes, with
  /// non-ASCII text all around them: ids and the table of contents as written, each marked
  /// cluster folded into a `<details>` (open when high), a marker without its heading left as it is.
  @Test func pageLayoutFindsTagsAmongNonASCIIText() {
    let html = """
      <h1>Rapport été 🔴</h1>
      <p>ünïcode ≮ &lt;h2&gt; text</p>
      <h2>Clusters · groupés</h2>
      <!-- cluster id=ab12 severity=high -->
      <h3>🟠 high · Délai dépassé</h3>
      <p>x</p>
      <!-- /cluster -->
      <!-- cluster id=cd34 severity=low -->
      <p>no heading</p>
      <h2>Fin</h2>
      """
    let page = PageLayout(html: html)
    #expect(page.title == "Rapport été 🔴")
    #expect(page.toc.map(\.text) == ["Clusters · groupés", "Fin"])
    #expect(page.toc.first?.children.map(\.id) == ["c-ab12"])
    #expect(page.toc.first?.children.map(\.text) == ["high: Délai dépassé"])
    #expect(
      page.body.contains(
        #"<details class="cluster high" id="c-ab12" open><summary><span class="badge high">high</span>Délai dépassé</summary>"#))
    #expect(page.body.contains("</details>") && page.body.contains("<!-- cluster id=cd34 severity=low -->"))
    #expect(page.body.contains("<p>ünïcode ≮ &lt;h2&gt; text</p>"))
  }

  /// Markdown's fast paths give what the Foundation searches gave: whether a word would
  /// autolink (by bytes for ASCII words), and code spans of text without line breaks or pipes.
  @Test func markdownFastPathsAsBefore() {
    func autolinksBefore(_ word: String) -> Bool {
      let w = word.lowercased()
      return w.contains("://") || w.contains("www.") || (w.contains("@") && w.split(separator: "@").last?.contains(".") == true)
    }
    func codeBefore(_ text: String, limit: Int, table: Bool) -> String {
      var t = text.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ⏎ ")
      if t.count > limit { t = String(t.prefix(limit)) + "…" }
      if table { t = t.replacingOccurrences(of: "|", with: "\\|") }
      if t.isEmpty { return "" }
      var best = 0
      var run = 0
      for ch in t {
        run = ch == "`" ? run + 1 : 0
        best = max(best, run)
      }
      let ticks = String(repeating: "`", count: best + 1)
      let pad = t.hasPrefix("`") || t.hasSuffix("`") ? " " : ""
      return ticks + pad + t + pad + ticks
    }
    let pieces = ["http", "://", "WWW.", "www", ".", "@", "a", "B", "é", "\u{301}", "|", "\r", "\n", "\r\n", "`", " ", "x@y.z", "@@"]
    var rng = SystemRandomNumberGenerator()
    for _ in 0..<20_000 {
      let text = (0..<Int.random(in: 0...6, using: &rng)).map { _ in pieces.randomElement(using: &rng) ?? "" }.joined()
      #expect(Markdown.autolinks(text) == autolinksBefore(text), "\(text.debugDescription)")
      for (limit, table) in [(200, true), (5, false), (Int.max, false)] {
        #expect(Markdown.code(text, limit: limit, table: table) == codeBefore(text, limit: limit, table: table), "\(text.debugDescription)")
      }
    }
  }
}
