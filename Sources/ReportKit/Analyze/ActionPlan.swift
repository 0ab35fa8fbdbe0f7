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
  /// The clusters this item answers (one item can serve several: "add a smoke test of the routes").
  public var clusters: [String]
  public var done: [Phrase]
}

/// Derives the action plan: per cluster a fix now (mitigate) that names the endpoint, address,
/// package or variable, and a way to see it sooner (detect) or stop it coming back (prevent);
/// plus items for false greens. An item two clusters call for is listed once, for both. Most
/// urgent first; items of equal priority keep the order they were derived in.
struct ActionPlan {
  let run: Run
  let findings: Findings
  let stories: [ClusterStory]

  func actions() -> [Action] {
    var all: [Action] = []
    for (k, c) in findings.clusters.enumerated() { all += clusterActions(c, stories[k]) }
    all += findings.suspicious.compactMap(suspicionAction)
    var merged: [Action] = []
    var index: [Phrase: Int] = [:]
    for a in all {
      guard let k = index[a.title] else {
        index[a.title] = merged.count
        merged.append(a)
        continue
      }
      merged[k].priority = min(merged[k].priority, a.priority)
      merged[k].clusters += a.clusters.filter { !merged[k].clusters.contains($0) }
      merged[k].done += a.done.filter { !merged[k].done.contains($0) }
    }
    return merged.enumerated().sorted { a, b in
      a.element.priority != b.element.priority ? a.element.priority < b.element.priority : a.offset < b.offset
    }
    .map(\.element)
  }

  /// A mitigate item per cluster, and a detect or prevent item where its category has one.
  private func clusterActions(_ c: Cluster, _ story: ClusterStory) -> [Action] {
    let p = Action.Priority(c.severity)
    let done = doneWhen(c, story)
    func item(_ priority: Action.Priority, _ title: Phrase, _ kind: Action.Kind, _ done: [Phrase]) -> Action {
      Action(priority: priority, title: title, kind: kind, owner: c.owner, clusters: [c.id], done: done)
    }
    let e = story.endpoint
    // A cluster whose tests name other addresses too says so wherever it names the first.
    let more = story.elsewhere(afterPath: false)
    let at: Phrase = e.flatMap { $0.path.isEmpty ? nil : $0.address }.map { " on \(code: $0)\(more)" } ?? ""
    let shortMore: Phrase = e?.path.isEmpty == true ? more : ""
    let said: Phrase = (story.response?.reason ?? story.response?.challenge).map { " (the service says: \(code: $0.text))" } ?? ""
    switch c.category {
    case .infrastructure:
      if let fix = environmentFix(story) { return [item(p, fix, .mitigate, done)] }
      if let e, story.transport == "connection refused" {
        return [
          item(p, "Start or redeploy the service\(at) that refused \(code: e.short)\(shortMore)", .mitigate, done),
          item(
            p.lower, "Check that \(code: e.address ?? e.path) accepts connections before the suite runs", .detect,
            [
              "the pipeline stops with a clear error when \(code: e.address ?? e.path) is down"
            ]),
        ]
      }
      if let e, story.transport == "timed out" {
        return [
          item(
            p,
            "Find why \(code: e.short)\(shortMore)\(at) \(story.otherAddresses > 0 ? "do" : "does") not answer within the client's timeout",
            .mitigate, done),
          item(
            p.lower, "Alert on the latency of \(code: e.short) in staging", .detect,
            ["an alert fires when its p95 passes the client's timeout"]),
        ]
      }
      if let e {
        return [
          item(p, "Restore \(code: e.short)\(shortMore)\(at)\(said)", .mitigate, done),
          item(
            p.lower, "Alert when \(code: e.short) answers 5xx or not at all, before the suite runs", .detect,
            [
              "a health check of \(code: e.short) fails the pipeline before the tests run"
            ]),
        ]
      }
      let what: Phrase = story.transport.map { " (\($0))" } ?? story.exceptionType.map { " (\(code: Self.shortType($0)))" } ?? ""
      return [
        item(p, "Find and restore what \(subjectTest(c, story)) \(c.tests.count == 1 ? "depends" : "depend") on\(what)", .mitigate, done),
        item(
          p.lower, "Check the environment's services are up before the suite runs", .detect,
          ["the pipeline waits for a healthy environment"]),
      ]
    case .auth:
      let target: Phrase = e.map { "\(code: $0.short)\(shortMore)\(at)" } ?? subjectTest(c, story)
      let fix: Phrase =
        (story.statedStatus == 403 || story.response?.exchange.status == 403)
        ? "Grant the test user the role or scope \(target) needs\(said)"
        : "Refresh or replace the credentials the tests send to \(target)\(said)"
      return [
        item(p, fix, .mitigate, done),
        item(
          p.lower, "Check the suite's credentials once, up front, with an error that names the secret", .prevent,
          ["an expired or missing token fails the run before the first test"]),
      ]
    case .routing:
      let one = c.tests.count == 1
      let fix: Phrase =
        story.spread.flatMap { s in
          e.map {
            "Deploy the \(s.routes) routes \(code: $0.short) does not serve, or correct the path or base URL the requests use\(said)"
          }
        }
        ?? e.map { "Deploy \(code: $0.short)\(shortMore)\(at), or correct the path or base URL the tests call\(said)" }
        ?? "Find the route\(one ? "" : "s") \(subjectTest(c, story)) call\(one ? "s" : "") and deploy \(one ? "it" : "them"), or correct the path or base URL"
      return [
        item(p, fix, .mitigate, done),
        item(
          p.lower, "Add a smoke test of the routes the suite calls, run after each deploy", .detect,
          [
            "the smoke test fails on a missing route before the suite runs"
          ]),
      ]
    case .logic:
      let what: Phrase = story.exceptionType.map { " (\(code: Self.shortType($0)))" } ?? ""
      return [item(p, "Fix \(subjectTest(c, story)) or the code under test\(what)", .mitigate, done)]
    }
  }

