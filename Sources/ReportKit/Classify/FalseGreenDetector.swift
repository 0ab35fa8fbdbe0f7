/// Finds results that look better than they are: passes that fell back to a mock, skips because
/// the environment was down, runs that collected nothing, collection errors and flaky tests.
struct FalseGreenDetector {
  let classifier: Classifier

  func detect(_ run: Run) -> [Suspicion] {
    var out: [Suspicion] = []
    out += mockFallbacks(run)
    out += environmentSkips(run)
    out += runHealth(run)
    out += flaky(run)
    out += TooFastPasses.detect(run)
    return out
  }

  /// A passing test whose captured output says it used a mock, fake or stub instead of the service.
  private func mockFallbacks(_ run: Run) -> [Suspicion] {
    var out: [Suspicion] = []
    // By index: only tests with output are copied out of the array (a million passes are not).
    for i in run.tests.indices where run.tests[i].details?.output != nil {
      let t = run.tests[i]
      guard t.status == .passed || t.status == .xpassed || t.status == .flaky, let d = t.details, let output = d.output else { continue }
      let lines = output.split(separator: "\n", omittingEmptySubsequences: false)
      var evidence: [Evidence] = []
      for (k, line) in lines.enumerated() where Self.fallbackPattern.matches(String(line)) {
        let path = d.sources.first ?? ""
        evidence.append(Evidence(path: path, line: (d.outputLine ?? 0) + k, text: Excerpt.line(String(line.utf8Trimmed()))))
        if evidence.count == 3 { break }
      }
      guard !evidence.isEmpty else { continue }
      out.append(
        Suspicion(
          kind: .mockFallback, category: .infrastructure,
          summary: "'\(t.id)' \(t.status.rawValue), but its output says it fell back to a mock or fake: it did not test the real service.",
          tests: [t.id], evidence: evidence))
    }
    return out
  }

  /// Skipped tests whose reason says a service or the environment was unavailable, one finding per reason.
  private func environmentSkips(_ run: Run) -> [Suspicion] {
    let rules = BuiltInRules.skips + classifier.ranked.filter { $0.isUser && $0.isSkipRule }
    typealias Group = (tests: [String], evidence: [Evidence], rule: String)
    var groups: [Group] = []  // in the order reasons first appear
    var groupOf: [String: Int] = [:]
    var verdicts: [String: String?] = [:]  // skip reasons repeat: one verdict (a rule id) per distinct reason
    var reasons: [String] = []
    for i in run.tests.indices where run.tests[i].status == .skipped {
      let t = run.tests[i]
      guard let reason = t.details?.skipReason, !reason.isEmpty else { continue }
      let verdict: String?
      if let known = verdicts[reason] {
        verdict = known
      } else {
        let facts = FailureFacts(text: "", skipReason: reason)
        verdict = rules.first { $0.matcher.match(facts) != nil }?.id
        verdicts[reason] = .some(verdict)
      }
      guard let rule = verdict else { continue }
      let k: Int
      if let found = groupOf[reason] {
        k = found
      } else {
        k = groups.count
        groupOf[reason] = k
        groups.append(([], [], rule))
        reasons.append(reason)
      }
      groups[k].tests.append(t.id)
      if groups[k].evidence.isEmpty { groups[k].evidence = Array((t.details?.evidence ?? []).prefix(2)) }
    }
    return zip(reasons, groups).map { (reason, g) in
      return Suspicion(
        kind: .skippedEnvironmentDown, category: .infrastructure,
        summary:
          "\(g.tests.count) test\(g.tests.count == 1 ? " was" : "s were") skipped because the environment was down (\"\(Excerpt.line(reason, limit: 160))\", rule '\(g.rule)'): they proved nothing.",
        tests: g.tests.sorted(), evidence: g.evidence)
    }
  }

  /// Nothing collected, everything skipped, or modules that failed to collect.
  private func runHealth(_ run: Run) -> [Suspicion] {
    var out: [Suspicion] = []
    let totals = run.totals
    let inputEvidence = run.inputs.filter { $0.format != .unknown }.map { Evidence(path: $0.path, line: 1, text: "\($0.tests) tests read") }
    // A run of curl checks alone has no tests to collect: only a test report that holds none is empty.
    let testReports = run.inputs.contains { $0.format != .unknown && $0.format != .curl }
    if totals.tests == 0 && (testReports || run.requests.isEmpty) {
      out.append(
        Suspicion(
          kind: .nothingCollected, category: nil, summary: "No test was collected or run: a green build with nothing in it.", tests: [],
          evidence: inputEvidence))
    } else if totals.tests > 0 && totals.skipped + totals.xfailed == totals.tests {
      out.append(
        Suspicion(
          kind: .allSkipped, category: nil,
          summary: "Every one of the \(totals.tests) tests was skipped or deselected: nothing was verified.",
          tests: [], evidence: inputEvidence))
    }
    // Fields read in place (indices, not `filter`): a copy of each of a million tests would
    // retain and release its references.
    let collection = run.tests.indices.filter { run.tests[$0].phase == .collection && run.tests[$0].status.isFailure }
      .map { run.tests[$0] }
    if !collection.isEmpty {
      out.append(
        Suspicion(
          kind: .collectionErrors, category: .logic,
          summary:
            "\(collection.count) module\(collection.count == 1 ? "" : "s") failed to collect: their tests never ran and are missing from the counts.",
          tests: collection.map(\.id).sorted(), evidence: collection.prefix(3).flatMap { ($0.details?.evidence ?? []).prefix(1) }))
    }
    return out
  }

  private func flaky(_ run: Run) -> [Suspicion] {
    let tests = run.tests.indices.filter { run.tests[$0].status == .flaky }.map { run.tests[$0] }
    guard !tests.isEmpty else { return [] }
    return [
      Suspicion(
        kind: .flaky, category: nil,
        summary: "\(tests.count) test\(tests.count == 1 ? "" : "s") failed and then passed on a rerun: counted as flaky, not as passed.",
        tests: tests.map(\.id).sorted(), evidence: tests.prefix(3).flatMap { ($0.details?.evidence ?? []).prefix(1) })
    ]
  }

  /// Phrases by which test code admits it did not talk to the real thing.
  static let fallbackPattern = Pattern(
    builtIn: [
      #"\b(fall(s|ing)?[ -]?back|fell back)\b"#,
      #"\busing (an? )?(mock|fake|stub|dummy|simulated|in-memory)"#,
      #"\b(mock|fake|stub|offline|simulation) mode\b"#,
      #"\bMock[A-Z]?\w* (fallback|instead)\b"#,
      #"\b(mock|fake|stub|dummy)\w* (response|data|client|server|websocket|backend|service)s? (used|instead)"#,
      #"\bsimulated (response|mode|data)"#,
      #"\binstead of (the )?real\b"#,
    ].joined(separator: "|"))
}
