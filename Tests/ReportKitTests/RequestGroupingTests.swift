import Foundation
import Testing

@testable import ReportKit

/// Failed requests are grouped by the narrowest scope they share: a route, a host, an answer.
@Suite struct RequestGroupingTests {
  typealias Item = RequestGrouping.Item

  func item(_ i: Int, _ host: String, _ route: String, _ answer: String = "404", _ category: ReportKit.Category = .routing) -> Item {
    Item(index: i, category: category, method: "GET", host: host, route: route, answer: answer)
  }

  /// Requests classified by two workers (each with its own memo) cluster as by one.
  @Test func requestsClassifiedByTwoWorkersClusterAsByOne() {
    var requests: [HTTPExchange] = []
    for i in 0..<6000 {
      var x = HTTPExchange()
      x.method = i % 7 == 0 ? "POST" : "GET"
      x.url = "https://h\(i % 13).test/v\(i % 3)/items/\(i % 17)"
      x.host = "h\(i % 13).test"
      if i % 5 == 0 { x.curlExit = [6, 7, 28][i % 3] } else { x.status = [401, 403, 404, 500, 502, 503][i % 6] }
      x.evidence = [Evidence(path: "curl.log", line: i + 1, text: "< HTTP/1.1 \(x.status ?? 0)")]
      requests.append(x)
    }
    let run = Run(inputs: [], tests: [], requests: requests)
    let failed = Array(stride(from: 0, to: requests.count, by: 1))
    let clusterer = Clusterer(config: ReportConfig())
    let one = clusterer.requestClusters(run, failed, classifier: Classifier(), totalFailures: failed.count, workers: 1)
    let two = clusterer.requestClusters(run, failed, classifier: Classifier(), totalFailures: failed.count, workers: 2)
    #expect(one.count > 5)
    #expect(one.map(\.id) == two.map(\.id))
    #expect(one.map(\.requests) == two.map(\.requests))
    #expect(one.map(\.rules) == two.map(\.rules))
    #expect(one.map(\.reason) == two.map(\.reason))
    #expect(one.map(\.evidence) == two.map(\.evidence))
  }

  @Test func fewRoutesStayApartManyOnOneHostJoinAndManyHostsJoinByAnswer() {
    // Host a: three routes answer 404 (host-wide); host b: two routes (stay apart).
    var items = [item(0, "a", "/x"), item(1, "a", "/y"), item(2, "b", "/x"), item(3, "a", "/z"), item(4, "b", "/y")]
    // The same route twice is one route: host c does not reach three.
    items += [item(5, "c", "/x"), item(6, "c", "/x"), item(7, "c", "/y")]
    // Another answer on host a is its own scope.
    items.append(item(8, "a", "/x", "503", .infrastructure))
    let groups = RequestGrouping.groups(items)
    #expect(
      groups.map(\.signature) == [
        "routing|request|* a *|404", "routing|request|GET b /x|404", "routing|request|GET b /y|404",
        "routing|request|GET c /x|404", "routing|request|GET c /y|404", "infrastructure|request|GET a /x|503",
      ])
    #expect(groups[0].members == [0, 1, 3])
    #expect(groups[3].members == [5, 6])
  }

  @Test func threeHostsEachWideMakeOneGroupWithTheirNarrowPeers() {
    var items: [Item] = []
    for (h, host) in ["a", "b", "c"].enumerated() {
      for (r, route) in ["/x", "/y", "/z"].enumerated() { items.append(item(h * 3 + r, host, route)) }
    }
    items.append(item(9, "d", "/x"))  // one route of a fourth host: the same answer, so it joins
    items.append(item(10, "d", "/x", "401", .auth))
    let groups = RequestGrouping.groups(items)
    #expect(groups.map(\.signature) == ["routing|request|* * *|404", "auth|request|GET d /x|401"])
    #expect(groups[0].members == Array(0...9))
  }

  func analyzed(_ name: String) throws -> (Findings, Analysis) {
    let run = try ReportBuilder().read([Fixtures.path("curl/" + name)])
    let findings = Triage().findings(of: run)
    return (findings, Analysis(run: run, findings: findings, config: ReportConfig()))
  }

  /// Real curl -v of undeployed routes on three hosts (scripts/make_fixtures.sh).
  @Test func threeHostsOfUndeployedRoutesAreOneFindingNamingTheHosts() throws {
    let (findings, analysis) = try analyzed("spread-hosts.log")
    #expect(findings.clusters.count == 2)
    #expect(findings.suspicious.isEmpty, "a run of curl checks alone is not 'all skipped'")
    let wide = try #require(findings.clusters.first { $0.signature == "routing|request|* * *|404" })
    #expect(wide.requests.count == 9)
    let k = try #require(findings.clusters.firstIndex { $0.id == wide.id })
    #expect(Markdown.phrase(analysis.stories[k].title) == "404 Not Found: not found from 3 hosts on 3 routes (9 requests)")
    #expect(analysis.stories[k].endpoint == nil)
    let component = Markdown.phrase(analysis.whys[k][2].answer ?? "")
    #expect(component.contains("3 hosts") && component.contains("`users.staging.test`") && component.contains("`orders.staging.test`"))
    // The 503 of another route stays its own, narrow finding with its endpoint.
    let narrow = try #require(findings.clusters.firstIndex { $0.category == .infrastructure })
    #expect(analysis.stories[narrow].endpoint?.path == "/api/orders")
  }

  @Test func oneHostOfThreeRoutesIsOneFindingAndALoneRouteStaysApart() throws {
    let (findings, analysis) = try analyzed("spread-routes.log")
    #expect(findings.clusters.map(\.requests.count).sorted() == [1, 3])
    let k = try #require(findings.clusters.firstIndex { $0.requests.count == 3 })
    #expect(findings.clusters[k].signature == "routing|request|* billing.staging.test *|404")
    #expect(analysis.stories[k].endpoint?.host == "billing.staging.test" && analysis.stories[k].endpoint?.path == "")
    let fix = try #require(analysis.actions.first { $0.clusters == [findings.clusters[k].id] && $0.kind == .mitigate })
    #expect(Markdown.phrase(fix.title).contains("Deploy the 3 routes `billing.staging.test:8080` does not serve"))
  }
}
