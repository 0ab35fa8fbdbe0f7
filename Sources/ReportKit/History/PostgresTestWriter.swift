internal import PostgresNIO

/// Writes a run's tests into a PostgreSQL history: batches of rows sent as arrays and spread
/// into rows by `unnest`, one statement per table per batch, a batch at a time in memory. Ids
/// go in key order (and only for buckets of keys not seen before, as in SQLite: `NameBuckets`),
/// so writers that meet on a test name take its lock in the same order and cannot deadlock.
struct PostgresTestWriter {
  let link: PostgresLink
  let runID: Int64

  static let batch = 20_000

  func write(_ tests: HistoryTests) throws {
    var seqs: [Int64] = [], keys: [Int64] = [], statuses: [String] = [], durations: [Double] = []
    var failSeqs: [Int64] = [], failKeys: [Int64] = [], failStatuses: [String] = [], clusters: [String] = [], categories: [String] = []
    var buckets = NameBuckets()
    func flush() throws {
      try insert(
        """
        INSERT INTO results (run_id, seq, test_key, status, duration_s)
        SELECT $1, q, k, s, NULLIF(d, 'NaN'::float8) FROM unnest($2::bigint[], $3::bigint[], $4::text[], $5::float8[]) AS t(q, k, s, d)
        """, seqs, keys, statuses, durations)
      if !failKeys.isEmpty {
        try insert(
          """
          INSERT INTO failures (run_id, seq, test_key, status, cluster_id, category)
          SELECT $1, q, k, s, NULLIF(c, ''), NULLIF(g, '')
          FROM unnest($2::bigint[], $3::bigint[], $4::text[], $5::text[], $6::text[]) AS t(q, k, s, c, g)
          """, failSeqs, failKeys, failStatuses, clusters, categories)
      }
      seqs = []; keys = []; statuses = []; durations = []
      failSeqs = []; failKeys = []; failStatuses = []; clusters = []; categories = []
    }
    try tests.forEach { i, key, status, duration in
      seqs.append(Int64(i))
      keys.append(key)
      statuses.append(status.rawValue)
      durations.append(duration ?? .nan)
      buckets.add(key)
      if status.isFailure || status == .flaky {
        let row = tests[i]
        failSeqs.append(Int64(i))
        failKeys.append(key)
        failStatuses.append(status.rawValue)
        clusters.append(row.cluster ?? "")
        categories.append(row.category ?? "")
      }
      if seqs.count == Self.batch { try flush() }
    }
    if !seqs.isEmpty { try flush() }
    let fingerprints = buckets.fingerprints
    var binds = PostgresBindings()
    binds.append(fingerprints.map(\.fingerprint))
    let known = Set(
      try link.rows(PostgresQuery(unsafeSQL: "SELECT fingerprint FROM test_sets WHERE fingerprint = ANY($1::bigint[])", binds: binds))
        .map { $0.int64(0) })
    let missing = fingerprints.filter { !known.contains($0.fingerprint) }
    guard !missing.isEmpty else { return }
    var ids: [String] = []
    func flushNames() throws {
      try insert(
        """
        INSERT INTO test_names (test_key, test_id)
        SELECT k, i FROM unnest($2::bigint[], $3::text[]) AS t(k, i) WHERE $1::bigint IS NOT NULL
        ON CONFLICT (test_key) DO NOTHING
        """, keys, ids)
      keys = []
      ids = []
    }
    for i in tests.indicesByKey(in: Set(missing.map(\.bucket))) {
      let row = tests[Int(i)]
      keys.append(row.key)
      ids.append(row.id)
      if keys.count == Self.batch { try flushNames() }
    }
    if !keys.isEmpty { try flushNames() }
    for m in missing {
      try link.execute(
        "INSERT INTO test_sets (fingerprint, tests) VALUES ($1, $2) ON CONFLICT (fingerprint) DO NOTHING",
        [.int(m.fingerprint), SQLValue(m.tests)])
    }
  }

  private func insert(_ sql: String, _ a: [Int64], _ b: [Int64], _ c: [String], _ d: [Double]) throws {
    var binds = PostgresBindings(capacity: 5)
    binds.append(runID)
    binds.append(a)
    binds.append(b)
    binds.append(c)
    binds.append(d)
    _ = try link.rows(PostgresQuery(unsafeSQL: sql, binds: binds))
  }

  private func insert(_ sql: String, _ a: [Int64], _ b: [String]) throws {
    var binds = PostgresBindings(capacity: 3)
    binds.append(runID)
    binds.append(a)
    binds.append(b)
    _ = try link.rows(PostgresQuery(unsafeSQL: sql, binds: binds))
  }

  private func insert(_ sql: String, _ q: [Int64], _ a: [Int64], _ b: [String], _ c: [String], _ d: [String]) throws {
    var binds = PostgresBindings(capacity: 6)
    binds.append(runID)
    binds.append(q)
    binds.append(a)
    binds.append(b)
    binds.append(c)
    binds.append(d)
    _ = try link.rows(PostgresQuery(unsafeSQL: sql, binds: binds))
  }
}
