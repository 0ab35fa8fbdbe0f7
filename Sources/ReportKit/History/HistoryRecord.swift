import Foundation

/// One run as a history keeps it: when, from where, its totals and failures per category, its
/// clusters, endpoints, suspicious findings and action plan, and every test's outcome. Made from
/// a report just built (`init(report:)`) or from a report.json (`init(document:)`); both give
/// the same record for the same run.
///
/// The tests are not copied: `tests` reads them from the run (or the decoded document) one at a
/// time while they are written, so recording a million tests adds no million-row array.
public struct HistoryRecord: Sendable {
  /// Where the run came from.
  public enum Source: String, Sendable {
    case build
    case `import`
  }

  /// The CI job that made the run: commit, branch, the job's URL, and whatever else the CI
  /// environment tells, as a JSON object (`runs.ci_commit`, `ci_branch`, `ci_url`, `ci_json`);
  /// empty outside CI.
  public struct CI: Sendable, Equatable {
    public var commit: String?
    public var branch: String?
    public var url: String?
    public var json: String?

    public init(commit: String? = nil, branch: String? = nil, url: String? = nil, json: String? = nil) {
      self.commit = commit
      self.branch = branch
      self.url = url
      self.json = json
    }

    /// What `CIEnvironment` read: commit, branch and URL in their columns, the rest as JSON.
    public init(_ meta: CIMetadata?) {
      guard let m = meta else {
        self.init()
        return
      }
      let fields: [(String, String?)] = [
        ("provider", m.provider.rawValue), ("run_id", m.runID), ("run_number", m.runNumber), ("job", m.job),
        ("repository", m.repository), ("pull_request", m.pullRequest), ("job_url", m.jobURL), ("run_url", m.runURL),
      ]
      let known = Dictionary(fields.compactMap { k, v in v.map { (k, $0) } }, uniquingKeysWith: { a, _ in a })
      let data = try? JSONSerialization.data(withJSONObject: known, options: [.sortedKeys])
      self.init(commit: m.commit, branch: m.branch, url: m.url, json: data.map { String(decoding: $0, as: UTF8.self) })
    }
  }

  struct Cluster: Sendable, Equatable {
    var id: String
    /// The cluster in words, as report.md titles it (backticks mark log text); from a report.json
    /// older than titles, the first line of its first test's message.
    var title: String
    var category: String
    var severity: String
    /// Versioned (`sig/1:...`): ids are comparable across runs of one signature version.
    var signature: String
    var tests: Int
    var owner: String
  }

  struct Endpoint: Sendable, Equatable {
    var name: String
    var host: String
    var requests: Int
    /// Requests answered 4xx/5xx, failed by curl, or not answered.
    var failures: Int
    var p50: Double?
    var p95: Double?
  }

  /// A suspicious finding, one per test it names (capped) or one for the run.
  struct Finding: Sendable, Equatable {
    var kind: String
    /// The test it is about, the hosts of a host drift, or empty for a run-wide finding.
    var subject: String
    var category: String?
    var summary: String
  }

  struct ActionItem: Sendable, Equatable {
    var priority: String
    /// The phrase as report.json writes it: log-borne parts in backticks.
    var title: String
    var kind: String
    var owner: String
    var cluster: String?
    var doneWhen: [String]
  }

  public var runKey: String
  /// Seconds since 1970, from `atText`.
  public var at: Int64
  /// `2026-01-01T00:00:00Z`: the run's `generated_at` (`--now`).
  public var atText: String
  public var source: Source
  public var ci = CI()
  var signatureVersion: String
  var totals: Totals
  /// Failed and errored tests per category, in `Category.allCases` order.
  var failures: [Int]
  var clusters: [Cluster]
  var endpoints: [Endpoint]
  var suspicious: [Finding]
  var actions: [ActionItem]
  var tests: HistoryTests

  /// Totals as `report.json` states them: the pass rate a fraction with 4 decimals.
  var passRate: Double? { totals.passRate.map { JSONWriter.rounded($0, 4) } }

  /// How many tests a finding is stored for at most (one row each); the rest are counted in its summary.
  static let findingTests = 200

  /// The rows of one suspicious finding: one per named test, else one for the run (a host
  /// drift is about its hosts, which its summary names).
  static func findings(kind: String, category: String?, summary: String, tests: [String]) -> [Finding] {
    guard !tests.isEmpty, kind != Suspicion.Kind.flaky.rawValue else {
      let subject = kind == Suspicion.Kind.hostDrift.rawValue ? summary : ""
      return [Finding(kind: kind, subject: subject, category: category, summary: summary)]
    }
    return tests.prefix(findingTests).map { Finding(kind: kind, subject: $0, category: category, summary: summary) }
  }

  /// A cluster's title: the first line of the message of its first test.
  static func title(message: String?, exceptionType: String?, status: String) -> String {
    Excerpt.line(message ?? exceptionType ?? status, limit: 120)
  }

  /// An endpoint's failed requests, from its status counts (`"503"`, `"curl 7"`, `"no answer"`).
  static func failures(_ statuses: [String: Int]) -> Int {
    statuses.reduce(0) { sum, s in
      let failed = Int(s.key).map { $0 >= 400 } ?? (s.key != "curl 0")
      return sum + (failed ? s.value : 0)
    }
  }
}
