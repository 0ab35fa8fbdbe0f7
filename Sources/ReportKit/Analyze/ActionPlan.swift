/// One item of the action plan: what to do, how urgent, who, which kind, and when it is done.
public struct Action: Sendable {
  public enum Kind: String, Sendable { case mitigate, detect, prevent }

  public var priority: String
  public var title: String
  public var kind: Kind
  public var owner: String
  public var cluster: String?
  public var done: [String]
}

/// Derives the action plan: for each cluster a fix now (mitigate), a way to see it sooner
/// (detect) and a way to stop it coming back (prevent); plus items for false greens.
struct ActionPlan {
  let run: Run
  let findings: Findings

  func actions() -> [Action] {
    var out: [Action] = []
    for c in findings.clusters {
      let p = Self.priority(c.severity)
      let owner = c.owner
      let ids = c.tests.map { run.tests[$0].id }
      var done = ids.prefix(3).map { "`\($0)` passes against the real service, not a mock" }
      if ids.count > 3 { done.append("the other \(ids.count - 3) tests of cluster `\(c.id)` pass") }
      done.append("no failure with signature `\(c.id)` in the next run")
      let what = Self.subject(c, run)
      switch c.category {
      case .infrastructure:
        out.append(
          Action(
            priority: p, title: "Restore \(what) and find why it failed (deploy, capacity, dependency)", kind: .mitigate, owner: owner,
            cluster: c.id, done: done))
        out.append(
          Action(
            priority: Self.lower(p), title: "Alert when \(what) is down or failing, before the suite runs", kind: .detect, owner: owner,
            cluster: c.id, done: ["an alert or health check fires for this failure in staging"]))
      case .auth:
        out.append(
          Action(
            priority: p, title: "Fix the credentials \(ids.count == 1 ? "this test uses" : "these \(ids.count) tests use") for \(what)",
            kind: .mitigate, owner: owner, cluster: c.id, done: done))
        out.append(
          Action(
            priority: Self.lower(p), title: "Check credentials once at the start of the suite, with a clear error", kind: .prevent,
            owner: owner, cluster: c.id, done: ["an expired or missing token fails the run up front, naming the secret"]))
      case .routing:
        out.append(
          Action(priority: p, title: "Deploy or correct the route for \(what)", kind: .mitigate, owner: owner, cluster: c.id, done: done))
        out.append(
          Action(
            priority: Self.lower(p), title: "Add a smoke test of the routes after each deploy", kind: .detect, owner: owner, cluster: c.id,
            done: ["the smoke test fails on a missing route before the suite runs"]))
      case .logic:
        out.append(
          Action(
            priority: p, title: "Fix \(ids.count == 1 ? "`\(ids[0])`" : "the \(ids.count) tests") or the code under test", kind: .mitigate,
            owner: owner, cluster: c.id, done: done))
      }
    }
    for s in findings.suspicious {
      switch s.kind {
      case .mockFallback:
        out.append(
          Action(
            priority: "P1", title: "Fail the test when it falls back to a mock: \(s.tests.map { "`\($0)`" }.joined(separator: ", "))",
            kind: .prevent, owner: "test infrastructure", cluster: nil, done: s.tests.map { "`\($0)` passes without a mock fallback" }))
      case .skippedEnvironmentDown:
        out.append(
          Action(
            priority: "P1",
            title:
              "Treat \"environment unavailable\" skips as failures in staging runs (\(s.tests.count) test\(s.tests.count == 1 ? "" : "s"))",
            kind: .detect, owner: "test infrastructure", cluster: nil, done: ["no test is skipped because the environment is down"]))
      case .hostDrift:
        out.append(
          Action(
            priority: "P2", title: "Use one spelling of the host name in every configuration", kind: .prevent, owner: "platform",
            cluster: nil, done: ["one host name per service across all artifacts"]))
      case .nothingCollected, .allSkipped:
        out.append(
          Action(
            priority: "P0", title: "Make the run execute tests: \(s.summary)", kind: .mitigate, owner: "test infrastructure", cluster: nil,
            done: ["the run collects and executes its tests"]))
      case .collectionErrors:
        out.append(
          Action(
            priority: "P1", title: "Fix the modules that fail to import (\(s.tests.count))", kind: .mitigate,
            owner: "owning team of the code under test", cluster: nil, done: s.tests.prefix(3).map { "`\($0)` is collected" }))
      case .flaky:
        out.append(
          Action(
            priority: "P2", title: "Investigate \(s.tests.count) flaky test\(s.tests.count == 1 ? "" : "s")", kind: .detect,
            owner: "owning team of the code under test", cluster: nil, done: ["the flaky tests pass without a rerun"]))
      }
    }
    return out.enumerated().sorted { a, b in
      a.element.priority != b.element.priority ? a.element.priority < b.element.priority : a.offset < b.offset
    }
    .map(\.element)
  }

  /// P0 for critical clusters, P1 for high, P2 otherwise.
  static func priority(_ s: Severity) -> String {
    switch s {
    case .critical: "P0"
    case .high: "P1"
    case .medium, .low: "P2"
    }
  }

  static func lower(_ p: String) -> String { p == "P0" ? "P1" : "P2" }

  /// What a cluster is about: its endpoint, host or the first test.
  static func subject(_ c: Cluster, _ run: Run) -> String {
    let t = run.tests[c.tests[0]]
    if let m = t.details?.message, let e = Correlator.endpoints(in: m).first { return "`\(e.host ?? "")\(e.path)`" }
    if let h = t.details?.message.flatMap({ Analyzer.hosts(in: $0).first }) { return "`\(h)`" }
    return "what `\(t.id)` depends on"
  }
}
