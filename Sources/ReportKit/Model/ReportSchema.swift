/// report.json (`"schema": "report/3"`), described once: the writer streams these values (Render's
/// `JSONRenderer`) and the readers decode them (`--baseline`, history import). Property names are
/// the JSON keys, snake_case included, so no key strategy can rename a dictionary's keys; a value
/// the writer leaves out or writes as `null` is optional.
///
/// report/2 and report/3 differ from report/1 on the wire only (docs/report-json.md): passing
/// tests are written in `passed` groups that share an id prefix (front-coded in report/3),
/// clusters name their tests through each test's `cluster`, null fields of a test are left out,
/// and report/3 leaves out what a reader works out again (`ReportSchema+Derived`). Decoding any
/// gives the same `Document`: every test in `tests` (the listed ones, then the passing ones of
/// the groups) and each cluster's `tests`.
public enum ReportSchema {
  public static let version = "report/3"
  /// Every schema the readers take (a baseline or an import may predate report/2).
  public static let readable: Set<String> = ["report/1", "report/2", "report/3"]
  /// `readable` in words, for messages.
  public static var readableNames: String {
    let names = readable.sorted()
    return names.count < 2 ? names.joined() : names.dropLast().joined(separator: ", ") + " or " + (names.last ?? "")
  }

  public struct Document: Codable, Sendable, Equatable {
    public var schema: String
    public var run_id: String
    public var generated_at: String
    public var inputs: [Input]
    public var totals: Totals
    public var tests: [Test]
    public var requests: [Request]
    public var warnings: [Warning]
    // Added during report/1 by classification and analysis: files written before lack them.
    public var failures_by_category: [String: Int]?
    public var clusters: [Cluster]?
    public var suspicious: [Suspicion]?
    public var metrics: Metrics?
    public var actions: [Action]?
    public var comparison: Comparison?
    /// The CI run the report was made in; absent outside CI (and in files written before).
    public var ci: CI?
  }

  /// Where the run ran (`CIMetadata`): written only when a CI's variables were set.
  public struct CI: Codable, Sendable, Equatable {
    /// `github-actions`, `gitlab-ci`, `jenkins`, `buildkite` or `circleci`.
    public var provider: String
    public var commit: String?
    public var branch: String?
    public var run_id: String?
    public var run_number: String?
    public var run_url: String?
    public var job_url: String?
    public var repository: String?
    public var pull_request: String?
    public var job: String?
  }

  public struct Evidence: Codable, Sendable, Equatable {
    public var path: String
    public var line: Int
    public var text: String
  }

  public struct Input: Codable, Sendable, Equatable {
    public struct Warning: Codable, Sendable, Equatable {
      public var line: Int?
      public var message: String
    }

    public var path: String
    public var format: String
    public var tests: Int
    public var requests: Int
    /// The tool's environment line (pytest's `platform ...`), as a list of one, or null.
    public var environment: [Evidence]?
    public var warnings: [Warning]
  }

  public struct Totals: Codable, Sendable, Equatable {
    public var tests: Int
    public var passed: Int
    public var failed: Int
    public var errors: Int
    public var skipped: Int
    public var xfailed: Int
    public var xpassed: Int
    public var flaky: Int
    /// A fraction, 4 decimals; null when no test ran.
    public var pass_rate: Double?
    public var duration_s: Double
  }

  /// A test: passing tests carry `id`, `status` and `duration_s` only.
  public struct Test: Codable, Sendable, Equatable {
    public struct Verdict: Codable, Sendable, Equatable {
      public var rule: String
      public var confidence: String
      /// Index into `requests` of the exchange that decided it.
      public var request: Int?
      public var evidence: [Evidence]
      /// The category most of the run's failures share, when this verdict was lowered to `low`
      /// as a possible symptom of it.
      public var symptom_of: String?
    }

    public var id: String
    public var status: String
    public var duration_s: Double?
    public var anonymous: Bool?
    public var name: String?
    public var suite: String?
    public var phase: String?
    public var message: String?
    public var exception_type: String?
    public var file: String?
    public var line: Int?
    public var skip_reason: String?
    public var detail: String?
    public var output: String?
    public var sources: [String]?
    public var evidence: [Evidence]?
    /// Failed and errored tests only.
    public var category: String?
    public var classification: Verdict?
    public var cluster: String?
  }

