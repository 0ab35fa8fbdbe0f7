/// A possible root cause of a cluster, with the log lines for and against it.
public struct Hypothesis: Sendable {
  public var statement: Phrase
  public var support: [Evidence]
  public var against: [Evidence]

  var score: Int { support.count - against.count }
}

/// Ranks root-cause hypotheses per cluster by the evidence the run holds for and against each.
/// The statements name the cluster's endpoint and address; only hypotheses that some line speaks
/// for or against are kept.
struct Hypotheses {
  let run: Run
  let findings: Findings
  /// Up to three status lines of requests answered below 400, by `host:port` and by
  /// `host:port/path`, for the places the clusters' endpoints name: built once, so a run of
  /// 100,000 requests is not scanned per cluster (and not indexed by every place it reached).
  private let answeredLines: [Place: [Evidence]]

  /// A host and port, with a path or without one (`path` nil: any path there).
  private struct Place: Hashable {
    var host: String?
    var port: Int?
    var path: String?
  }

  /// `endpoints`: those of the clusters' stories, the only places `ranked` asks about.
  init(run: Run, findings: Findings, endpoints: [Endpoint?]) {
    self.run = run
    self.findings = findings
    var wanted = Set<Place>()
    for case let e? in endpoints {
      guard let host = e.host else { continue }
      wanted.insert(Place(host: host, port: e.port))
      wanted.insert(Place(host: host, port: e.port, path: e.path))
    }
    var index: [Place: [Evidence]] = [:]
    guard !wanted.isEmpty else {
      answeredLines = index
      return
    }
    // By index: an exchange copied out of the array retains its nine references.
    for i in run.requests.indices where (run.requests[i].status ?? 999) < 400 {
      guard let url = run.requests[i].url, let e = Endpoint(url: url),
        let line = run.requests[i].statusLine ?? run.requests[i].evidence.last
      else { continue }
      for key in [Place(host: e.host, port: e.port), Place(host: e.host, port: e.port, path: e.path)]
      where wanted.contains(key) && index[key, default: []].count < 3 {
        index[key, default: []].append(line)
      }
    }
    answeredLines = index
  }

