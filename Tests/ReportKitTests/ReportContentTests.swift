import Foundation
import Testing

@testable import ReportKit

/// What a team reads instead of the logs: each log line quoted once, clusters titled in words,
/// the service's own reason used as evidence, hypotheses only where something speaks, the
/// before/after story, curl-only runs, and issue.md as a task list.
@Suite struct ReportContentTests {
  static let examples = Fixtures.root + "/../../examples"

  func report(_ logs: String = examples + "/logs", baseline: String? = nil, config: ReportConfig = ReportConfig()) throws -> Report {
    let builder = ReportBuilder()
    let run = try builder.read([logs])
    let findings = Triage(config: config).findings(of: run)
    let before = try baseline.map { try builder.snapshot(of: $0, config: config) }
    return Report(
      run: run, findings: findings, analysis: Analysis(run: run, findings: findings, config: config, baseline: before, label: "after"),
      meta: RunMeta(runID: "c", generatedAt: "2026-01-01T00:00:00Z"))
  }

  func markdown(_ r: Report, _ template: String = "report.md") -> String {
    TemplateSet.builtIn.render(template, ReportViewBuilder(report: r).view())
  }

  /// Every line the report could quote: verdicts, whys, hypotheses, findings, set-up lines.
  func citedLines(_ r: Report) -> [Evidence] {
    var out = r.findings.clusters.map(\.evidence) + r.findings.classifications.values.flatMap(\.evidence)
    out += r.analysis.whys.flatMap { $0.flatMap(\.citations) }
    out += r.analysis.hypotheses.flatMap { $0.flatMap { $0.support + $0.against } }
    out += r.findings.suspicious.flatMap(\.evidence) + r.analysis.context.setup
    return out
  }

  @Test(arguments: [false, true])
  func noLogLineIsQuotedMoreThanTwice(withBaseline: Bool) throws {
    let r = try report(baseline: withBaseline ? Self.examples + "/baseline" : nil)
    let md = markdown(r)
    var checked = 0
    // A line is quoted where its reference is followed by its text: `path:line` `text`.
    for e in Set(citedLines(r).map { "`\($0.path):\($0.line)` `" }) {
      let count = md.components(separatedBy: e).count - 1
      #expect(count <= 1, "quoted \(count) times: \(e)")
      checked += 1
    }
    // A first failure is shown once in its fence; the same text does not come back in full.
    for c in r.findings.clusters where c.evidence.text.count >= 40 {
      let text = String(c.evidence.text.prefix(150))
      #expect(md.components(separatedBy: text).count - 1 <= 2, "\(text)")
    }
    #expect(checked >= 15, "the check saw too few lines to mean anything: \(checked)")
  }

  @Test func clustersAreTitledInWordsAndHypothesesHaveEvidence() throws {
    let r = try report()
    let md = markdown(r)
    #expect(!md.contains("none seen"))
    for (k, c) in r.findings.clusters.enumerated() {
      let title = Markdown.phrase(r.analysis.stories[k].title)
      #expect(md.contains("### \(ReportViewBuilder.icon(c.severity)) \(c.severity.rawValue) · \(title)"), "\(c.id)")
      // Words, not an id: the title names what failed and how many.
      #expect(title.split(separator: " ").count >= 3 && !title.hasPrefix("`\(c.id)`"))
    }
    let headings = md.split(separator: "\n").filter { $0.hasPrefix("### ") }
    #expect(headings.allSatisfy { !$0.contains("sig/1") })
    for line in md.split(separator: "\n") where line.contains("was down, not deployed") {
      #expect(line.contains("For:") || line.contains("Against:"), "\(line)")
    }
  }

  @Test func theServiceSaysWhyAndTheReportShowsIt() throws {
    let r = try report()
    let k = try #require(r.findings.clusters.firstIndex { $0.rules.first == "http_502_503_504" })
    let title = r.analysis.stories[k].title.description
    #expect(title.contains("`GET /api/orders` → 503 Service Unavailable"))
    #expect(title.contains("orders-db connection pool exhausted"))
    let why4 = r.analysis.whys[k][3]
    #expect(why4.observed)
    #expect(why4.answer?.description.contains("orders-db connection pool exhausted") == true)
    #expect(why4.citations.first?.path.hasSuffix("ci-curl-verbose.log") == true)
    // Why 2 names the answer and the Retry-After header, each with its line.
    let why2 = r.analysis.whys[k][1]
    #expect(why2.answer?.description.contains("asking to retry after `30`") == true)
    #expect(why2.citations.map(\.text).contains("< Retry-After: 30"))
    #expect(markdown(r).contains("orders-db connection pool exhausted"))
    // The 401's WWW-Authenticate says the token expired: the auth hypothesis cites it.
    let md = markdown(r)
    #expect(md.contains("role 'admin' required"))
  }