  public struct Request: Codable, Sendable, Equatable {
    public var method: String?
    public var url: String?
    public var host: String?
    public var status: Int?
    public var reason: String?
    public var curl_exit: Int?
    public var error: String?
    public var timings_ms: [String: Double]
    public var body_excerpt: String?
    public var evidence: [Evidence]
  }

  public struct Cluster: Codable, Sendable, Equatable {
    public struct Issue: Codable, Sendable, Equatable {
      public var url: String
      public var title: String?
    }

    public struct Why: Codable, Sendable, Equatable {
      public var question: String
      public var observed: Bool
      /// Our sentence, log-borne parts in backticks; null when the why is left to fill.
      public var answer: String?
      /// The lines that show the answer (empty when it is left to fill).
      public var citations: [Evidence]?
      public var prompts: [String]
    }

    public struct Hypothesis: Codable, Sendable, Equatable {
      public var statement: String
      public var `for`: [Evidence]
      public var against: [Evidence]
    }

    public var id: String
    /// The cluster in words (added during report/1: older files lack it).
    public var title: String?
    public var category: String
    public var severity: String
    public var signature: String
    public var count: Int
    /// How many of `count` passed on a rerun (flaky); absent when none did.
    public var flaky: Int?
    public var rules: [String]
    public var owner: String
    public var known_issue: Issue?
    public var why_grouped: String
    public var first_evidence: [Evidence]
    public var five_whys: [Why]
    public var hypotheses: [Hypothesis]
    public var tests: [String]
  }

  public struct Suspicion: Codable, Sendable, Equatable {
    public var kind: String
    public var category: String?
    public var summary: String
    public var tests: [String]
    public var evidence: [Evidence]
  }

  public struct Metrics: Codable, Sendable, Equatable {
    public struct File: Codable, Sendable, Equatable {
      public var file: String
      public var tests: Int
      public var failing: Int
    }

    public struct Slow: Codable, Sendable, Equatable {
      public var id: String
      public var duration_s: Double
    }

    public struct Endpoint: Codable, Sendable, Equatable {
      public var name: String
      public var host: String
      public var requests: Int
      public var statuses: [String: Int]
      public var p50_ms: Double?
      public var p95_ms: Double?
      public var max_ms: Double?
    }

    public struct Target: Codable, Sendable, Equatable {
      public var name: String
      public var goal: String
      public var actual: String
      public var met: Bool
    }

    public var pass_rate: Double?
    public var execution_rate: Double?
    public var files: [File]
    public var slowest: [Slow]
    public var endpoints: [Endpoint]
    public var targets: [Target]
  }

  public struct Action: Codable, Sendable, Equatable {
    public var priority: String
    public var title: String
    public var type: String
    public var owner: String
    /// The first of `clusters` (kept for readers of earlier report/1 files).
    public var cluster: String?
    public var clusters: [String]?
    public var done_when: [String]
  }

  public struct Comparison: Codable, Sendable, Equatable {
    public struct Row: Codable, Sendable, Equatable {
      public var metric: String
      public var before: String
      public var after: String
      public var change: String
    }

    public var baseline: String
    public var rows: [Row]
    /// Test ids per transition (`fixed`, `new_failures`, ...).
    public var tests: [String: [String]]
    /// Cluster ids per transition (`resolved`, `new`, `persisting`).
    public var clusters: [String: [String]]
    /// Each cluster of `clusters` in words, by id (added during report/1).
    public var cluster_titles: [String: String]?
    /// Tests that failed in both runs, but for another reason: category before and after.
    public var shifts: [Shift]?

    public struct Shift: Codable, Sendable, Equatable {
      public var from: String
      public var to: String
      public var tests: [String]
    }
  }

  public struct Warning: Codable, Sendable, Equatable {
    public var path: String
    public var line: Int?
    public var message: String
  }
}
