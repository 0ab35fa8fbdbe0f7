import Foundation
import Testing

@testable import ReportKit

/// report.yml: a good file changes verdicts, owners and severities; a bad one names file, line and key.
@Suite struct ConfigTests {
  private func load(_ yaml: String) throws(ConfigError) -> ReportConfig {
    let dir = TempDir()
    return try ConfigLoader(path: dir.file("report.yml", yaml)).load()
  }

  private func error(_ yaml: String) -> ConfigError? {
    do {
      _ = try load(yaml)
      return nil
    } catch { return error }
  }

  @Test func theDefaultThatInitWritesLoads() throws {
    let config = try load(DefaultConfig.text)
    #expect(config.rules.map(\.id) == ["payments_sandbox_down"])
    #expect(config.owners[.auth] == "@identity-team")
    #expect(config.owner(file: "tests/payments/test_refund.py", category: .logic) == "@payments-team")
    #expect(config.owner(file: "tests/orders/test_x.py", category: .logic) == "@feature-team")
    #expect(config.knownIssues.first?.rule == "jwt_expired")
    #expect(config.severity["http_404"] == .high)
    #expect(config.impact(files: ["tests/checkout/test_pay.py"], endpoint: nil, category: .logic)?.statement == "checkout: revenue at risk")
    #expect(config.impact(files: ["tests/a.py"], endpoint: "/api/orders/7", category: .infrastructure)?.severity == .high)
    #expect(config.impact(files: ["tests/a.py"], endpoint: "/api/users", category: .auth) == nil)
  }

  @Test func impactEntriesNeedAMatchAndWords() throws {
    let noMatch = try #require(error("impact:\n  - says: \"x\"\n"))
    #expect(noMatch.line == 2 && noMatch.key == "impact" && noMatch.message.contains("paths, endpoint or category"))
    let noWords = try #require(error("impact:\n  - category: auth\n"))
    #expect(noWords.key == "impact.says")
    let badCategory = try #require(error("impact:\n  - category: network\n    says: x\n"))
    #expect(badCategory.line == 2 && badCategory.key == "impact.category")
  }

  @Test func userRulesComeBeforeBuiltIns() throws {
    let config = try load(
      """
      rules:
        - id: flaky_proxy_503
          category: logic
          match: {http_status: 503, contains: ["via flaky-proxy"]}
          examples: {match: ["HTTP Error 503 via flaky-proxy"], no_match: ["HTTP Error 503"]}
      """)
    let classifier = Classifier(userRules: config.rules)
    let f = FailureFacts(text: "urllib.error.HTTPError: HTTP Error 503: Service Unavailable via flaky-proxy", phrases: classifier.phrases)
    #expect(classifier.decide(f).rule.id == "flaky_proxy_503")
    let g = FailureFacts(text: "urllib.error.HTTPError: HTTP Error 503: Service Unavailable", phrases: classifier.phrases)
    #expect(classifier.decide(g).rule.id == "http_502_503_504")
  }

  @Test func errorsNameFileLineAndKey() throws {
    let unknown = try #require(error("version: 1\nowner:\n  auth: x\n"))
    #expect(unknown.line == 2 && unknown.key == "owner" && unknown.path.hasSuffix("report.yml"))
    #expect(unknown.description.contains("report.yml:2: error: owner: unknown key"))

    let category = try #require(error("rules:\n  - id: x_y\n    category: network\n    match: {contains: a}\n"))
    #expect(category.line == 3 && category.key == "rules.x_y.category")

    let regex = try #require(error("rules:\n  - id: bad_re\n    category: logic\n    match:\n      text: \"(unclosed\"\n"))
    #expect(regex.line == 5 && regex.key == "rules.bad_re.match.text" && regex.message.contains("regular expression"))

    let example = try #require(
      error("rules:\n  - id: wrong_example\n    category: auth\n    match: {contains: [token]}\n    examples: {match: [nothing here]}\n"))
    #expect(example.line == 2 && example.key == "rules.wrong_example.examples" && example.message.contains("should match"))

    let duplicate = try #require(error("rules:\n  - id: http_401\n    category: auth\n    match: {http_status: 401}\n"))
    #expect(duplicate.key == "rules.http_401" && duplicate.message.contains("already exists"))

    let snake = try #require(error("rules:\n  - id: BadName\n    category: auth\n    match: {http_status: 401}\n"))
    #expect(snake.line == 2 && snake.message.contains("snake_case"))

    let status = try #require(error("rules:\n  - id: s\n    category: auth\n    match: {http_status: 999}\n"))
    #expect(status.line == 4 && status.key == "rules.s.match.http_status")

    let severity = try #require(error("severity:\n  http_404: urgent\n"))
    #expect(severity.line == 2 && severity.key == "severity.http_404")

    let syntax = try #require(error("rules: [\n  - id: x\n"))
    #expect(syntax.line != nil && syntax.message.contains("not valid YAML"))

    let issue = try #require(error("known_issues:\n  - url: https://x/1\n"))
    #expect(issue.line == 2 && issue.message.contains("rule, cluster or signature"))
  }

  @Test func ownersSeverityAndKnownIssuesReachClusters() throws {
    let config = try load(
      """
      owners:
        routing: "@gateway"
      severity:
        routing: critical
      known_issues:
        - rule: http_404
          url: https://tracker.example/9
          title: v2 routes missing
      """)
    let run = try ReportBuilder().read([Fixtures.root + "/../../examples/logs"])
    let findings = Triage(config: config).findings(of: run)
    let routing = findings.clusters.filter { $0.category == .routing }
    #expect(!routing.isEmpty)
    #expect(routing.allSatisfy { $0.owner == "@gateway" && $0.severity == .critical })
    #expect(routing.filter { $0.rules.first == "http_404" }.allSatisfy { $0.knownIssue?.url == "https://tracker.example/9" })
    #expect(findings.clusters.filter { $0.category == .auth }.allSatisfy { $0.owner == Clusterer.defaultOwner(.auth) })
  }

  @Test func targetsAreReadAndCheckedStrictly() throws {
    let config = try load("targets:\n  pass_rate: 0.9\n  max_failures: 3\n  p95_ms: 250\n  endpoints:\n    /api/orders: {p95_ms: 100}\n")
    #expect(config.targets.passRate == 0.9 && config.targets.maxFailures == 3 && config.targets.p95Ms == 250)
    #expect(config.targets.endpointP95Ms["/api/orders"] == 100)
    let rate = try #require(error("targets:\n  pass_rate: 95\n"))
    #expect(rate.line == 2 && rate.key == "targets.pass_rate" && rate.message.contains("fraction"))
    let unknown = try #require(error("targets:\n  p99_ms: 5\n"))
    #expect(unknown.line == 2 && unknown.key == "targets.p99_ms")
  }

  @Test func globs() {
    #expect(Glob.matches("tests/payments/**", "tests/payments/a/b/test_x.py"))
    #expect(Glob.matches("tests/*/test_*.py", "tests/orders/test_x.py"))
    #expect(!Glob.matches("tests/*/test_*.py", "tests/orders/deep/test_x.py"))
    #expect(Glob.matches("**/test_ws*.py", "a/b/test_ws_events.py"))
  }
}
