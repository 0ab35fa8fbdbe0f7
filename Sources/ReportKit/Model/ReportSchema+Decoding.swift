/// Reading report/1, report/2 and report/3 into one `ReportSchema.Document`: what the later ones
/// write once or leave to be worked out (a classified test's evidence, a cluster's tests,
/// passing tests by prefix, the fields of `ReportSchema+Derived`) is filled back in.
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

  /// Decodes any readable schema: the `passed` groups become passing tests after the listed
  /// ones, what report/3 leaves out is worked out again, and a cluster without `tests` gets the
  /// ids of the tests that name it, in order.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: Keys.self)
    schema = try c.decode(String.self, forKey: .schema)
    run_id = try c.decode(String.self, forKey: .run_id)
    generated_at = try c.decode(String.self, forKey: .generated_at)
    inputs = try c.decode([ReportSchema.Input].self, forKey: .inputs)
    totals = try c.decode(ReportSchema.Totals.self, forKey: .totals)
    let compact = schema == "report/3"
    let listed = try c.decode([Listed].self, forKey: .tests)  // each test and its `seq`, in one pass
    let paths = inputs.map(\.path)
    let resolved = try listed.map { l in
      do { return try l.resolved(derive: compact, inputs: paths) } catch let e as Listed.Unresolvable {
        throw DecodingError.dataCorruptedError(forKey: .tests, in: c, debugDescription: e.description)
      }
    }
    let passing = try compact ? Self.frontCoded(c) : Self.grouped(c)
    tests = try Self.merge(resolved, listed.map(\.seq), passing, c)
    // report/2 leaves out a classified test's evidence when its verdict cites the same lines.
    for k in tests.indices where tests[k].evidence == nil && tests[k].classification != nil {
      tests[k].evidence = tests[k].classification?.evidence
    }
    let only = ReportSchema.sole(paths)
    requests = try c.decode([WireRequest].self, forKey: .requests).map { r in
      guard let request = r.resolved(input: only) else {
        throw DecodingError.dataCorruptedError(
          forKey: .requests, in: c, debugDescription: "a request's evidence names no file or has no text, and the run has no single input")
      }
      return request
    }
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

  /// report/2's `passed`: `{"prefix", "names", "durations_s"}` per group.
  private static func grouped(_ c: KeyedDecodingContainer<Keys>) throws -> [ReportSchema.Test] {
    var passing: [ReportSchema.Test] = []
    for group in try c.decodeIfPresent([ReportSchema.PassedGroup].self, forKey: .passed) ?? [] {
      try append(group.prefix, group.names, group.durations_s, to: &passing, c)
    }
    return passing
  }

  /// report/3's `passed`: `[shared, rest, names, durations_s]` per group, the prefix being the
  /// previous group's first `shared` code points + `rest`.
  private static func frontCoded(_ c: KeyedDecodingContainer<Keys>) throws -> [ReportSchema.Test] {
    var passing: [ReportSchema.Test] = []
    var previous = ""
    for group in try c.decodeIfPresent([FrontCodedGroup].self, forKey: .passed) ?? [] {
      let scalars = previous.unicodeScalars
      guard group.shared >= 0, group.shared <= scalars.count else {
        throw DecodingError.dataCorruptedError(
          forKey: .passed, in: c,
          debugDescription: "a passed group shares \(group.shared) code points of a prefix of \(scalars.count): \(group.rest)")
      }
      let prefix = String(String.UnicodeScalarView(scalars.prefix(group.shared))) + group.rest
      try append(prefix, group.names, group.durations, to: &passing, c)
      previous = prefix
    }
    return passing
  }

  private static func append(
    _ prefix: String, _ names: [String], _ durations: [Double?], to passing: inout [ReportSchema.Test], _ c: KeyedDecodingContainer<Keys>
  ) throws {
    guard names.count == durations.count else {
      throw DecodingError.dataCorruptedError(
        forKey: .passed, in: c, debugDescription: "a passed group of \(names.count) names has \(durations.count) durations")
    }
    for (name, d) in zip(names, durations) { passing.append(ReportSchema.Test(passing: prefix + name, duration: d)) }
  }
}

/// A request as written: report/3 leaves out null fields, empty timings and each evidence's path
/// when it is the run's only input.
private struct WireRequest: Decodable {
  var method: String?
  var url: String?
  var host: String?
  var status: Int?
  var reason: String?
  var curl_exit: Int?
  var error: String?
  var timings_ms: [String: Double]?
  var body_excerpt: String?
  var evidence: [Listed.Cite]

  /// The request whole; nil when an evidence has no path and the run no single input, or no text.
  func resolved(input: String?) -> ReportSchema.Request? {
    var whole: [ReportSchema.Evidence] = []
    for e in evidence {
      guard let full = e.whole(source: input, message: nil) else { return nil }
      whole.append(full)
    }
    return ReportSchema.Request(
      method: method, url: url, host: host, status: status, reason: reason, curl_exit: curl_exit, error: error,
      timings_ms: timings_ms ?? [:], body_excerpt: body_excerpt, evidence: whole)
  }
}

