/// `report explain`: everything behind one test's verdict, as lines to print.
public enum Explainer {
  /// The tests whose id is `query`, or else ends with it, or else contains it.
  public static func find(_ query: String, in run: Run) -> [Int] {
    let ids = run.tests.indices.map { ($0, run.tests[$0].id) }
    for pick in [{ (id: String) in id == query }, { $0.hasSuffix(query) }, { $0.contains(query) }] {
      let hits = ids.filter { pick($0.1) }.map(\.0)
      if !hits.isEmpty { return hits }
    }
    return []
  }

  public static func lines(test i: Int, run: Run, findings: Findings, triage: Triage) -> [String] {
    let t = run.tests[i]
    var out = ["test: \(t.id)", "status: \(t.status.rawValue)\(t.phase.map { " (in \($0.rawValue))" } ?? "")"]
    if let m = t.details?.message { out.append("message: \(Excerpt.line(m))") }
    if let e = t.details?.exceptionType { out.append("exception: \(e)") }
    let classifier = triage.classifier
    let correlator = run.requests.isEmpty ? nil : Correlator(run.requests)
    let facts = classifier.facts(t, correlator: correlator)
    let s = facts.signals
    let signals = [
      s.httpStatus.map { "HTTP \($0)" }, s.grpcStatus.map { "gRPC \($0)" }, s.wsCloseCode.map { "WebSocket close \($0)" },
      s.curlExit.map { "curl exit \($0)" }, s.errnos.isEmpty ? nil : "errno \(s.errnos.map(String.init).joined(separator: ", "))",
    ].compactMap { $0 }
    out.append("signals in the text: \(signals.isEmpty ? "none" : signals.joined(separator: ", "))")
    if !facts.linked.isEmpty {
      out.append("correlated curl exchanges:")
      for x in facts.linked.prefix(5) {
        let r = run.requests[x.index]
        out.append(
          "  \(r.method ?? "?") \(r.url ?? "?") -> \(r.status.map(String.init) ?? "no status")\(r.curlExit.map { ", curl exit \($0)" } ?? "")"
        )
      }
    }
    guard let c = findings.classifications[i] else {
      out.append("verdict: none (only failed, errored and flaky tests are classified)")
      return out
    }
    out.append("category: \(c.category.rawValue)")
    out.append("rule: \(c.rule) (\(c.confidence.rawValue) confidence)")
    if let cause = c.symptomOf {
      out.append(
        "confidence lowered: most failures of this run are \(cause.rawValue), and nothing in this one says otherwise: it may be a symptom")
    }
    if findings.flaky.contains(i) { out.append("flaky: this verdict is on its failing attempt; it passed on a rerun") }
    if let rule = classifier.ranked.first(where: { $0.id == c.rule }) { out.append("why: \(rule.rationale)") }
    out.append("evidence:")
    for e in c.evidence { out.append("  \(e.path):\(e.line): \(e.text)") }
    if let k = findings.clusterOf[i] {
      let cl = findings.clusters[k]
      out.append("cluster: \(cl.id) (\(cl.tests.count) test\(cl.tests.count == 1 ? "" : "s"), severity \(cl.severity.rawValue))")
      out.append("  signature: \(Signature.version):\(cl.signature)")
    }
    let also = classifier.matching(facts).dropFirst().prefix(5)
    if !also.isEmpty {
      out.append("also matched, lost on precedence:")
      for m in also { out.append("  \(m.rule.id) (\(m.rule.category.rawValue), \(m.rule.signal.rawValue) signal)") }
    }
    let near = classifier.nearMisses(facts)
    if !near.isEmpty {
      out.append("almost matched:")
      for n in near { out.append("  \(n.rule.id) (\(n.rule.category.rawValue)): \(n.held) of \(n.of) conditions held") }
    }
    return out
  }
}
