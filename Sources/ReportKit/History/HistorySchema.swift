/// The tables of a history, the same shape in SQLite and PostgreSQL (each dialect its own DDL
/// text). A schema change is a new migration appended to `migrations`; a store that has applied
/// one this build does not know was written by a newer `report`, and is refused.
///
/// - `runs`: one row per run (`run_key` unique: recording a run id again replaces it): time,
///   source, CI columns, totals, pass rate, failures per category, cluster and finding counts.
/// - `test_names`: every test id ever recorded, once, under its 64-bit key; `test_sets`: the
///   fingerprints of the buckets of keys whose names are all in `test_names` (`NameBuckets`: a
///   suite run again writes no name, one with a few new tests the names of a few buckets).
/// - `results`: every test of every run, in the run's order (`seq`): key, status, duration (the
///   weekly review's flaky and most-failing tests, and `--baseline previous`, need each test's
///   outcome). Keyed by position, not by test, so that a million rows are appended, never
///   inserted at random; a query about some tests reads the rows of the runs it is about.
/// - `failures`: the failed, errored and flaky tests of a run (`seq` as in `results`), with
///   cluster and category.
/// - `clusters`, `endpoints`, `suspicious`, `actions`: per run, as in its report.json.
///
/// No foreign keys: a run's rows are deleted by `run_id` explicitly, and a million result rows
/// are inserted without a parent lookup each.
enum HistorySchema {
  /// Migration identifiers in order; the last is the schema this build writes.
  static let migrations = ["v1"]
  static var current: String { migrations[migrations.count - 1] }
  /// `PRAGMA user_version` of a SQLite history: the number of migrations applied.
  static var userVersion: Int { migrations.count }

  /// The tables holding one run's rows, children first (the order they are deleted in).
  static let runTables = ["results", "failures", "clusters", "endpoints", "suspicious", "actions"]

  enum Dialect { case sqlite, postgres }

  static func v1(_ d: Dialect) -> [String] {
    let int = d == .sqlite ? "INTEGER" : "BIGINT"
    let real = d == .sqlite ? "REAL" : "DOUBLE PRECISION"
    let id = d == .sqlite ? "INTEGER PRIMARY KEY" : "BIGSERIAL PRIMARY KEY"
    let compact = d == .sqlite ? " WITHOUT ROWID" : ""
    return [
      """
      CREATE TABLE runs (
        id \(id),
        run_key TEXT NOT NULL UNIQUE,
        at \(int) NOT NULL,
        at_text TEXT NOT NULL,
        source TEXT NOT NULL,
        signature_version TEXT NOT NULL,
        ci_commit TEXT, ci_branch TEXT, ci_url TEXT, ci_json TEXT,
        tests INTEGER NOT NULL, passed INTEGER NOT NULL, failed INTEGER NOT NULL, errors INTEGER NOT NULL,
        skipped INTEGER NOT NULL, xfailed INTEGER NOT NULL, xpassed INTEGER NOT NULL, flaky INTEGER NOT NULL,
        pass_rate \(real), duration_s \(real) NOT NULL,
        failures_infrastructure INTEGER NOT NULL, failures_auth INTEGER NOT NULL,
        failures_routing INTEGER NOT NULL, failures_logic INTEGER NOT NULL,
        clusters INTEGER NOT NULL, suspicious INTEGER NOT NULL)
      """,
      "CREATE INDEX runs_at ON runs (at)",
      "CREATE TABLE test_names (test_key \(int) PRIMARY KEY, test_id TEXT NOT NULL)",
      "CREATE TABLE test_sets (fingerprint \(int) PRIMARY KEY, tests INTEGER NOT NULL)",
      """
      CREATE TABLE results (run_id \(int) NOT NULL, seq INTEGER NOT NULL, test_key \(int) NOT NULL, status TEXT NOT NULL,
        duration_s \(real), PRIMARY KEY (run_id, seq))\(compact)
      """,
      """
      CREATE TABLE failures (run_id \(int) NOT NULL, seq INTEGER NOT NULL, test_key \(int) NOT NULL, status TEXT NOT NULL,
        cluster_id TEXT, category TEXT, PRIMARY KEY (run_id, seq))\(compact)
      """,
      """
      CREATE TABLE clusters (run_id \(int) NOT NULL, cluster_id TEXT NOT NULL, title TEXT NOT NULL, category TEXT NOT NULL,
        severity TEXT NOT NULL, signature TEXT NOT NULL, tests INTEGER NOT NULL, owner TEXT NOT NULL,
        PRIMARY KEY (run_id, cluster_id))\(compact)
      """,
      "CREATE INDEX clusters_cluster ON clusters (cluster_id)",
      """
      CREATE TABLE endpoints (run_id \(int) NOT NULL, name TEXT NOT NULL, host TEXT NOT NULL, requests INTEGER NOT NULL,
        failures INTEGER NOT NULL, p50_ms \(real), p95_ms \(real), PRIMARY KEY (run_id, name, host))\(compact)
      """,
      """
      CREATE TABLE suspicious (run_id \(int) NOT NULL, seq INTEGER NOT NULL, kind TEXT NOT NULL, subject TEXT NOT NULL,
        category TEXT, summary TEXT NOT NULL, PRIMARY KEY (run_id, seq))\(compact)
      """,
      """
      CREATE TABLE actions (run_id \(int) NOT NULL, seq INTEGER NOT NULL, priority TEXT NOT NULL, title TEXT NOT NULL,
        kind TEXT NOT NULL, owner TEXT NOT NULL, cluster_id TEXT, done_when TEXT NOT NULL, PRIMARY KEY (run_id, seq))\(compact)
      """,
    ]
  }

  /// The DDL of migration `identifier`.
  static func statements(_ identifier: String, _ d: Dialect) -> [String] {
    switch identifier {
    case "v1": v1(d)
    default: []
    }
  }
}
