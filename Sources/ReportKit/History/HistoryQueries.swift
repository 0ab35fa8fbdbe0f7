/// The SQL the history answers with, written once for both stores (`?` parameters, standard
/// window functions, no dialect-only syntax). Each query aggregates in the database: the weekly
/// review reads a few hundred rows whatever the number of tests recorded.
///
/// `period` is every run from `since` to `until`; a cluster's first and last sighting look at
/// every run up to `until`.
enum HistoryQueries {
  static let runColumns = """
    r.id, r.run_key, r.at, r.source, r.tests, r.passed, r.failed, r.errors, r.skipped, r.xfailed, r.xpassed, r.flaky,
    r.pass_rate, r.duration_s, r.failures_infrastructure, r.failures_auth, r.failures_routing, r.failures_logic,
    r.clusters, r.suspicious, r.ci_commit, r.ci_branch, r.ci_url
    """

  /// Runs from `since` to `until`, oldest first. Parameters: since, until.
  static let runs = "SELECT \(runColumns) FROM runs r WHERE r.at >= ? AND r.at <= ? ORDER BY r.at, r.run_key"

  /// The newest `limit` runs up to `until`, newest first. Parameters: since, until, limit.
  static let latestRuns = "SELECT \(runColumns) FROM runs r WHERE r.at >= ? AND r.at <= ? ORDER BY r.at DESC, r.run_key DESC LIMIT ?"

  /// The newest run up to a time, other than one run id: `--baseline previous`. Parameters: until, run key.
  static let previousRun = "SELECT \(runColumns) FROM runs r WHERE r.at <= ? AND r.run_key <> ? ORDER BY r.at DESC, r.id DESC LIMIT 1"

  /// Every cluster seen up to `until`: its latest row, first and last sighting, runs seen in
  /// all and in the period, and the first run after its last sighting (when it was resolved, if
  /// that run is up to `until`). Parameters: until, since.
  static let clusters = """
    WITH hist AS (SELECT id, at, run_key FROM runs WHERE at <= ?),
    sightings AS (
      SELECT c.cluster_id, c.title, c.category, c.severity, c.tests, h.id AS run_id, h.at, h.run_key,
        ROW_NUMBER() OVER (PARTITION BY c.cluster_id ORDER BY h.at DESC, h.run_key DESC) AS newest,
        FIRST_VALUE(h.at) OVER (PARTITION BY c.cluster_id ORDER BY h.at, h.run_key) AS first_at,
        FIRST_VALUE(h.run_key) OVER (PARTITION BY c.cluster_id ORDER BY h.at, h.run_key) AS first_key,
        COUNT(*) OVER (PARTITION BY c.cluster_id) AS seen_runs,
        SUM(CASE WHEN h.at >= ? THEN 1 ELSE 0 END) OVER (PARTITION BY c.cluster_id) AS period_runs
      FROM clusters c JOIN hist h ON h.id = c.run_id)
    SELECT l.cluster_id, l.title, l.category, l.severity, l.tests, l.run_id, l.run_key, l.first_at, l.first_key, l.at,
      l.seen_runs, l.period_runs,
      (SELECT h.at FROM hist h WHERE h.at > l.at ORDER BY h.at, h.run_key LIMIT 1) AS resolved_at,
      (SELECT h.run_key FROM hist h WHERE h.at > l.at ORDER BY h.at, h.run_key LIMIT 1) AS resolved_key
    FROM sightings l
    WHERE l.newest = 1
    ORDER BY l.first_at, l.cluster_id
    """

  /// Tests whose outcome flips between failing and not from one run to the next, or that passed
  /// only on a retry: how many runs they were in, failed in, flipped at, were retried in.
  ///
  /// Counting flips needs every run a test was in, a scan of the period's results; so the
  /// candidates are chosen first from the failures alone (10% of the rows at most): their runs
  /// of consecutive failures ("streaks", each at most two flips) and retries. Only the
  /// `limit` best candidates are counted exactly. Parameters: since, until, limit.
  static let unsteadyTests = """
    WITH period AS (SELECT id, at, run_key, ROW_NUMBER() OVER (ORDER BY at, run_key) AS n FROM runs WHERE at >= ? AND at <= ?),
    failing AS (
      SELECT f.test_key, f.status, p.n,
        p.n - ROW_NUMBER() OVER (
          PARTITION BY f.test_key, CASE WHEN f.status = 'flaky' THEN 1 ELSE 0 END ORDER BY p.n) AS streak
      FROM failures f JOIN period p ON p.id = f.run_id),
    candidates AS (
      SELECT test_key,
        COUNT(DISTINCT CASE WHEN status IN ('failed', 'error') THEN streak END) AS streaks,
        SUM(CASE WHEN status = 'flaky' THEN 1 ELSE 0 END) AS retries,
        COUNT(*) AS troubled
      FROM failing GROUP BY test_key
      ORDER BY streaks DESC, retries DESC, troubled DESC, test_key
      LIMIT ?),
    outcomes AS (
      SELECT r.test_key, r.status, CASE WHEN r.status IN ('failed', 'error') THEN 1 ELSE 0 END AS bad, p.at, p.run_key
      FROM period p JOIN results r ON r.run_id = p.id
      WHERE r.test_key IN (SELECT test_key FROM candidates)),
    steps AS (
      SELECT test_key, status, bad, LAG(bad) OVER (PARTITION BY test_key ORDER BY at, run_key) AS before FROM outcomes)
    SELECT n.test_id, COUNT(*) AS runs, SUM(bad) AS failures,
      SUM(CASE WHEN before IS NOT NULL AND before <> bad THEN 1 ELSE 0 END) AS flips,
      SUM(CASE WHEN status = 'flaky' THEN 1 ELSE 0 END) AS retried
    FROM steps JOIN test_names n ON n.test_key = steps.test_key
    GROUP BY steps.test_key, n.test_id
    ORDER BY flips DESC, failures DESC, n.test_id
    """

