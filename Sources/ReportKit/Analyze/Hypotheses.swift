/// A possible root cause of a cluster, with the log lines for and against it.
public struct Hypothesis: Sendable {
  public var statement: String
  public var support: [Evidence]
  public var against: [Evidence]

  var score: Int { support.count - against.count }
}

/// Ranks root-cause hypotheses per cluster by the evidence the run holds for and against each.
/// The statements are the usual causes of the category; the evidence is what the logs show.
struct Hypotheses {
  let run: Run
  let findings: Findings

  func ranked(for c: Cluster) -> [Hypothesis] {
    // The evidence of a few hundred members is enough to rank; a 50,000-test cluster reads no more.
    let members = c.tests.prefix(200).map { run.tests[$0] }
    let texts = members.map { ($0.details?.message ?? "").lowercased() }
    /// The first evidence line of each member whose message holds one of `words`.
    func lines(_ words: [String]) -> [Evidence] {
      var out: [Evidence] = []
      for (k, t) in texts.enumerated() where words.contains(where: { t.utf8Contains($0) }) {
        if let e = findings.classifications[c.tests[k]]?.evidence.first { out.append(e) }
        if out.count == 3 { break }
      }
      return out
    }
    let hosts = Set(members.compactMap { $0.details?.message }.flatMap { URLParts.hosts(in: $0) })
    // Requests to the same hosts that were answered below 400: the service was up for them.
    let answered = run.requests.filter { r in (r.status ?? 999) < 400 && r.host.map { hosts.contains($0.lowercased()) } == true }
      .compactMap { $0.statusLine ?? $0.evidence.last }.prefix(3)
    let drift = findings.suspicious.filter { $0.kind == .hostDrift }.flatMap(\.evidence)
    var out: [Hypothesis]
    switch c.category {
    case .infrastructure:
      out = [
        Hypothesis(
          statement: "The service or a dependency was down or not deployed",
          support: lines(["refused", "unavailable", "503", "502", "not known", "reset", "no close frame"]), against: Array(answered)),
        Hypothesis(
          statement: "The service was overloaded or too slow for the client's timeout",
          support: lines(["timed out", "timeout", "deadline", "504", "429", "exhausted"]), against: []),
        Hypothesis(
          statement: "The test environment itself (network, DNS, TLS) was misconfigured",
          support: lines(["ssl", "certificate", "resolve", "name or service"]) + drift, against: []),
      ]
    case .auth:
      out = [
        Hypothesis(statement: "The token expired or was not refreshed", support: lines(["expired", "exp"]), against: []),
        Hypothesis(
          statement: "The secret or signing key differs between the tests and the service",
          support: lines(["signature", "invalid", "malformed", "secret"]), against: []),
        Hypothesis(
          statement: "The caller lacks the role or scope the endpoint needs",
          support: lines(["403", "forbidden", "permission", "scope", "role"]), against: []),
      ]
    case .routing:
      out = [
        Hypothesis(
          statement: "The route is not deployed in this environment or version",
          support: lines(["404", "not found", "unimplemented", "no route", "cannot get"]), against: Array(answered)),
        Hypothesis(
          statement: "The base URL or host name in the test configuration is wrong",
          support: lines(["invalid url", "no scheme", "missing", "redirect"]) + drift, against: []),
      ]
    case .logic:
      out = [
        Hypothesis(
          statement: "The code under test changed its behaviour", support: lines(["assert", "expected", "!=", "=="]), against: []),
        Hypothesis(
          statement: "The test's assumptions or data are out of date",
          support: lines(["keyerror", "none", "undefined", "index", "not found"]), against: []),
      ]
    }
    return out.enumerated().sorted { a, b in a.element.score != b.element.score ? a.element.score > b.element.score : a.offset < b.offset }
      .map(\.element)
  }
}
