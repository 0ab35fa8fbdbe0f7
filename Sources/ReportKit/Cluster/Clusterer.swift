import Dispatch

/// Groups classified failures by signature and gives each group its severity, owner and known issue.
struct Clusterer {
  let config: ReportConfig

  /// `failing`: the classified tests in id order; `signatures`: theirs, in the same order.
  func clusters(
    _ run: Run, failing: [Int], signatures: [String], _ classified: Classifications, flaky: Set<Int> = []
  ) -> (
    clusters: [Cluster], clusterOf: [Int: Int]
  ) {
    var groupOf: [String: Int] = [:]
    var groups: [(signature: String, members: [Int])] = []  // in the order signatures first appear
    for (k, i) in failing.enumerated() {
      let sig = signatures[k]
      if let g = groupOf[sig] {
        groups[g].members.append(i)
      } else {
        groupOf[sig] = groups.count
        groups.append((sig, [i]))
      }
    }
    let totalFailures = max(classified.count - flaky.count, 1)
    var out: [Cluster] = groups.compactMap { (sig, members) in
      guard let first = classified[members[0]] else { return nil }  // every member was classified
      var ruleCounts: [String: Int] = [:]
      for m in members { if let rule = classified[m]?.rule { ruleCounts[rule, default: 0] += 1 } }
      let rules = ruleCounts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key)
      let id = Signature.clusterID(sig)
      let type = run.tests[members[0]].details?.exceptionType
      let flakyCount = flaky.isEmpty ? 0 : members.count { flaky.contains($0) }
      let reason =
        "\(members.count) failure\(members.count == 1 ? "" : "s")"
        + (flakyCount > 0 ? " (\(flakyCount) of them passed on a rerun)" : "")
        + " with category \(first.category.rawValue)"
        + (type.map { ", exception '\($0)'" } ?? ", no exception type")
        + " and the same first message line once ids, numbers, addresses and times are masked (the signature)"
        + " (decided by \(rules.map { "'\($0)'" }.joined(separator: ", ")))."
      let file = run.tests[members[0]].details?.file ?? run.tests[members[0]].idFile
      // A failure that passed on a rerun still happened; a cluster of only such tests is low.
      let staying = members.count - flakyCount
      return Cluster(
        id: id, signature: sig, category: first.category, rules: rules, tests: members, flaky: flakyCount,
        evidence: first.evidence[0], reason: reason,
        severity: staying == 0 && config.severity[id] == nil
          ? .low : severity(id: id, category: first.category, rule: rules[0], count: staying, total: totalFailures),
        owner: config.owner(file: file, category: first.category) ?? Self.defaultOwner(first.category),
        knownIssue: config.knownIssues.first { $0.matches(clusterID: id, rule: rules[0], signature: sig) }?.issue)
    }
    // Most severe first, then largest: the order of "critical findings".
    out.sort { a, b in
      if a.severity != b.severity { return a.severity > b.severity }
      return a.tests.count != b.tests.count ? a.tests.count > b.tests.count : a.id < b.id
    }
    var clusterOf: [Int: Int] = [:]
    for (k, c) in out.enumerated() { for t in c.tests { clusterOf[t] = k } }
    return (out, clusterOf)
  }

  /// Clusters of failed requests (indices into `run.requests`): one per method, route and
  /// answer, or per host or answer where the failures spread wider (see `RequestGrouping`).
  /// `workers`: how many threads classify the requests (by default two from 4,096 requests on).
  func requestClusters(_ run: Run, _ requests: [Int], classifier: Classifier, totalFailures: Int, workers: Int? = nil) -> [Cluster] {
    // Each request is classified and keyed by itself: two workers over interleaved slices, each
    // with its own memo of the kinds it decided (a kind's rule is the same whoever decides it).
    let workers = workers ?? (requests.count >= 4096 ? 2 : 1)
    var verdicts = [Classification?](repeating: nil, count: requests.count)
    // Each item is made where it is kept (a list of optionals unwrapped after copied each item,
    // retaining its four strings).
    let items = [RequestGrouping.Item](unsafeUninitializedCapacity: requests.count) { buffer, initialized in
      let it = UncheckedBuffer(buffer)
      verdicts.withUnsafeMutableBufferPointer { v in
        let v = UncheckedBuffer(v)
        DispatchQueue.concurrentPerform(iterations: workers) { w in
          var decided: [Classifier.RequestKind: Int] = [:]
          // Fields read in place, through the buffer: an exchange copied out of the array
          // retains its nine references.
          run.requests.withUnsafeBufferPointer { exchanges in
            for k in stride(from: w, to: requests.count, by: workers) {
              let r = requests[k]
              let verdict = classifier.classify(request: r, of: exchanges, decided: &decided)
              v.base[k] = verdict
              let item = RequestGrouping.Item(
                index: r, category: verdict.category, method: exchanges[r].method ?? "GET", host: exchanges[r].host ?? "?",
                route: Correlator.route(ofURL: exchanges[r].url),
                answer: exchanges[r].status.map(String.init) ?? exchanges[r].curlExit.map { "curl \($0)" } ?? "no answer")
              it.base.initializeElement(at: k, to: item)
            }
          }
        }
      }
      initialized = requests.count  // every slot, by one worker each
    }
    // A request's verdict by its index in the run (requests are in run order).
    func verdictOf(_ r: Int) -> Classification? {
      let k = requests.partitionPoint { $0 < r }
      return k < requests.count && requests[k] == r ? verdicts[k] : nil
    }
    let out = RequestGrouping.groups(items).compactMap { g -> Cluster? in
      guard let verdict = verdictOf(g.members[0]) else { return nil }  // every member was classified
      let sig = g.signature
      var ruleCounts: [String: Int] = [:]
      for m in g.members { if let rule = verdictOf(m)?.rule { ruleCounts[rule, default: 0] += 1 } }
      let rules = ruleCounts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key)
      let id = Signature.clusterID(sig)
      let n = g.members.count
      let scope =
        switch g.scope {
        case .answer:
          "the same answer, given by \(RequestGrouping.spread) or more hosts on \(RequestGrouping.spread) or more routes each"
        case .host: "the same host and answer, on \(RequestGrouping.spread) or more routes"
        case .route: "the same method, host, route and answer"
        }
      let reason =
        "\(n) failed request\(n == 1 ? "" : "s") that no failing test names, with \(scope) (decided by \(rules.map { "'\($0)'" }.joined(separator: ", ")))."
      return Cluster(
        id: id, signature: sig, category: verdict.category, rules: rules, tests: [], requests: g.members, spread: g.spread,
        evidence: verdict.evidence.first ?? Evidence(path: "", line: 0, text: sig), reason: reason,
        severity: severity(id: id, category: verdict.category, rule: rules[0], count: n, total: max(totalFailures, 1)),
        owner: config.owners[verdict.category] ?? Self.defaultOwner(verdict.category),
        knownIssue: config.knownIssues.first { $0.matches(clusterID: id, rule: rules[0], signature: sig) }?.issue)
    }
    return out.sorted { a, b in
      a.severity != b.severity ? a.severity > b.severity : (a.requests.count, b.id) > (b.requests.count, a.id)
    }
  }

  /// report.yml first (cluster id, rule id, category), else from category and blast radius.
  private func severity(id: String, category: Category, rule: String, count: Int, total: Int) -> Severity {
    if let s = config.severity[id] ?? config.severity[rule] ?? config.severity[category.rawValue] { return s }
    let wide = count >= 5 || count * 5 >= total && total >= 5
    switch category {
    case .infrastructure: return wide ? .critical : .high
    case .auth: return wide ? .critical : .high
    case .routing: return wide ? .high : .medium
    case .logic: return wide ? .medium : .low
    }
  }

  /// Who to ask when report.yml names nobody.
  static func defaultOwner(_ c: Category) -> String {
    switch c {
    case .infrastructure: "platform / on-call"
    case .auth: "identity / security"
    case .routing: "API gateway owners"
    case .logic: "owning team of the code under test"
    }
  }
}
