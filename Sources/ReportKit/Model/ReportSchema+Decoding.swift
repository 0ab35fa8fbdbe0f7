/// Reading report/1 and report/2 into one `ReportSchema.Document`: what report/2 writes once
/// (a classified test's evidence, a cluster's tests, passing tests by prefix) is filled back in.
extension ReportSchema {
  /// Passing tests of report/2 that share an id prefix, in run order: test `k` is
  /// `prefix + names[k]`, its duration `durations_s[k]` (null when the log gave none).
  public struct PassedGroup: Codable, Sendable, Equatable {
    public var prefix: String
    public var names: [String]
    public var durations_s: [Double?]
  }
}

extension ReportSchema.Document {
  private enum Keys: String, CodingKey {
    case schema, run_id, generated_at, inputs, totals, tests, passed, requests, warnings, failures_by_category, clusters
    case suspicious, metrics, actions, comparison, ci
  }

  /// Decodes either schema: report/2's `passed` groups become passing tests after the listed
  /// ones, and a cluster without `tests` gets the ids of the tests that name it, in order.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: Keys.self)
    schema = try c.decode(String.self, forKey: .schema)
    run_id = try c.decode(String.self, forKey: .run_id)
    generated_at = try c.decode(String.self, forKey: .generated_at)
    inputs = try c.decode([ReportSchema.Input].self, forKey: .inputs)
    totals = try c.decode(ReportSchema.Totals.self, forKey: .totals)
    let listed = try c.decode([Listed].self, forKey: .tests)  // each test and its `seq`, in one pass
    // report/2 leaves out a classified test's evidence when its verdict cites the same lines.
    var passing: [ReportSchema.Test] = []
    for group in try c.decodeIfPresent([ReportSchema.PassedGroup].self, forKey: .passed) ?? [] {
      guard group.names.count == group.durations_s.count else {
        throw DecodingError.dataCorruptedError(
          forKey: .passed, in: c, debugDescription: "a passed group of \(group.names.count) names has \(group.durations_s.count) durations")
      }
      for (name, d) in zip(group.names, group.durations_s) { passing.append(ReportSchema.Test(passing: group.prefix + name, duration: d)) }
    }
    tests = try Self.merge(listed.map(\.test), listed.map(\.seq), passing, c)
    // report/2 leaves out a classified test's evidence when its verdict cites the same lines.
    for k in tests.indices where tests[k].evidence == nil && tests[k].classification != nil {
      tests[k].evidence = tests[k].classification?.evidence
    }
    requests = try c.decode([ReportSchema.Request].self, forKey: .requests)
    warnings = try c.decode([ReportSchema.Warning].self, forKey: .warnings)
    failures_by_category = try c.decodeIfPresent([String: Int].self, forKey: .failures_by_category)
    clusters = try c.decodeIfPresent([ReportSchema.Cluster].self, forKey: .clusters)
    suspicious = try c.decodeIfPresent([ReportSchema.Suspicion].self, forKey: .suspicious)
    metrics = try c.decodeIfPresent(ReportSchema.Metrics.self, forKey: .metrics)
    actions = try c.decodeIfPresent([ReportSchema.Action].self, forKey: .actions)
    comparison = try c.decodeIfPresent(ReportSchema.Comparison.self, forKey: .comparison)
    ci = try c.decodeIfPresent(ReportSchema.CI.self, forKey: .ci)
    if let clusters, clusters.contains(where: { $0.tests.isEmpty }) {
      var members: [String: [String]] = [:]
      for t in tests { if let k = t.cluster { members[k, default: []].append(t.id) } }
      self.clusters = clusters.map { c in
        var c = c
        if c.tests.isEmpty { c.tests = members[c.id] ?? [] }
        return c
      }
    }
  }
}

/// A listed test and its place in the run (report/2's `seq`, a key `Test` itself does not have).
private struct Listed: Decodable {
  var test: ReportSchema.Test
  var seq: Int?

