/// Groups classified failures by signature and gives each group its severity, owner and known issue.
struct Clusterer {
  let config: ReportConfig

  /// `failing`: the classified tests in id order; `signatures`: theirs, in the same order.
  func clusters(_ run: Run, failing: [Int], signatures: [String], _ classified: [Int: Classification]) -> (
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
    let totalFailures = max(classified.count, 1)
    var out: [Cluster] = groups.compactMap { (sig, members) in
      guard let first = classified[members[0]] else { return nil }  // every member was classified
      var ruleCounts: [String: Int] = [:]
      for m in members { if let rule = classified[m]?.rule { ruleCounts[rule, default: 0] += 1 } }
      let rules = ruleCounts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key)
      let id = Signature.clusterID(sig)
      let type = run.tests[members[0]].details?.exceptionType
      let reason =
        "\(members.count) failure\(members.count == 1 ? "" : "s") with category \(first.category.rawValue)"
        + (type.map { ", exception '\($0)'" } ?? ", no exception type")
        + " and the same first message line once ids, numbers, addresses and times are masked (the signature)"
        + " (decided by \(rules.map { "'\($0)'" }.joined(separator: ", ")))."
      let file = run.tests[members[0]].details?.file ?? run.tests[members[0]].idFile
      return Cluster(
        id: id, signature: sig, category: first.category, rules: rules, tests: members,
        evidence: first.evidence[0], reason: reason,
        severity: severity(id: id, category: first.category, rule: rules[0], count: members.count, total: totalFailures),
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
