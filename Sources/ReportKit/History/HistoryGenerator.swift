/// Made-up runs for the benchmark of `report weekly` on a large history (`report history
/// generate`, hidden): `runs` runs of `tests` tests, one every `every` seconds from `start`,
/// recorded through the store like any run, in one go. Deterministic: the same arguments give
/// the same history.
///
/// What they hold, so that every query of the review has work to do: an infrastructure cluster
/// open for the first 60% of the runs, an auth cluster from 30% to the end, a routing cluster
/// that comes and goes every 50 runs, logic failures on 0.5% of the tests at random, 20 tests
/// that fail one run in three, a test passing through a mock in every run, and five endpoints,
/// one slower every run.
public struct HistoryGenerator {
  public var runs: Int
  public var tests: Int
  public var start: Int64
  public var every: Int64

  public init(runs: Int, tests: Int, start: Int64, every: Int64) {
    self.runs = runs
    self.tests = tests
    self.start = start
    self.every = every
  }

  /// Records every run in `history`.
  public func generate(into history: History) throws {
    for r in 0..<runs { _ = try history.record(record(r)) }
  }

  func record(_ r: Int) -> HistoryRecord {
    let fraction = Double(r) / Double(max(runs, 1))
    var failing: [Int: (Category, String)] = [:]
    let clusterOf: [(Category, String, Range<Int>, Bool)] = [
      (.infrastructure, "ConnectionError: [Errno 111] Connection refused", 0..<50, fraction < 0.6),
      (.auth, "AssertionError: expected 200, got 401: token expired", 50..<80, fraction >= 0.3),
      (.routing, "AssertionError: expected 200, got 404 for /v1/orders", 80..<100, (r / 50) % 2 == 0),
    ]
    for (category, message, range, on) in clusterOf where on {
      for i in range where i < tests { failing[i] = (category, message) }
    }
    for i in 100..<min(120, tests) where Self.mix(r, i) % 3 == 0 { failing[i] = (.logic, "AssertionError: flaky ordering") }
    for i in 0..<tests where Self.mix(r, i) % 200 == 0 && failing[i] == nil {
      failing[i] = (.logic, "AssertionError: assert \(i % 7) == \(i % 7 + 1)")
    }
    var clusters: [String: (Category, String, [Int])] = [:]
    for (i, (category, message)) in failing {
      let id = Signature.clusterID("\(category.rawValue)|AssertionError|\(message)")
      clusters[id, default: (category, message, [])].2.append(i)
    }
    var schemaTests: [ReportSchema.Test] = []
    schemaTests.reserveCapacity(tests)
    var totals = Totals()
    totals.tests = tests
    let clusterIDs = Dictionary(uniqueKeysWithValues: clusters.flatMap { id, c in c.2.map { ($0, id) } })
    for i in 0..<tests {
      let id = "tests/test_module\(i / 100).py::test_case_\(i)"
      var t = ReportSchema.Test(id: id, status: "passed", duration_s: Double(Self.mix(r, i) % 1000) / 1000)
      if let (category, message) = failing[i] {
        t.status = "failed"
        t.message = message
        t.category = category.rawValue
        t.cluster = clusterIDs[i]
        totals.failed += 1
      } else {
        totals.passed += 1
      }
      totals.durationSeconds += t.duration_s ?? 0
      schemaTests.append(t)
    }
    let sorted = clusters.sorted { ($1.value.2.count, $0.key) < ($0.value.2.count, $1.key) }
    let at = start + Int64(r) * every
    return HistoryRecord(
      runKey: "gen-\(r)", at: at, atText: HistoryTime.iso(at), source: .import, signatureVersion: Signature.version, totals: totals,
      failures: Category.allCases.map { c in failing.values.filter { $0.0 == c }.count },
      clusters: sorted.map { id, c in
        HistoryRecord.Cluster(
          id: id, title: c.1, category: c.0.rawValue, severity: c.2.count > 10 ? "critical" : "medium",
          signature: Signature.version + ":" + c.0.rawValue + "|AssertionError|" + c.1, tests: c.2.count, owner: c.0.rawValue)
      },
      endpoints: (0..<5).map { e in
        let p95 = 40.0 + Double(e * 10) + (e == 0 ? Double(r) * 0.5 : Double(Self.mix(r, e) % 10))
        return HistoryRecord.Endpoint(
          name: "GET /v1/resource\(e)", host: "api.example.com", requests: 20, failures: 0, p50: p95 / 2, p95: p95)
      },
      suspicious: HistoryRecord.findings(
        kind: "mock_fallback", category: "infrastructure", summary: "passed, but its output says it fell back to a mock",
        tests: ["tests/test_module2.py::test_case_200"]),
      actions: sorted.map { id, c in
        HistoryRecord.ActionItem(
          priority: c.2.count > 10 ? "P0" : "P2", title: "Fix the \(c.2.count) tests of `\(id)`", kind: "mitigate", owner: c.0.rawValue,
          cluster: id, doneWhen: ["no failure with signature `\(id)` in the next run"])
      },
      tests: .document(schemaTests))
  }

  /// A well-mixed number from a run and a test (SplitMix64's finalizer).
  static func mix(_ r: Int, _ i: Int) -> UInt64 {
    var z = UInt64(truncatingIfNeeded: r &* 1_000_003 &+ i) &+ 0x9e37_79b9_7f4a_7c15
    z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
    z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
    return z ^ (z >> 31)
  }
}
