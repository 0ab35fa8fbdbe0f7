import Foundation
import Testing

@testable import ReportKit

/// Five Whys, hypotheses, action plan, metrics and comparison on the example run and its baseline.
@Suite struct AnalyzeTests {
  static let examples = Fixtures.root + "/../../examples"

  func analyzed(_ path: String = examples + "/logs", baseline: Snapshot? = nil, config: ReportConfig = ReportConfig()) throws -> (
    Run, Findings, Analysis
  ) {
    let run = try ReportBuilder().read([path])
    let findings = Triage(config: config).findings(of: run)
    return (run, findings, Analysis(run: run, findings: findings, config: config, baseline: baseline))
  }

  /// The text of `e`'s line in its file.
  func line(_ e: Evidence) throws -> String {
    let path = e.path.hasPrefix("/") ? e.path : Self.examples + "/../" + e.path
    return try rawLines(path)[e.line - 1]
  }

  @Test func everyObservedWhyIsBackedByItsLineAndTheRestArePrompts() throws {
    let (_, findings, analysis) = try analyzed()
    #expect(analysis.whys.count == findings.clusters.count)
    for (k, whys) in analysis.whys.enumerated() {
      #expect(whys.count == 5)
      #expect(whys[0].observed, "the symptom is always observed")
      for w in whys {
        if w.observed {
          #expect(!w.citations.isEmpty)
          for cite in w.citations {
            // The cited line exists and holds the cited text (a claim that can be checked). A
            // `--trace-ascii` line shows `0000: ` where the evidence shows the direction `< `.
            let text = try line(cite)
            let shown = cite.text.hasPrefix("< ") || cite.text.hasPrefix("> ") ? cite.text.dropFirst(2) : cite.text[...]
            #expect(text.contains(shown.prefix(40)), "\(findings.clusters[k].id): \(cite.path):\(cite.line)")
          }
          #expect(w.prompts.isEmpty)
        } else {
          #expect(w.answer == nil && w.citations.isEmpty)
          #expect((2...3).contains(w.prompts.count), "to-fill whys carry two or three prompts")
        }
      }
      // Why 4 is observed only where the service said why (a body or a challenge in a curl trace);
      // why 5 (why no check caught it) is always left to a person.
      if whys[3].observed { #expect(whys[3].citations.allSatisfy { !$0.path.hasSuffix(".xml") }) }
      #expect(!whys[4].observed)
    }
    // Category-specific prompts: infrastructure asks about deploys, auth about secret sources.
    let infra = try #require(findings.clusters.firstIndex { $0.category == .infrastructure })
    #expect(analysis.whys[infra][3].prompts.joined().contains("deployed"))
    let auth = try #require(findings.clusters.indices.first { findings.clusters[$0].category == .auth && !analysis.whys[$0][3].observed })
    #expect(analysis.whys[auth][3].prompts.joined().contains("token or key come from"))
  }

  @Test func aCorrelatedExchangeAnswersWhyTwoWithItsStatusLine() throws {
    let (run, findings, analysis) = try analyzed(Fixtures.path("eval/logs"))
    let k = try #require(findings.clusters.firstIndex { c in c.tests.contains { run.tests[$0].id.hasSuffix("test_inventory_counts") } })
    let why = analysis.whys[k][1]
    #expect(why.observed)
    #expect(why.answer?.description.contains("returned 503") == true)
    #expect(why.citations.first?.text.hasPrefix("< HTTP/1.") == true)
  }

  @Test func hypothesesAreRankedByTheirEvidence() throws {
    let (_, findings, analysis) = try analyzed()
    for h in analysis.hypotheses {
      // Only hypotheses something speaks for or against are kept.
      #expect(h.allSatisfy { !$0.support.isEmpty || !$0.against.isEmpty })
      let scores = h.map { $0.support.count - $0.against.count }
      #expect(scores == scores.sorted(by: >))
    }
    let timeout = try #require(findings.clusters.firstIndex { $0.rules.first == "python_timeout" })
    #expect(analysis.hypotheses[timeout][0].statement.description.contains("too slow"))
    // The 503 whose body says the pool is exhausted: capacity first, with the body line for it.
    let orders = try #require(findings.clusters.firstIndex { $0.rules.first == "http_502_503_504" })
    let top = try #require(analysis.hypotheses[orders].first)
    #expect(top.statement.description.contains("ran out of capacity"))
    #expect(top.support.contains { $0.text.contains("pool exhausted") })
    // A request the same service answered below 400 speaks against "it was down": the status
    // line of the first such exchange, at most three.
    let against = analysis.hypotheses.flatMap { $0 }.filter { !$0.against.isEmpty }
    #expect(!against.isEmpty)
    for h in against {
      #expect(h.against.count <= 3)
      #expect(h.against.first?.path.hasSuffix("ci-curl-verbose.log") == true && h.against.first?.text == "< HTTP/1.1 200 OK")
    }
  }

  @Test func actionPlanHasPriorityOwnerTypeAndDefinitionOfDone() throws {
    var config = ReportConfig()
    config.owners[.auth] = "@identity"
    let (_, findings, analysis) = try analyzed(config: config)
    #expect(analysis.actions.map(\.priority) == analysis.actions.map(\.priority).sorted())
    for c in findings.clusters {
      let items = analysis.actions.filter { $0.clusters.contains(c.id) }
      #expect(items.contains { $0.kind == .mitigate })
      #expect(items.allSatisfy { !$0.done.isEmpty })
    }
    #expect(analysis.actions.filter { $0.title.description.contains("credentials") }.allSatisfy { $0.owner == "@identity" })
    let mock = try #require(analysis.actions.first { $0.title.description.contains("falls back to a mock") })
    #expect(
      mock.kind == .prevent
        && mock.done.map(\.description) == ["`test_staging_api.py::test_realtime_events` passes without a mock fallback"])
  }