  /// The tests that failed in the most runs of the period, with the runs they were in and their
  /// latest cluster. Parameters: since, until, limit.
  static let failingTests = """
    WITH period AS (SELECT id, at, run_key FROM runs WHERE at >= ? AND at <= ?),
    counted AS (
      SELECT f.test_key, COUNT(*) AS failures
      FROM failures f JOIN period p ON p.id = f.run_id
      WHERE f.status IN ('failed', 'error')
      GROUP BY f.test_key),
    top AS (
      SELECT c.test_key, c.failures, n.test_id FROM counted c JOIN test_names n ON n.test_key = c.test_key
      ORDER BY c.failures DESC, n.test_id LIMIT ?),
    presence AS (
      SELECT r.test_key, COUNT(*) AS runs FROM period p JOIN results r ON r.run_id = p.id
      WHERE r.test_key IN (SELECT test_key FROM top) GROUP BY r.test_key),
    latest AS (
      SELECT f.test_key, f.cluster_id,
        ROW_NUMBER() OVER (PARTITION BY f.test_key ORDER BY p.at DESC, p.run_key DESC) AS newest
      FROM failures f JOIN period p ON p.id = f.run_id
      WHERE f.test_key IN (SELECT test_key FROM top) AND f.status IN ('failed', 'error'))
    SELECT t.test_id, t.failures, COALESCE(pr.runs, 0), l.cluster_id
    FROM top t LEFT JOIN presence pr ON pr.test_key = t.test_key LEFT JOIN latest l ON l.test_key = t.test_key AND l.newest = 1
    ORDER BY t.failures DESC, t.test_id
    """

  /// Each endpoint's p95 in its first and last run of the period. Parameters: since, until.
  static let endpoints = """
    WITH period AS (SELECT id, at, run_key FROM runs WHERE at >= ? AND at <= ?),
    measured AS (
      SELECT e.name, e.host, e.p95_ms, p.run_key,
        ROW_NUMBER() OVER (PARTITION BY e.name, e.host ORDER BY p.at, p.run_key) AS from_start,
        ROW_NUMBER() OVER (PARTITION BY e.name, e.host ORDER BY p.at DESC, p.run_key DESC) AS from_end,
        COUNT(*) OVER (PARTITION BY e.name, e.host) AS runs
      FROM endpoints e JOIN period p ON p.id = e.run_id WHERE e.p95_ms IS NOT NULL)
    SELECT a.name, a.host, a.p95_ms, b.p95_ms, a.runs, a.run_key, b.run_key
    FROM measured a JOIN measured b ON b.name = a.name AND b.host = a.host AND b.from_end = 1
    WHERE a.from_start = 1
    ORDER BY a.name, a.host
    """

  /// Suspicious findings (false greens and run health) about the same subject in two runs or
  /// more of the period, with their latest category and summary. Parameters: since, until.
  static let recurringFindings = """
    WITH period AS (SELECT id, at, run_key FROM runs WHERE at >= ? AND at <= ?),
    per_run AS (
      SELECT s.kind, s.subject, MIN(s.seq) AS seq, p.id, p.at, p.run_key
      FROM suspicious s JOIN period p ON p.id = s.run_id
      GROUP BY s.kind, s.subject, p.id, p.at, p.run_key),
    seen AS (
      SELECT kind, subject, id, seq, at,
        ROW_NUMBER() OVER (PARTITION BY kind, subject ORDER BY at DESC, run_key DESC) AS newest,
        COUNT(*) OVER (PARTITION BY kind, subject) AS runs,
        MIN(at) OVER (PARTITION BY kind, subject) AS first_at
      FROM per_run)
    SELECT x.kind, x.subject, s.category, s.summary, x.runs, x.first_at, x.at
    FROM seen x JOIN suspicious s ON s.run_id = x.id AND s.seq = x.seq
    WHERE x.newest = 1 AND x.runs >= 2
    ORDER BY x.runs DESC, x.kind, x.subject
    """

  /// The action plan a run recorded for one cluster. Parameters: run id, cluster id.
  static let actions = """
    SELECT priority, title, kind, owner, done_when FROM actions WHERE run_id = ? AND cluster_id = ? ORDER BY seq
    """

  /// A run's tests with their ids: `--baseline previous`. Parameter: run id.
  static let runTests = """
    SELECT n.test_id, r.status, r.duration_s FROM results r JOIN test_names n ON n.test_key = r.test_key WHERE r.run_id = ?
    ORDER BY r.seq
    """

  /// A run's clusters and endpoints: `--baseline previous`. Parameter: run id.
  static let runClusters = "SELECT cluster_id, category, tests, signature, title FROM clusters WHERE run_id = ?"
  static let runEndpoints = "SELECT name, p95_ms, p50_ms FROM endpoints WHERE run_id = ? AND p95_ms IS NOT NULL ORDER BY name, host"
  /// A run's failed, errored and flaky tests with their category. Parameter: run id.
  static let runFailureCategories = """
    SELECT n.test_id, f.category FROM failures f JOIN test_names n ON n.test_key = f.test_key
    WHERE f.run_id = ? AND f.category IS NOT NULL
    """
}