  func ranked(for c: Cluster, story: ClusterStory) -> [Hypothesis] {
    // The evidence of a few hundred members is enough to rank; a 50,000-test cluster reads no more.
    let members = c.tests.prefix(200)
    let texts = members.map { run.tests[$0].details?.message ?? "" }
    // Which words each message holds, found in one pass over it when first asked (a search per
    // word and message cost 150 samples of 600 in the analysis of JUnit 1M).
    var found = [PhraseSet.Found?](repeating: nil, count: texts.count)
    let said = [story.response?.reason, story.response?.challenge].compactMap { $0 }
    /// Lines of the members (their verdict's first line) and of what the service said that hold one of `words`.
    func lines(_ words: [String]) -> [Evidence] {
      var out: [Evidence] = []
      for fact in said where words.contains(where: { fact.text.lowercased().utf8Contains($0) }) { out.append(fact.evidence) }
      let ids = words.compactMap { Words.phrases.ids[$0] }  // every word of `Words` is there
      for k in texts.indices {
        let holds = found[k] ?? Words.phrases.find(inLowercasing: texts[k])
        found[k] = holds
        guard ids.contains(where: holds.contains) else { continue }
        if let e = findings.classifications[members[members.startIndex + k]]?.evidence.first, !out.contains(e) { out.append(e) }
        if out.count >= 3 { break }
      }
      return out
    }
    let endpoint = story.endpoint
    let address = endpoint?.address
    let target: Phrase =
      address.map { "the service at \(code: $0)" } ?? endpoint.map { "the service behind \(code: $0.path)" } ?? "a dependency"
    let subject: Phrase =
      address.map { "The service at \(code: $0)" } ?? endpoint.map { "The service behind \(code: $0.path)" } ?? "A dependency"
    let drift = findings.suspicious.filter { $0.kind == .hostDrift }.flatMap(\.evidence)
    var out: [Hypothesis]
    switch c.category {
    case .infrastructure:
      out = [
        Hypothesis(
          statement: "\(subject) was down, not deployed, or not listening",
          support: lines(Words.down),
          against: answered(at: endpoint)),
        Hypothesis(
          statement: "A dependency of \(target) ran out of capacity (connections, memory, workers)",
          support: lines(Words.capacity), against: []),
        Hypothesis(
          statement: "\(subject) was too slow for the client's timeout",
          support: lines(Words.slow), against: []),
        Hypothesis(
          statement: "\(subject) was shedding load or in maintenance (it asked clients to retry later)",
          support: story.response?.retryAfter.map { [$0.evidence] } ?? [], against: []),
        Hypothesis(
          statement: "The test environment's network, DNS or TLS was misconfigured",
          support: lines(Words.network) + drift, against: []),
      ]
    case .auth:
      out = [
        Hypothesis(
          statement: "The token the tests send expired or was not refreshed", support: lines(Words.expired), against: []),
        Hypothesis(
          statement: "The secret or signing key differs between the tests and \(target)",
          support: lines(Words.secret), against: []),
        Hypothesis(
          statement: "The test user lacks the role or scope \(endpoint.map { "\(code: $0.short)" } ?? "the endpoint") needs",
          support: lines(Words.scope), against: []),
      ]
    case .routing:
      out = [
        Hypothesis(
          statement: endpoint.map { e in "The route \(code: e.path) is not deployed on \(target)" }
            ?? "The route the tests call is not deployed in this environment",
          support: lines(Words.route),
          against: answered(at: endpoint, samePath: true)),
        Hypothesis(
          statement: "The base URL or host name in the test configuration is wrong",
          support: lines(Words.baseURL) + drift, against: []),
      ]
    case .logic:
      out = [
        Hypothesis(
          statement: "The code under test changed its behaviour", support: lines(Words.changed),
          against: []),
        Hypothesis(
          statement: "The test's assumptions or data are out of date",
          support: lines(Words.stale), against: []),
      ]
    }
    return out.filter { !$0.support.isEmpty || !$0.against.isEmpty }.enumerated()
      .sorted { a, b in a.element.score != b.element.score ? a.element.score > b.element.score : a.offset < b.offset }
      .map(\.element)
  }

  /// The words each hypothesis looks for in the members' messages (lower case: any case in the
  /// message, as `lowercased()` reads it).
  enum Words {
    static let down = ["refused", "unavailable", "503", "502", "not known", "reset", "no close frame", "unreachable"]
    static let capacity = ["exhausted", "too many connections", "capacity", "out of memory", "overload", "429"]
    static let slow = ["timed out", "timeout", "deadline", "504"]
    static let network = ["ssl", "certificate", "resolve", "name or service", "network is unreachable"]
    static let expired = ["expired", "exp claim"]
    static let secret = ["signature", "invalid", "malformed", "secret", "mismatch"]
    static let scope = ["403", "forbidden", "permission", "scope", "role"]
    static let route = ["404", "not found", "unimplemented", "no route", "cannot get", "405"]
    static let baseURL = ["invalid url", "no scheme", "redirect", "moved"]
    static let changed = ["assert", "expected", "!=", "==", "mismatch"]
    static let stale = ["keyerror", "nonetype", "undefined", "indexerror", "not found", "attributeerror"]

    /// Every word above, found in a message in one pass.
    static let phrases = PhraseSet([down, capacity, slow, network, expired, secret, scope, route, baseURL, changed, stale].flatMap { $0 })
  }

  /// Requests to the same host and port (and path, when asked) that were answered below 400:
  /// the service was up for them.
  private func answered(at endpoint: Endpoint?, samePath: Bool = false) -> [Evidence] {
    guard let endpoint, let host = endpoint.host else { return [] }
    return answeredLines[Place(host: host, port: endpoint.port, path: samePath ? endpoint.path : nil)] ?? []
  }
}