  @Test func metricsCountPerFileAndPerEndpointAndCheckTargets() throws {
    var config = ReportConfig()
    config.targets.passRate = 0.9
    config.targets.p95Ms = 50
    let (_, _, analysis) = try analyzed(config: config)
    let m = analysis.metrics
    #expect(m.files.first?.file == "test_staging_api.py" && m.files.first?.failing == 9 && m.files.first?.tests == 15)
    #expect(abs((m.executionRate ?? 0) - 14.0 / 15.0) < 1e-9)
    let orders = try #require(m.endpoints.first { $0.name == "GET /api/orders" })
    #expect(orders.statuses["503"] == 2)
    #expect(m.targets.first { $0.measure == .passRate }?.met == false)
    #expect(m.targets.contains { if case .p95 = $0.measure { true } else { false } })
    #expect(m.targets.first.map { MetricText.target($0).goal } == "≥ 90%")
    #expect(Metrics.percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.95) == 10)
    #expect(Metrics.percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.50) == 5)
  }

  @Test func comparisonAgainstTheBaselineRun() throws {
    let (brun, bfind, banalysis) = try analyzed(Self.examples + "/baseline")
    let before = Snapshot(label: "before", run: brun, findings: bfind, metrics: banalysis.metrics)
    let (_, _, analysis) = try analyzed(baseline: before)
    let c = try #require(analysis.comparison)
    #expect(
      c.fixed == [
        "test_staging_api.py::test_get_user", "test_staging_api.py::test_health_endpoint", "test_staging_api.py::test_user_lookup[42]",
      ])
    #expect(c.newFailures.isEmpty && c.stillFailing.count == 9 && c.removed.isEmpty)
    let rate = try #require(c.rows.first { $0.metric == .passRate })
    #expect(abs((rate.before ?? 0) - 1 / 13) < 1e-9 && abs((rate.after ?? 0) - 4 / 13) < 1e-9)
    let rateText = MetricText.row(rate)
    #expect(rateText.before == "7.7%" && rateText.after == "30.8%" && rateText.change.hasPrefix("▲") && rateText.change.hasSuffix("✅"))
    let auth = try #require(c.rows.first { $0.metric == .categoryFailures(.auth) })
    #expect(auth.before == 0 && auth.after == 2 && MetricText.row(auth).change == "▲ +2 ❌")
    #expect(!c.persistingClusters.isEmpty && !c.resolvedClusters.isEmpty && !c.newClusters.isEmpty)
  }

  @Test func aReportJSONIsABaselineToo() throws {
    let dir = TempDir()
    var o = ReportBuilder.Options(inputs: [Self.examples + "/baseline"], outDir: dir.path, runID: "b", now: Date(timeIntervalSince1970: 0))
    o.formats = [.json]
    _ = try ReportBuilder().build(o)
    let fromJSON = try Snapshot(reportJSON: dir.path + "/b/report.json")
    let fromLogs = try ReportBuilder().snapshot(of: Self.examples + "/baseline", config: ReportConfig())
    var a = fromJSON.totals, b = fromLogs.totals
    #expect(abs(a.durationSeconds - b.durationSeconds) < 0.001)
    (a.durationSeconds, b.durationSeconds) = (0, 0)
    #expect(a == b)
    #expect(fromJSON.tests.mapValues(\.status) == fromLogs.tests.mapValues(\.status))
    #expect(Set(fromJSON.clusters.keys) == Set(fromLogs.clusters.keys))
    #expect(fromJSON.failuresByCategory == fromLogs.failuresByCategory)
  }
}

