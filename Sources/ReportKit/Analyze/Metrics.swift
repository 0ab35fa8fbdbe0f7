/// The numbers of a run: totals and rates, failures per category and per file, slowest tests,
/// and per endpoint from curl (requests, statuses, latency), with report.yml's targets checked.
public struct Metrics: Sendable {
  public struct FileLine: Sendable {
    public var file: String
    public var tests: Int
    public var failing: Int
  }

  public struct Endpoint: Sendable {
    public var method: String
    public var host: String
    public var path: String
    public var requests: Int
    public var statuses: [String: Int]
    public var p50: Double?
    public var p95: Double?
    public var max: Double?

    public var name: String { "\(method) \(path)" }
  }

  /// A goal of report.yml and whether the run met it.
  public struct Target: Sendable {
    public enum Measure: Sendable, Equatable {
      /// At least `goal` (a fraction).
      case passRate, executionRate
      /// At most `goal` failed or errored tests.
      case failures
      /// p95 latency of one endpoint under `goal` milliseconds.
      case p95(endpoint: String)
    }

    public var measure: Measure
    public var goal: Double
    public var actual: Double?
    public var met: Bool
  }

  public var totals: Totals
  public var passRate: Double?
  /// Tests that ran over tests collected (skips did not run).
  public var executionRate: Double?
  public var failuresByCategory: [(Category, Int)]
  public var suspicious: Int
  public var files: [FileLine]
  /// Files whose every test passed (largest first): what works.
  public var passingFiles: [FileLine]
  public var slowest: [(id: String, seconds: Double)]
  public var endpoints: [Endpoint]
  public var targets: [Target]

  /// `endpoints`: `Metrics.endpoints(run.requests)` when a thread made them already.
  init(_ run: Run, _ findings: Findings, targets goals: Targets, endpoints: [Endpoint]? = nil) {
    totals = run.totals
    passRate = totals.passRate
    executionRate = totals.tests > 0 ? Double(totals.tests - totals.skipped) / Double(totals.tests) : nil
    failuresByCategory = findings.countsByCategory
    suspicious = findings.suspicious.count
    var perFile: [String: (Int, Int)] = [:]
    var slow: [(String, Double)] = []
    // Tests of one class are adjacent and share their group: its file is derived once, and the
    // counts of a run of tests of one file are added to the table when the file changes (not
    // hashed per test). Fields are read in place: a copy of each test would retain its references.
    var lastGroup: TestGroup?
    var lastPrefix = ""
    var current: (file: String, tests: Int, failing: Int) = ("", 0, 0)
    func flush() {
      guard current.tests > 0 else { return }
      perFile[current.file, default: (0, 0)].0 += current.tests
      perFile[current.file, default: (0, 0)].1 += current.failing
    }
    run.tests.withUnsafeBufferPointer { tests in
      for i in tests.indices {
        if !TestResult.isOf(lastGroup, at: tests.address(i)) {  // another class: its file may change
          lastGroup = run.tests[i].group
          if run.tests[i].idPrefix != lastPrefix || current.file.isEmpty {
            lastPrefix = run.tests[i].idPrefix
            let file = run.tests[i].idFile.isEmpty ? run.tests[i].suite : run.tests[i].idFile
            if file != current.file {
              flush()
              current = (file, 0, 0)
            }
          }
        }
        current.tests += 1
        if run.tests[i].status.isFailure { current.failing += 1 }
        if let d = run.tests[i].durationSeconds, d > 0 {
          if slow.count < 5 || d > slow[slow.count - 1].1 {
            slow.append((run.tests[i].id, d))
            slow.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
            if slow.count > 5 { slow.removeLast() }
          }
        }
      }
    }
    flush()
    files = perFile.filter { $0.value.1 > 0 }.map { FileLine(file: $0.key, tests: $0.value.0, failing: $0.value.1) }
      .sorted { ($1.failing, $0.file) < ($0.failing, $1.file) }
    passingFiles = perFile.filter { $0.value.1 == 0 && !$0.key.isEmpty }.map { FileLine(file: $0.key, tests: $0.value.0, failing: 0) }
      .sorted { ($1.tests, $0.file) < ($0.tests, $1.file) }.prefix(20).map { $0 }
    slowest = slow.map { (id: $0.0, seconds: $0.1) }
    self.endpoints = endpoints ?? Self.endpoints(run.requests)
    targets = []
    targets = goals.check(self)
  }

