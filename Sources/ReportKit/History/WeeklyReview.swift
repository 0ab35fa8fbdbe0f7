/// What the weekly review says, as values: the runs of a period with their pass rates, the
/// clusters seen across them (new, resolved, persisting), unsteady and most-failing tests,
/// endpoints that got slower, recurring false greens, and the actions still open. Queried from
/// a history (`History.weekly(_:)`); rendered by `WeeklyWriter`.
public struct WeeklyReview: Sendable {
  /// A run of the period.
  struct RunLine: Sendable, Equatable {
    var id: Int64
    var key: String
    var at: Int64
    var source: String
    var tests: Int
    var passed: Int
    var failed: Int
    var errors: Int
    var skipped: Int
    var flaky: Int
    var passRate: Double?
    var failuresByCategory: [Int]
    var clusters: Int
    var suspicious: Int
    var commit: String?
    var branch: String?
    var url: String?

    var failing: Int { failed + errors }
  }

  /// A cluster seen up to the end of the period.
  struct ClusterLine: Sendable, Equatable {
    var id: String
    var title: String
    var category: String
    var severity: String
    /// Tests in its latest run.
    var tests: Int
    /// Runs of the period it appeared in.
    var occurrences: Int
    /// Runs it appeared in, all history up to the end of the period.
    var seenRuns: Int
    var firstSeen: Int64
    var firstRun: String
    var lastSeen: Int64
    var lastRun: String
    var lastRunID: Int64
    /// The first run without it after its last sighting; nil while it is open.
    var resolvedAt: Int64?
    var resolvedRun: String?

    var isOpen: Bool { resolvedAt == nil }
    /// From first sighting to the first run without it.
    var timeToResolve: Int64? { resolvedAt.map { $0 - firstSeen } }
    var priority: String { Action.Priority(Severity(rawValue: severity) ?? .low).description }
  }

  /// A test whose outcome changed between runs, or that passed only on a retry.
  struct UnsteadyTest: Sendable, Equatable {
    var id: String
    var runs: Int
    var failures: Int
    var flips: Int
    var retried: Int
  }

  struct FailingTest: Sendable, Equatable {
    var id: String
    var failures: Int
    var runs: Int
    var cluster: String?
  }

  struct SlowerEndpoint: Sendable, Equatable {
    var name: String
    var host: String
    var firstP95: Double
    var lastP95: Double
    var runs: Int
    var firstRun: String
    var lastRun: String
  }

  struct RecurringFinding: Sendable, Equatable {
    var kind: String
    var subject: String
    var category: String?
    var summary: String
    var runs: Int
    var firstSeen: Int64
    var lastSeen: Int64
  }

  /// An action of a persisting cluster's plan, as its latest run recorded it.
  struct OpenAction: Sendable, Equatable {
    var cluster: String
    var priority: String
    var title: String
    var kind: String
    var owner: String
    var doneWhen: [String]
    var since: Int64
  }

  /// The history it was read from, as it may be printed (a password masked).
  public var location: String
  public var since: Int64
  public var until: Int64
  /// `--now`: when the review was made.
  public var generatedAt: Int64
  var runs: [RunLine] = []
  /// Seen in the period or resolved in it; oldest first sighting first.
  var clusters: [ClusterLine] = []
  var unsteady: [UnsteadyTest] = []
  var failing: [FailingTest] = []
  var slower: [SlowerEndpoint] = []
  var recurring: [RecurringFinding] = []
  var openActions: [OpenAction] = []

  /// First seen in the period.
  var new: [ClusterLine] { clusters.filter { $0.firstSeen >= since } }
  /// Resolved by a run of the period.
  var resolved: [ClusterLine] { clusters.filter { ($0.resolvedAt ?? .min) >= since } }
  /// Still open at the end of the period and seen before its last run: carried over, oldest first.
  var persisting: [ClusterLine] {
    clusters.filter { c in c.isOpen && c.firstSeen < (runs.last?.at ?? .max) }
  }
  /// Tests that flipped between failing and not at least twice, or passed only on a retry.
  var flaky: [UnsteadyTest] { unsteady.filter { $0.flips >= 2 || $0.retried > 0 } }

  /// How much an endpoint's p95 must grow, first run to last, to be listed: 10%.
  static let slowerBy = 1.10
}