/// Endpoints are routes: ids in paths do not make one endpoint per request.
@Suite struct RouteTests {
  @Test(arguments: [
    ("/v1/orders/123", "/v1/orders/{id}"), ("/api/users/42/items", "/api/users/{id}/items"),
    ("/x/123e4567-e89b-12d3-a456-426614174000", "/x/{id}"), ("/blob/3f2a9c1e8b7d", "/blob/{id}"),
    ("/api/v2/sessions/current", "/api/v2/sessions/current"),
    ("/health", "/health"), ("/", "/"), ("", ""), ("//a//7/", "//a//{id}/"),
    ("/t/abcdef12345678901", "/t/{id}"), ("/t/abcdefgh", "/t/abcdefgh"), ("/t/deadbeef", "/t/deadbeef"),
    // Not ASCII: read by characters (the fullwidth digits are numbers, the accented word is not).
    ("/café/１２３", "/café/{id}"), ("/ü/42", "/ü/{id}"),
  ])
  func idsBecomePlaceholders(path: String, route: String) {
    #expect(Correlator.route(path) == route)
  }

  @Test(
    arguments: [
      ("https://h.example/v1/a?x=1#f", "/v1/a"), ("http://h:80/a///", "/a"), ("http://h/", nil), ("http://h", nil),
      ("h/a/b", nil), ("http://h/?q=1", nil), ("ftp://h/a:b://c/", "/a:b://c"), ("http://h/é/1/", "/é/1"), ("://", nil),
    ] as [(String, String?)])
  func pathsOfURLs(url: String, path: String?) {
    #expect(Correlator.path(ofURL: url) == path)
  }
}

/// Findings that the usual title would name alike are titled by their own messages.
@Suite struct TitleTests {
  @Test func twoFindingsThatWouldReadAlikeAreTitledByTheirMessages() throws {
    // Hand-written: two pools timing out, the one edge this checks; a third finding stays as is.
    let dir = TempDir()
    let xml = dir.file(
      "junit.xml",
      """
      <testsuite name="s" tests="3">
        <testcase classname="t.test_a" name="test_users"><failure type="TimeoutError" message="TimeoutError: timed out waiting for 10.0.0.1:80 (pool=users)"/></testcase>
        <testcase classname="t.test_a" name="test_orders"><failure type="TimeoutError" message="TimeoutError: timed out waiting for 10.0.0.2:80 (pool=orders)"/></testcase>
        <testcase classname="t.test_a" name="test_refused"><failure type="ConnectionRefusedError" message="ConnectionRefusedError: [Errno 111] Connection refused"/></testcase>
      </testsuite>
      """)
    let run = try ReportBuilder().read([xml])
    let findings = Triage().findings(of: run)
    let titles = Analysis.stories(run, findings).map(\.title.description).sorted()
    #expect(
      titles == [
        "`ConnectionRefusedError`: connection refused (1 test)",
        "`TimeoutError`: timed out waiting for 10.0.0.1:80 (pool=users) (1 test)",
        "`TimeoutError`: timed out waiting for 10.0.0.2:80 (pool=orders) (1 test)",
      ])
  }

  @Test func aFindingWhoseTestsNameSeveralAddressesSaysHowMany() throws {
    // Hand-written: one refusal on two hosts that differ only by a number (one signature).
    let dir = TempDir()
    let refused = { (h: Int) in
      "requests.exceptions.ConnectionError: HTTPConnectionPool(host='gateway-\(h).svc', port=80): Max retries exceeded (Caused by NewConnectionError: [Errno 111] Connection refused)"
    }
    let xml = dir.file(
      "junit.xml",
      """
      <testsuite name="s" tests="3">
        <testcase classname="t.test_a" name="test_one"><failure message="\(refused(1))"/></testcase>
        <testcase classname="t.test_a" name="test_two"><failure message="\(refused(2))"/></testcase>
        <testcase classname="t.test_a" name="test_three"><failure message="\(refused(1))"/></testcase>
      </testsuite>
      """)
    let run = try ReportBuilder().read([xml])
    let findings = Triage().findings(of: run)
    #expect(findings.clusters.count == 1)
    #expect(
      Analysis.stories(run, findings).map(\.title.description) == [
        "`gateway-1.svc:80` and 1 more address: connection refused (3 tests)"
      ])
    // The action names both too, not the first address alone.
    let actions = Analysis(run: run, findings: findings, config: ReportConfig()).actions.map(\.title.description)
    #expect(actions.contains("Start or redeploy the service that refused `gateway-1.svc:80` and 1 more address"))
  }
}