/// A group of report/3's `passed`, written as an array of four.
private struct FrontCodedGroup: Decodable {
  var shared: Int
  var rest: String
  var names: [String]
  var durations: [Double?]

  init(from decoder: any Decoder) throws {
    var u = try decoder.unkeyedContainer()
    shared = try u.decode(Int.self)
    rest = try u.decode(String.self)
    names = try u.decode([String].self)
    durations = try u.decode([Double?].self)
  }
}

/// A listed test as written, and its place in the run (`seq`, a key `Test` itself does not
/// have): what report/3 left out is filled in by `resolved`, once the run's inputs are known.
private struct Listed: Decodable {
  /// Evidence as report/3 writes it: `path` and `text` may be left to the test (or the run).
  struct Cite: Decodable {
    var path: String?
    var line: Int
    var text: String?

    /// The evidence with what was left out taken from `source` and `message`; nil when one
    /// was left out that they do not give.
    func whole(source: String?, message: String?) -> ReportSchema.Evidence? {
      guard let path = path ?? source, let text = text ?? message else { return nil }
      return ReportSchema.Evidence(path: path, line: line, text: text)
    }
  }

  struct Verdict: Decodable {
    var rule: String
    var confidence: String
    var request: Int?
    var evidence: [Cite]
    var symptom_of: String?
  }

  struct Unresolvable: Error, CustomStringConvertible { var description: String }

  var test: ReportSchema.Test
  var seq: Int?
  var evidence: [Cite]?
  var verdict: Verdict?
  /// Keys present, for the fields report/3 leaves out when they can be worked out.
  var has: (name: Bool, suite: Bool, message: Bool, sources: Bool)

  private enum Keys: String, CodingKey {
    case id, seq, status, duration_s, anonymous, name, suite, phase, message, exception_type, file, line, skip_reason, detail
    case output, sources, evidence, category, classification, cluster
  }

  init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: Keys.self)
    test = ReportSchema.Test(
      passing: try c.decode(String.self, forKey: .id), duration: try c.decodeIfPresent(Double.self, forKey: .duration_s))
    test.status = try c.decode(String.self, forKey: .status)
    test.anonymous = try c.decodeIfPresent(Bool.self, forKey: .anonymous)
    test.name = try c.decodeIfPresent(String.self, forKey: .name)
    test.suite = try c.decodeIfPresent(String.self, forKey: .suite)
    test.phase = try c.decodeIfPresent(String.self, forKey: .phase)
    test.message = try c.decodeIfPresent(String.self, forKey: .message)
    test.exception_type = try c.decodeIfPresent(String.self, forKey: .exception_type)
    test.file = try c.decodeIfPresent(String.self, forKey: .file)
    test.line = try c.decodeIfPresent(Int.self, forKey: .line)
    test.skip_reason = try c.decodeIfPresent(String.self, forKey: .skip_reason)
    test.detail = try c.decodeIfPresent(String.self, forKey: .detail)
    test.output = try c.decodeIfPresent(String.self, forKey: .output)
    test.sources = try c.decodeIfPresent([String].self, forKey: .sources)
    test.category = try c.decodeIfPresent(String.self, forKey: .category)
    test.cluster = try c.decodeIfPresent(String.self, forKey: .cluster)
    seq = try c.decodeIfPresent(Int.self, forKey: .seq)
    evidence = try c.decodeIfPresent([Cite].self, forKey: .evidence)
    verdict = try c.decodeIfPresent(Verdict.self, forKey: .classification)
    has = (c.contains(.name), c.contains(.suite), c.contains(.message), c.contains(.sources))
  }

  /// The test with what report/3 left out worked out again (`derive`), and its evidence whole.
  func resolved(derive: Bool, inputs: [String]) throws -> ReportSchema.Test {
    var t = test
    if derive && t.status != "passed" {
      if !has.name { t.name = ReportSchema.derivedName(id: t.id) }
      if !has.suite { t.suite = ReportSchema.derivedSuite(id: t.id) }
      if !has.message { t.message = ReportSchema.derivedMessage(detail: t.detail, exceptionType: t.exception_type) }
      if !has.sources { t.sources = ReportSchema.defaultSources(inputs: inputs) }
    }
    let source = ReportSchema.sole(t.sources ?? [])
    let (id, message) = (t.id, t.message)
    func whole(_ e: Cite) throws -> ReportSchema.Evidence {
      guard let full = e.whole(source: source, message: message) else {
        throw Unresolvable(description: "test \(id): evidence at line \(e.line) names no file or has no text, and the test gives none")
      }
      return full
    }
    t.evidence = try evidence?.map(whole)
    if let v = verdict {
      t.classification = ReportSchema.Test.Verdict(
        rule: v.rule, confidence: v.confidence, request: v.request, evidence: try v.evidence.map(whole), symptom_of: v.symptom_of)
    }
    return t
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
