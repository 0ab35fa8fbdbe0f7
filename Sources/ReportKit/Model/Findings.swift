/// What the analysis concluded about a run: a verdict per failure, clusters, and the things that
/// make a run look greener than it is.
public struct Findings: Sendable {
  /// One per failed or errored test, keyed by its index in `Run.tests`.
  public var classifications = Classifications()
  /// Largest first, then by id.
  public var clusters: [Cluster] = []
  /// The cluster of each classified test (index into `clusters`), keyed like `classifications`.
  public var clusterOf: [Int: Int] = [:]
  public var suspicious: [Suspicion] = []
  /// The failed and errored tests (indices into `Run.tests`) in id order.
  public var failingInOrder: [Int] = []
  /// Tests that failed and then passed on a rerun: classified and clustered like failures (their
  /// failing attempt's text), but not counted as failures.
  public var flaky: Set<Int> = []

  public init() {}

  /// Failures per category, every category present (zero when none).
  public var countsByCategory: [(Category, Int)] {
    let counts = classifications.categoryCounts(excluding: flaky)
    return Category.allCases.map { ($0, counts[$0.position]) }
  }
}

/// Failures grouped by one signature: the same category, exception and masked message.
/// The hosts (in order of first appearance) and how many routes a cluster of failed requests
/// spans, when it is wider than one route.
public struct RequestSpread: Sendable {
  public var hosts: [String]
  public var routes: Int
}

public struct Cluster: Sendable {
  public var id: String
  public var signature: String
  public var category: Category
  /// The rules that decided its tests, most frequent first.
  public var rules: [String]
  /// Indices into `Run.tests`, in id order.
  public var tests: [Int]
  /// How many of `tests` passed on a rerun (flaky): the failure happened, but did not stay.
  public var flaky = 0
  /// Indices into `Run.requests`: a cluster of failed requests no failing test explains (a
  /// curl-only run's findings); empty for clusters of tests.
  public var requests: [Int] = []
  /// For a cluster of requests wider than one route: the hosts and routes it spans.
  public var spread: RequestSpread? = nil
  public var evidence: Evidence
  public var reason: String
  public var severity: Severity
  /// From report.yml, else the default of its category.
  public var owner: String
  public var knownIssue: KnownIssue?
}

/// A reason to distrust a green result, or the run as a whole.
public struct Suspicion: Sendable {
  public enum Kind: String, Sendable, CaseIterable {
    case mockFallback = "mock_fallback"
    case skippedEnvironmentDown = "skipped_environment_down"
    case nothingCollected = "nothing_collected"
    case allSkipped = "all_skipped"
    case collectionErrors = "collection_errors"
    case flaky
    case hostDrift = "host_drift"
    /// Passes far faster than their peers: they may not have run their steps.
    case tooFast = "too_fast"
  }

  public var kind: Kind
  public var category: Category?
  public var summary: String
  /// Test ids concerned (may be empty for run-level findings).
  public var tests: [String]
  public var evidence: [Evidence]
  /// Host names concerned (host drift).
  public var hosts: [String] = []
}