  /// A set-up the environment lacks, named: a package to install, a variable to set.
  private func environmentFix(_ story: ClusterStory) -> Phrase? {
    let m = story.message
    if let name = Self.quoted(after: "No module named ", in: m) {
      return "Install the package that provides \(code: name) in the test environment"
    }
    if story.exceptionType?.hasSuffix("KeyError") == true, m.contains("environ") || m.contains("getenv"),
      let name = Self.quoted(after: "KeyError: ", in: m)
    {
      return "Set \(code: name) in the test environment"
    }
    return nil
  }

  /// When a cluster is fixed: its endpoint answers, its tests pass (against the real service where
  /// a mock was involved), and its signature is gone from the next run.
  private func doneWhen(_ c: Cluster, _ story: ClusterStory) -> [Phrase] {
    let ids = c.tests.prefix(3).map { run.tests[$0].id }  // three are named; the rest counted
    let mocked = Set(findings.suspicious.filter { $0.kind == .mockFallback }.flatMap(\.tests))
    var done: [Phrase] = []
    if let e = story.endpoint, c.category != .logic {
      done.append("\(e.located) answers as the tests expect")
    }
    done += ids.map { id in
      mocked.contains(id) ? "\(code: id) passes against the real service, not a mock" : "\(code: id) passes again"
    }
    if c.tests.count > 3 { done.append("the other \(c.tests.count - 3) tests of cluster \(code: c.id) pass") }
    done.append("no failure with signature \(code: c.id) in the next run")
    return done
  }

  /// The item a false green or run-health finding calls for.
  private func suspicionAction(_ s: Suspicion) -> Action? {
    func item(_ priority: Action.Priority, _ title: Phrase, _ kind: Action.Kind, _ owner: String, _ done: [Phrase]) -> Action {
      Action(priority: priority, title: title, kind: kind, owner: owner, clusters: [], done: done)
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
        .p2, "Use one spelling of the host name in every configuration: \(Self.codeList(s.hosts))", .prevent, "platform",
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
    case .tooFast:
      return item(
        .p2, "Check that the fast passes ran their steps: \(Self.codeList(s.tests))", .detect, "test infrastructure",
        ["each of them takes about as long as its peers, or asserts why it need not"])
    }
  }

  /// The first test of a cluster, or `the N tests`.
  private func subjectTest(_ c: Cluster, _ story: ClusterStory) -> Phrase {
    guard let first = c.tests.first else {
      guard let hosts = story.spread?.hosts, hosts.count > 1 else { return "the failing requests" }
      let more: Phrase = hosts.count > 3 ? " and \(hosts.count - 3) more" : ""
      return "the requests to \(hosts.count) hosts (\(Self.codeList(Array(hosts.prefix(3))))\(more))"
    }
    return c.tests.count == 1 ? "\(code: run.tests[first].id)" : "the \(c.tests.count) tests"
  }

  /// Ids as code, separated by commas.
  static func codeList(_ ids: [String]) -> Phrase {
    Phrase(parts: ids.enumerated().flatMap { (k, id) -> [Phrase.Part] in k == 0 ? [.code(id)] : [.text(", "), .code(id)] })
  }

  /// `requests.exceptions.ConnectionError` → `ConnectionError`.
  static func shortType(_ t: String) -> String { t.split(separator: ".").last.map(String.init) ?? t }

  /// The quoted name after `prefix`: `No module named 'socks'` → `socks`.
  static func quoted(after prefix: String, in text: String) -> String? {
    guard let r = text.range(of: prefix) else { return nil }
    let rest = text[r.upperBound...]
    guard let q = rest.first, q == "'" || q == "\"" else { return nil }
    let name = rest.dropFirst().prefix { $0 != q }
    return name.isEmpty ? nil : String(name)
  }
}