  @Test func actionsNameTheEndpointAddressAndAreNotRepeated() throws {
    let r = try report()
    let titles = r.analysis.actions.map(\.title.description)
    #expect(Set(titles).count == titles.count, "an action is listed twice")
    #expect(titles.contains { $0.contains("`GET /api/orders` on `127.0.0.1:34517`") })
    #expect(titles.contains { $0.contains("Start or redeploy the service on `127.0.0.1:54371`") })
    // The route smoke test is one item for both routing clusters.
    let smoke = try #require(r.analysis.actions.first { $0.title.description.contains("smoke test") })
    #expect(smoke.clusters.count == 2)
    // "Not a mock" only where a mock was involved; a failing test "passes again".
    let done = r.analysis.actions.flatMap(\.done).map(\.description)
    #expect(!done.contains { $0.contains("not a mock") })
    #expect(done.contains("`test_staging_api.py::test_order_total` passes again"))
  }

  @Test func whatRanAndWhatWorksComeFromTheLogs() throws {
    let r = try report()
    let md = markdown(r)
    #expect(md.contains("**rootdir**: `") && md.contains("pytest-console.log:5` `rootdir: /work/main/examples/suite`"))
    #expect(md.contains("`http://127.0.0.1:34517` (11 requests, 8 failed; named by 4 failing tests)"))
    #expect(md.contains("`http://127.0.0.1:54371` (named by 1 failing test)"))
    #expect(md.contains("`GET /health` answered every request (2) below 400"))
    #expect(!md.contains("Hosts seen:"), "no empty field")
  }

  @Test func businessImpactFromReportYmlIsShownOnTheClustersItTouches() throws {
    var config = ReportConfig()
    config.impacts = [ImpactRule(endpoint: "/api/orders*", impact: Impact(statement: "orders: checkout blocked", severity: .critical))]
    let r = try report(config: config)
    let k = try #require(r.findings.clusters.firstIndex { $0.rules.first == "http_502_503_504" })
    #expect(r.analysis.impacts[k]?.statement == "orders: checkout blocked")
    #expect(r.analysis.impacts.compactMap { $0 }.count == 1)
    #expect(markdown(r).contains("**Business impact**: orders: checkout blocked (critical)"))
  }

  @Test func aFixedTestIsFixedAndNothingElse() {
    func snapshot(_ tests: [String: (TestStatus, Double)]) -> Snapshot {
      var s = Snapshot(
        label: "x", run: Run(inputs: [], tests: [], requests: []), findings: Findings(),
        metrics: Metrics(Run(inputs: [], tests: [], requests: []), Findings(), targets: Targets()))
      for (id, v) in tests { s.tests[id] = (v.0, v.1, v.0.isFailure ? .infrastructure : nil) }
      return s
    }
    let before = snapshot(["a": (.failed, 10), "b": (.passed, 10), "c": (.failed, 1)])
    var after = snapshot(["a": (.passed, 0.1), "b": (.passed, 0.1), "c": (.failed, 1)])
    after.tests["c"]?.category = .auth
    let c = Comparison(before: before, after: after)
    #expect(c.fixed == ["a"])
    #expect(c.suspiciouslyFaster == ["b"], "a fixed test is never suspiciously faster")
    #expect(c.shifts.count == 1 && c.shifts[0].from == .infrastructure && c.shifts[0].to == .auth && c.shifts[0].tests == ["c"])
  }

  @Test func aCurlOnlyRunReportsItsFailedRequests() throws {
    let r = try report(Fixtures.path("curl/verbose-refused.log"))
    #expect(r.run.tests.isEmpty && r.run.requests.contains(where: \.failed))
    #expect(!r.findings.clusters.isEmpty)
    #expect(!r.findings.suspicious.contains { $0.kind == .nothingCollected }, "curl checks alone have no tests to collect")
    let title = r.analysis.stories[0].title.description
    // The refused request with its port, not `GET /`.
    #expect(title.range(of: #"`(GET )?http://127\.0\.0\.1:\d+/[^`]*` → curl exit 7"#, options: .regularExpression) != nil, "\(title)")
    let md = markdown(r)
    #expect(md.contains("HTTP requests failed"))
    #expect(!md.contains("No test failed"))
  }

  @Test func issueBodyIsATaskListWithATaskPerCluster() throws {
    let r = try report()
    let issue = TemplateSet.builtIn.render("issue.md", ReportViewBuilder(report: r, reportURL: "https://ci.example/run/7").view())
    let tasks = issue.split(separator: "\n").filter { $0.hasPrefix("- [ ] ") }
    for c in r.findings.clusters {
      let mitigate = try #require(r.analysis.actions.first { $0.clusters.contains(c.id) && $0.kind == .mitigate })
      #expect(tasks.contains { $0.contains(Markdown.phrase(mitigate.title, table: true)) }, "\(c.id)")
    }
    #expect(tasks.allSatisfy { $0.contains("**P") && $0.contains(" — ") })
    #expect(issue.contains("Full report: https://ci.example/run/7"))
    #expect(issue.contains("<details><summary>Five whys"))
  }
}
