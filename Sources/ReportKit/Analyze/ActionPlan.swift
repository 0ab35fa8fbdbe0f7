/// One item of the action plan: what to do, how urgent, who, which kind, and when it is done.
public struct Action: Sendable {
  public enum Kind: String, Sendable { case mitigate, detect, prevent }

  /// How urgent: P0 first.
  public enum Priority: Int, Sendable, Comparable, CaseIterable, CustomStringConvertible {
    case p0, p1, p2

    public static func < (a: Priority, b: Priority) -> Bool { a.rawValue < b.rawValue }

    /// `P0`, `P1`, `P2`.
    public var description: String { "P\(rawValue)" }

    /// P0 for critical clusters, P1 for high, P2 otherwise.
    init(_ s: Severity) {
      switch s {
      case .critical: self = .p0
      case .high: self = .p1
      case .medium, .low: self = .p2
      }
    }

    /// One step less urgent (P2 stays P2).
    var lower: Priority { Priority(rawValue: rawValue + 1) ?? .p2 }
  }

  public var priority: Priority
  public var title: Phrase
  public var kind: Kind
  public var owner: String
  public var cluster: String?
  public var done: [Phrase]
}

/// Derives the action plan: for each cluster a fix now (mitigate), a way to see it sooner
/// (detect) and a way to stop it coming back (prevent); plus items for false greens. Most urgent
/// first; items of equal priority keep the order they were derived in.
struct ActionPlan {
  let run: Run
  let findings: Findings

  func actions() -> [Action] {
    let all = findings.clusters.flatMap(clusterActions) + findings.suspicious.compactMap(suspicionAction)
    return all.enumerated().sorted { a, b in
      a.element.priority != b.element.priority ? a.element.priority < b.element.priority : a.offset < b.offset
    }
    .map(\.element)
  }

  /// A mitigate item per cluster, and a detect or prevent item where its category has one.
  private func clusterActions(_ c: Cluster) -> [Action] {
    let p = Action.Priority(c.severity)
    let ids = c.tests.map { run.tests[$0].id }
    let done = doneWhen(c, ids)
    let what = Self.subject(c, run)
    func item(_ priority: Action.Priority, _ title: Phrase, _ kind: Action.Kind, _ done: [Phrase]) -> Action {
      Action(priority: priority, title: title, kind: kind, owner: c.owner, cluster: c.id, done: done)
    }
    switch c.category {
    case .infrastructure:
      return [
        item(p, "Restore \(what) and find why it failed (deploy, capacity, dependency)", .mitigate, done),
        item(
          p.lower, "Alert when \(what) is down or failing, before the suite runs", .detect,
          ["an alert or health check fires for this failure in staging"]),
      ]
    case .auth:
      let whose: Phrase = ids.count == 1 ? "this test uses" : "these \(ids.count) tests use"
      return [
        item(p, "Fix the credentials \(whose) for \(what)", .mitigate, done),
        item(
          p.lower, "Check credentials once at the start of the suite, with a clear error", .prevent,
          ["an expired or missing token fails the run up front, naming the secret"]),
      ]
    case .routing:
      return [
        item(p, "Deploy or correct the route for \(what)", .mitigate, done),
        item(
          p.lower, "Add a smoke test of the routes after each deploy", .detect,
          ["the smoke test fails on a missing route before the suite runs"]),
      ]
    case .logic:
      let which: Phrase = ids.count == 1 ? "\(code: ids[0])" : "the \(ids.count) tests"
      return [item(p, "Fix \(which) or the code under test", .mitigate, done)]
    }
  }

  /// The first three tests pass against the real service, the rest of the cluster passes, and
  /// its signature is gone from the next run.
  private func doneWhen(_ c: Cluster, _ ids: [String]) -> [Phrase] {
    var done: [Phrase] = ids.prefix(3).map { "\(code: $0) passes against the real service, not a mock" }
    if ids.count > 3 { done.append("the other \(ids.count - 3) tests of cluster \(code: c.id) pass") }
    done.append("no failure with signature \(code: c.id) in the next run")
    return done
  }

  /// The item a false green or run-health finding calls for.
  private func suspicionAction(_ s: Suspicion) -> Action? {
    func item(_ priority: Action.Priority, _ title: Phrase, _ kind: Action.Kind, _ owner: String, _ done: [Phrase]) -> Action {
      Action(priority: priority, title: title, kind: kind, owner: owner, cluster: nil, done: done)
    }
    let tests = s.tests.count
    switch s.kind {
    case .mockFallback:
      return item(
        .p1, "Fail the test when it falls back to a mock: \(Self.codeList(s.tests))", .prevent, "test infrastructure",
        s.tests.map { "\(code: $0) passes without a mock fallback" })
    case .skippedEnvironmentDown:
      return item(
        .p1, "Treat \"environment unavailable\" skips as failures in staging runs (\(tests) test\(tests == 1 ? "" : "s"))", .detect,
        "test infrastructure", ["no test is skipped because the environment is down"])
    case .hostDrift:
      return item(
        .p2, "Use one spelling of the host name in every configuration", .prevent, "platform",
        ["one host name per service across all artifacts"])
    case .nothingCollected, .allSkipped:
      return item(
        .p0, "Make the run execute tests: \(s.summary)", .mitigate, "test infrastructure", ["the run collects and executes its tests"])
    case .collectionErrors:
      return item(
        .p1, "Fix the modules that fail to import (\(tests))", .mitigate, "owning team of the code under test",
        s.tests.prefix(3).map { "\(code: $0) is collected" })
    case .flaky:
      return item(
        .p2, "Investigate \(tests) flaky test\(tests == 1 ? "" : "s")", .detect, "owning team of the code under test",
        ["the flaky tests pass without a rerun"])
    }
  }

  /// Test ids as code, separated by commas.
  static func codeList(_ ids: [String]) -> Phrase {
    Phrase(parts: ids.enumerated().flatMap { (k, id) -> [Phrase.Part] in k == 0 ? [.code(id)] : [.text(", "), .code(id)] })
  }

  /// What a cluster is about: its endpoint, host or the first test.
  static func subject(_ c: Cluster, _ run: Run) -> Phrase {
    let t = run.tests[c.tests[0]]
    if let m = t.details?.message, let e = Correlator.endpoints(in: m).first { return "\(code: (e.host ?? "") + e.path)" }
    if let h = t.details?.message.flatMap({ URLParts.hosts(in: $0).first }) { return "\(code: h)" }
    return "what \(code: t.id) depends on"
  }
}
