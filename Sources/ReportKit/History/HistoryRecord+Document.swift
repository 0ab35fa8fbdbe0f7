/// The record of an earlier run, read from its report.json (`report history import`).
extension HistoryRecord {
  /// A report.json whose time cannot be read.
  struct BadTime: Error, CustomStringConvertible {
    var text: String
    var description: String { "generated_at '\(text)' is not an ISO 8601 time" }
  }

  init(document doc: ReportSchema.Document) throws {
    guard let at = HistoryTime.parse(doc.generated_at) else { throw BadTime(text: doc.generated_at) }
    runKey = doc.run_id
    atText = doc.generated_at
    self.at = at
    source = .import
    let clusters = doc.clusters ?? []
    signatureVersion =
      clusters.first.flatMap { c in c.signature.split(separator: ":", maxSplits: 1).first.map(String.init) } ?? Signature.version
    totals = Totals(doc.totals)
    // A report/1 written before classification has no counts per category: count its tests.
    let byCategory = doc.failures_by_category ?? Dictionary(doc.tests.compactMap { $0.category }.map { ($0, 1) }, uniquingKeysWith: +)
    failures = Category.allCases.map { byCategory[$0.rawValue] ?? 0 }
    var firstTests: [String: ReportSchema.Test] = [:]
    let wanted = Set(clusters.compactMap(\.tests.first))
    for test in doc.tests where wanted.contains(test.id) { firstTests[test.id] = test }
    self.clusters = clusters.map { c in
      let first = c.tests.first.flatMap { firstTests[$0] }
      return Cluster(
        id: c.id,
        title: c.title
          ?? Self.title(message: first?.message, exceptionType: first?.exception_type, status: first?.status ?? "failed"),
        category: c.category, severity: c.severity, signature: c.signature, tests: c.count, owner: c.owner)
    }
    endpoints = (doc.metrics?.endpoints ?? []).map {
      Endpoint(name: $0.name, host: $0.host, requests: $0.requests, failures: Self.failures($0.statuses), p50: $0.p50_ms, p95: $0.p95_ms)
    }
    suspicious = (doc.suspicious ?? []).flatMap {
      Self.findings(kind: $0.kind, category: $0.category, summary: $0.summary, tests: $0.tests)
    }
    actions = (doc.actions ?? []).map {
      ActionItem(priority: $0.priority, title: $0.title, kind: $0.type, owner: $0.owner, cluster: $0.cluster, doneWhen: $0.done_when)
    }
    tests = .document(doc.tests)
  }
}