  /// Per method, host and route (sorted by route, method, host), what its requests answered.
  ///
  /// A curl run of 100k requests has some 50k endpoints: each part is a number (the parts are
  /// interned), an endpoint is found by three numbers, statuses are counted in a short list per
  /// endpoint, and the endpoints are sorted by the ranks of their parts (each part's distinct
  /// strings sorted once) instead of comparing strings pairwise. No two endpoints share all three
  /// parts, so the order is the one comparing the strings gives.
  static func endpoints(_ requests: [HTTPExchange]) -> [Endpoint] {
    var methods = StringIDs(), hosts = StringIDs(), paths = StringIDs()
    var index: [EndpointKey: Int] = [:]
    var rows: [Row] = []
    // Fields read in place: an exchange copied out of the array retains its nine references.
    for i in requests.indices {
      let (method, host) = (requests[i].method ?? "GET", requests[i].host ?? "?")
      let path = Correlator.route(ofURL: requests[i].url)
      let key = EndpointKey(method: methods.id(method), host: hosts.id(host), path: paths.id(path))
      let status: StatusKey = requests[i].status.map { .status($0) } ?? requests[i].curlExit.map { .curl($0) } ?? .none
      let k: Int
      if let found = index[key] {
        k = found
      } else {
        k = rows.count
        index[key] = k
        rows.append(Row(key: key, method: method, host: host, path: path, first: status))
      }
      if rows[k].first == status {
        rows[k].firstCount += 1
      } else if let s = rows[k].more.firstIndex(where: { $0.status == status }) {
        rows[k].more[s].count += 1
      } else {
        rows[k].more.append((status, 1))
      }
      if !requests[i].timingsMs.isEmpty, let total = requests[i].timingsMs["total"] { rows[k].times.append(total) }
    }
    let (methodRank, hostRank, pathRank) = (methods.ranks(), hosts.ranks(), paths.ranks())
    let order = rows.indices.sorted { a, b in
      let (x, y) = (rows[a].key, rows[b].key)
      return (pathRank[x.path], methodRank[x.method], hostRank[x.host]) < (pathRank[y.path], methodRank[y.method], hostRank[y.host])
    }
    // Rows read and sorted in place: a copy of each of 50k rows retained its strings and lists.
    return order.map { k in
      var statuses: [String: Int] = Dictionary(minimumCapacity: 1 + rows[k].more.count)
      statuses[rows[k].first.text] = rows[k].firstCount
      for (status, count) in rows[k].more { statuses[status.text] = count }
      var e = Endpoint(
        method: rows[k].method, host: rows[k].host, path: rows[k].path,
        requests: rows[k].more.reduce(rows[k].firstCount) { $0 + $1.count }, statuses: statuses)
      if !rows[k].times.isEmpty {
        rows[k].times.sort()
        e.p50 = percentile(rows[k].times, 0.50)
        e.p95 = percentile(rows[k].times, 0.95)
        e.max = rows[k].times.last
      }
      return e
    }
  }

  /// One endpoint as it is counted: its key, its own spelling of its parts (canonically equal
  /// strings are one part), what its requests answered and how long they took.
  private struct Row {
    let key: EndpointKey
    let method: String
    let host: String
    let path: String
    /// The first answer, counted in the row itself: a list per row was a heap object read for
    /// every request (a cache miss each, on 50k rows); later answers are listed in `more`.
    let first: StatusKey
    var firstCount = 0
    var more: [(status: StatusKey, count: Int)] = []
    var times: [Double] = []
  }

  /// An endpoint as the ids of its method, host and route.
  private struct EndpointKey: Hashable {
    let method: Int
    let host: Int
    let path: Int
  }

  /// What an exchange answered, as its endpoint's statuses name it: `503`, `curl 7`, `no answer`.
  private enum StatusKey: Equatable {
    case status(Int)
    case curl(Int)
    case none

    var text: String {
      switch self {
      case .status(let s): String(s)
      case .curl(let c): "curl \(c)"
      case .none: "no answer"
      }
    }
  }

  /// Nearest-rank percentile of sorted values.
  static func percentile(_ sorted: [Double], _ p: Double) -> Double {
    let rank = Int((p * Double(sorted.count)).rounded(.up))
    return sorted[Swift.max(0, Swift.min(sorted.count - 1, rank - 1))]
  }
}

extension Targets {
  /// Each goal set, checked against the metrics.
  func check(_ m: Metrics) -> [Metrics.Target] {
    var out: [Metrics.Target] = []
    if let goal = passRate { out.append(.init(measure: .passRate, goal: goal, actual: m.passRate, met: (m.passRate ?? 0) >= goal)) }
    if let goal = executionRate {
      out.append(.init(measure: .executionRate, goal: goal, actual: m.executionRate, met: (m.executionRate ?? 0) >= goal))
    }
    if let goal = maxFailures {
      let v = m.totals.failed + m.totals.errors
      out.append(.init(measure: .failures, goal: Double(goal), actual: Double(v), met: v <= goal))
    }
    // Endpoints read in place, and only when a latency goal is set (a copy of each of 50k
    // endpoints retained its strings and status table).
    guard p95Ms != nil || !endpointP95Ms.isEmpty else { return out }
    for k in m.endpoints.indices {
      guard let goal = endpointP95Ms[m.endpoints[k].path] ?? p95Ms, let p95 = m.endpoints[k].p95 else { continue }
      out.append(.init(measure: .p95(endpoint: m.endpoints[k].name), goal: goal, actual: p95, met: p95 < goal))
    }
    return out
  }
}

extension StringIDs {
  /// Each id's place among the distinct strings sorted (the endpoints are sorted by them).
  func ranks() -> [Int] {
    var rank = [Int](repeating: 0, count: names.count)
    for (r, id) in names.indices.sorted(by: { names[$0] < names[$1] }).enumerated() { rank[id] = r }
    return rank
  }
}