  private enum Keys: String, CodingKey { case seq }

  init(from decoder: any Decoder) throws {
    test = try ReportSchema.Test(from: decoder)
    seq = try decoder.container(keyedBy: Keys.self).decodeIfPresent(Int.self, forKey: .seq)
  }
}

extension ReportSchema.Document {
  /// The run's tests in order: each listed test at its `seq`, the passing ones in the places left.
  /// Without `seq` (report/1), the listed tests in their order, then the passing ones.
  private static func merge(
    _ listed: [ReportSchema.Test], _ seqs: [Int?], _ passing: [ReportSchema.Test], _ c: KeyedDecodingContainer<Keys>
  ) throws -> [ReportSchema.Test] {
    guard seqs.allSatisfy({ $0 != nil }), !listed.isEmpty else { return listed + passing }
    let count = listed.count + passing.count
    var slots = [ReportSchema.Test?](repeating: nil, count: count)
    for (t, seq) in zip(listed, seqs) {
      guard let seq, seq >= 0, seq < count, slots[seq] == nil else {
        throw DecodingError.dataCorruptedError(forKey: .tests, in: c, debugDescription: "test \(t.id) has a seq out of place: \(seq ?? -1)")
      }
      slots[seq] = t
    }
    var k = 0
    return slots.map { slot in
      if let slot { return slot }
      defer { k += 1 }
      return passing[k]  // the slots left are exactly as many as the passing tests
    }
  }
}

extension ReportSchema.Test {
  /// A passing test of a `passed` group: its id and duration only.
  init(passing id: String, duration: Double?) {
    self.init(
      id: id, status: "passed", duration_s: duration, anonymous: nil, name: nil, suite: nil, phase: nil, message: nil,
      exception_type: nil, file: nil, line: nil, skip_reason: nil, detail: nil, output: nil, sources: nil, evidence: nil,
      category: nil, classification: nil, cluster: nil)
  }
}

extension ReportSchema.Cluster {
  private enum Keys: String, CodingKey {
    case id, title, category, severity, signature, count, flaky, rules, owner, known_issue, why_grouped, first_evidence
    case five_whys, hypotheses, tests
  }

  /// Decodes a cluster of either schema (report/2 leaves `tests` out: each test names its cluster).
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: Keys.self)
    id = try c.decode(String.self, forKey: .id)
    title = try c.decodeIfPresent(String.self, forKey: .title)
    category = try c.decode(String.self, forKey: .category)
    severity = try c.decode(String.self, forKey: .severity)
    signature = try c.decode(String.self, forKey: .signature)
    count = try c.decode(Int.self, forKey: .count)
    flaky = try c.decodeIfPresent(Int.self, forKey: .flaky)
    rules = try c.decode([String].self, forKey: .rules)
    owner = try c.decode(String.self, forKey: .owner)
    known_issue = try c.decodeIfPresent(ReportSchema.Cluster.Issue.self, forKey: .known_issue)
    why_grouped = try c.decode(String.self, forKey: .why_grouped)
    first_evidence = try c.decode([ReportSchema.Evidence].self, forKey: .first_evidence)
    five_whys = try c.decode([ReportSchema.Cluster.Why].self, forKey: .five_whys)
    hypotheses = try c.decode([ReportSchema.Cluster.Hypothesis].self, forKey: .hypotheses)
    tests = try c.decodeIfPresent([String].self, forKey: .tests) ?? []
  }
}

extension Totals {
  /// The counts a decoded report.json states (`--baseline`, history import).
  init(_ t: ReportSchema.Totals) {
    self.init()
    tests = t.tests
    passed = t.passed
    failed = t.failed
    errors = t.errors
    skipped = t.skipped
    xfailed = t.xfailed
    xpassed = t.xpassed
    flaky = t.flaky
    durationSeconds = t.duration_s
  }
}
