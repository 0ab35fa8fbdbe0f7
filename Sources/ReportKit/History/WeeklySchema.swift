/// weekly.json (`"schema": "weekly/1"`), described once: `WeeklyWriter` writes these values
/// (`WeeklySchema+JSON`), and a reader decodes them. Property names are the JSON keys; times
/// are ISO 8601 in UTC, rates fractions with 4 decimals, latencies milliseconds.
public enum WeeklySchema {
  public static let version = "weekly/1"

  public struct Document: Codable, Sendable, Equatable {
    public var schema: String
    public var generated_at: String
    /// The history read, as it may be printed (a password masked).
    public var history: String
    public var period: Period
    /// The executive summary, one sentence each, log-borne parts in backticks.
    public var summary: [String]
    public var runs: [Run]
    public var clusters: [Cluster]
    /// Cluster ids: first seen in the period; resolved by a run of it; open at its end and seen
    /// before its last run (oldest first).
    public var new: [String]
    public var resolved: [String]
    public var persisting: [String]
    public var flaky_tests: [UnsteadyTest]
    public var failing_tests: [FailingTest]
    public var slower_endpoints: [Endpoint]
    public var recurring_findings: [Finding]
    public var open_actions: [Action]
  }

  public struct Period: Codable, Sendable, Equatable {
    public var since: String
    public var until: String
  }

  public struct Run: Codable, Sendable, Equatable {
    public struct CI: Codable, Sendable, Equatable {
      public var commit: String?
      public var branch: String?
      public var url: String?
    }

    public var id: String
    public var time: String
    /// `build` or `import`.
    public var source: String
    public var tests: Int
    public var passed: Int
    public var failed: Int
    public var errors: Int
    public var skipped: Int
    public var flaky: Int
    /// A fraction, as in report.json; null when no test ran.
    public var pass_rate: Double?
    public var failures_by_category: [String: Int]
    public var clusters: Int
    public var suspicious: Int
    public var ci: CI
  }

  public struct Cluster: Codable, Sendable, Equatable {
    public var id: String
    public var title: String
    public var category: String
    public var severity: String
    public var priority: String
    /// Runs of the period it appeared in.
    public var occurrences: Int
    /// Runs it appeared in, up to the end of the period.
    public var seen_runs: Int
    public var first_seen: String
    public var first_run: String
    public var last_seen: String
    public var last_run: String
    /// `open` or `resolved`.
    public var status: String
    public var resolved_at: String?
    public var resolved_run: String?
    /// Seconds from first sighting to the first run without it.
    public var time_to_resolve_s: Int?
    /// Tests in its latest run.
    public var tests: Int
  }

  public struct UnsteadyTest: Codable, Sendable, Equatable {
    public var id: String
    public var runs: Int
    public var failures: Int
    /// Times its outcome changed between failing and not from one run to the next.
    public var flips: Int
    /// Runs in which it failed, then passed on a retry.
    public var retried: Int
  }

  public struct FailingTest: Codable, Sendable, Equatable {
    public var id: String
    public var failures: Int
    public var runs: Int
    public var cluster: String?
  }

  public struct Endpoint: Codable, Sendable, Equatable {
    public var name: String
    public var host: String
    public var first_p95_ms: Double
    public var last_p95_ms: Double
    /// last / first - 1.
    public var growth: Double
    public var runs: Int
    public var first_run: String
    public var last_run: String
  }

  public struct Finding: Codable, Sendable, Equatable {
    public var kind: String
    public var subject: String
    public var category: String?
    public var summary: String
    public var runs: Int
    public var first_seen: String
    public var last_seen: String
  }

  public struct Action: Codable, Sendable, Equatable {
    public var priority: String
    public var title: String
    public var type: String
    public var owner: String
    public var cluster: String
    public var open_since: String
    public var done_when: [String]
  }
}
