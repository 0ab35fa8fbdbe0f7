/// The context a worklog gives before its findings: how the run was set up, what it ran against,
/// when, and what works. Everything here comes from the logs, with the lines that show it.
public struct RunContext: Sendable {
  /// A base URL the run talked to (`http://127.0.0.1:34517`), with how its requests went.
  public struct Target: Sendable {
    public var base: String
    public var requests: Int
    public var failed: Int
    /// Failing tests whose failure names this base URL.
    public var failingTests: Int
  }

  /// What passed: an endpoint that only answered below 400, or a file whose tests all passed.
  public struct Working: Sendable {
    public enum Kind: Sendable { case endpoint, file }
    public var kind: Kind
    public var name: String
    public var count: Int
  }

  /// The tools' own header lines: pytest's platform, rootdir, configfile, plugins, collected; a
  /// JUnit suite's timestamp and host. One per distinct text.
  public var setup: [Evidence]
  public var targets: [Target]
  public var works: [Working]

  init(run: Run, stories: [ClusterStory], clusters: [Cluster], metrics: Metrics) {
    var seen = Set<String>()
    setup = run.inputs.flatMap { ($0.environment.map { [$0] } ?? []) + $0.setup }.filter { seen.insert($0.text).inserted }
    targets = Self.targets(run, stories, clusters)
    // Lazily: the first ten are taken, not a copy of every endpoint that works (50k on curl 100k).
    works =
      metrics.endpoints.lazy.filter { e in e.statuses.keys.allSatisfy { Int($0).map { $0 < 400 } ?? false } }.prefix(10)
      .map { Working(kind: .endpoint, name: $0.name, count: $0.requests) }
      + metrics.passingFiles.prefix(10).map { Working(kind: .file, name: $0.file, count: $0.tests) }
  }

  /// Base URLs from the curl exchanges and from the endpoints the failures name, most used first.
  private static func targets(_ run: Run, _ stories: [ClusterStory], _ clusters: [Cluster]) -> [Target] {
    var index: [String: Int] = [:]
    var out: [Target] = []
    func slot(_ base: String) -> Int {
      if let k = index[base] { return k }
      index[base] = out.count
      out.append(Target(base: base, requests: 0, failed: 0, failingTests: 0))
      return out.count - 1
    }
    // Fields read in place: an exchange copied out of the array retains its references.
    for i in run.requests.indices {
      guard let url = run.requests[i].url, let e = Endpoint(url: url), let base = base(e) else { continue }
      let k = slot(base)
      out[k].requests += 1
      if run.requests[i].failed { out[k].failed += 1 }
      if out.count > 200 { break }
    }
    for (k, s) in stories.enumerated() {
      guard let e = s.endpoint, let base = base(e), k < clusters.count else { continue }
      out[slot(base)].failingTests += clusters[k].tests.count
    }
    return out.sorted { ($0.requests + $0.failingTests, $1.base) > ($1.requests + $1.failingTests, $0.base) }
  }

  /// `scheme://host:port` of an endpoint whose host is known.
  private static func base(_ e: Endpoint) -> String? {
    guard let host = e.host else { return nil }
    return (e.scheme ?? "http") + "://" + host + (e.port.map { ":\($0)" } ?? "")
  }
}
