internal import GRDB
internal import GRDBSQLite

/// Writes a run's tests into a SQLite history inside the run's transaction, through prepared
/// GRDB statements reused for every row and bound through SQLite's C API (GRDB's argument
/// arrays would allocate per row). Nothing is built per test: a million tests are read from
/// the run as they are written.
///
/// - `results`: every test (key, status, duration), 64 rows per statement, in test order under
///   `(run_id, seq)`: the table's B-tree is only ever appended to;
/// - `failures`: failed, errored and flaky tests, with cluster and category, the same way;
/// - `test_names`: the ids of the tests in buckets of keys not seen before (`NameBuckets`): a
///   suite run again and again writes its million names once, and a few new tests a few
///   thousand.
struct SQLiteTestWriter {
  let db: Database
  let runID: Int64

  /// Rows per multi-row INSERT into `results`.
  static let batch = 64

  func write(_ tests: HistoryTests) throws {
    guard tests.count > 0 else { return }
    var timer = PhaseTimer()
    let buckets = try writeResults(tests).fingerprints
    timer.lap("history: tests")
    var known = Set<Int64>()
    for chunk in stride(from: 0, to: buckets.count, by: 500).map({ buckets[$0..<min($0 + 500, buckets.count)] }) {
      let sql = "SELECT fingerprint FROM test_sets WHERE fingerprint IN (\(chunk.map { _ in "?" }.joined(separator: ", ")))"
      known.formUnion(try Int64.fetchAll(db, sql: sql, arguments: StatementArguments(chunk.map(\.fingerprint))))
    }
    let missing = buckets.filter { !known.contains($0.fingerprint) }
    guard !missing.isEmpty else { return }
    try writeNames(tests, Set(missing.map(\.bucket)))
    let insert = try db.makeStatement(sql: "INSERT OR IGNORE INTO test_sets (fingerprint, tests) VALUES (?, ?)")
    for m in missing { try insert.execute(arguments: [m.fingerprint, m.tests]) }
    timer.lap("history: names (\(missing.count) of \(buckets.count) buckets)")
  }

  /// Writes every test's result, and the failures; returns the fingerprints of the tests' keys.
  private func writeResults(_ tests: HistoryTests) throws -> NameBuckets {
    let full = try db.makeStatement(sql: Self.resultsInsert(Self.batch))
    var s = full.sqliteStatement
    let failures = try db.makeStatement(
      sql: "INSERT INTO failures (run_id, seq, test_key, status, cluster_id, category) VALUES (?, ?, ?, ?, ?, ?)")
    let f = failures.sqliteStatement
    sqlite3_bind_int64(f, 1, runID)
    var partial: Statement?
    var k = 0
    var buckets = NameBuckets()
    let last = tests.count - 1
    try tests.forEach { i, key, status, duration in
      if k == 0 && last - i + 1 < Self.batch {
        // The last few rows: a statement of their own size.
        let statement = try db.makeStatement(sql: Self.resultsInsert(last - i + 1))
        partial = statement
        s = statement.sqliteStatement
      }
      if k == 0 { sqlite3_bind_int64(s, 1, runID) }
      let p = Int32(2 + k * 4)
      sqlite3_bind_int64(s, p, Int64(i))
      sqlite3_bind_int64(s, p + 1, key)
      Self.bindStatus(s, p + 2, status)
      if let duration { sqlite3_bind_double(s, p + 3, duration) } else { sqlite3_bind_null(s, p + 3) }
      buckets.add(key)
      if status.isFailure || status == .flaky {
        let row = tests[i]
        sqlite3_bind_int64(f, 2, Int64(i))
        sqlite3_bind_int64(f, 3, key)
        bindText(f, 4, status.rawValue)
        if let c = row.cluster { bindText(f, 5, c) } else { sqlite3_bind_null(f, 5) }
        if let c = row.category { bindText(f, 6, c) } else { sqlite3_bind_null(f, 6) }
        try step(f)
      }
      k += 1
      if k == Self.batch || i == last {
        try step(s)
        k = 0
      }
    }
    _ = partial
    return buckets
  }

  /// Writes the ids of the tests in `buckets`, in key order, 64 to a statement.
  private func writeNames(_ tests: HistoryTests, _ buckets: Set<Int>) throws {
    let full = try db.makeStatement(sql: Self.namesInsert(Self.batch))
    var m = full.sqliteStatement
    var partial: Statement?
    var id: [UInt8] = []
    var k = 0
    let order = tests.indicesByKey(in: buckets)
    var left = order.count
    for i in order {
      if k == 0 && left < Self.batch {
        let statement = try db.makeStatement(sql: Self.namesInsert(left))
        partial = statement
        m = statement.sqliteStatement
      }
      let row = tests[Int(i)]
      id.removeAll(keepingCapacity: true)
      id.append(contentsOf: row.prefix.utf8)
      id.append(contentsOf: row.name.utf8)
      sqlite3_bind_int64(m, Int32(1 + k * 2), row.key)
      id.withUnsafeBufferPointer { p in
        _ = sqlite3_bind_text(
          m, Int32(2 + k * 2), UnsafeRawPointer(p.baseAddress)?.assumingMemoryBound(to: CChar.self), Int32(p.count), transient)
      }
      k += 1
      left -= 1
      if k == Self.batch || left == 0 {
        try step(m)
        k = 0
      }
    }
    _ = partial
  }

  /// `INSERT OR IGNORE INTO test_names ... VALUES (?, ?), (?, ?), ...`: `n` rows.
  static func namesInsert(_ n: Int) -> String {
    "INSERT OR IGNORE INTO test_names (test_key, test_id) VALUES " + Array(repeating: "(?, ?)", count: n).joined(separator: ", ")
  }

  /// `INSERT INTO results ... VALUES (?1, ?2, ?3, ?4, ?5), (?1, ?6, ...), ...`: `n` rows of one run.
  static func resultsInsert(_ n: Int) -> String {
    "INSERT INTO results (run_id, seq, test_key, status, duration_s) VALUES "
      + (0..<n).map { k in "(?1, ?\(2 + k * 4), ?\(3 + k * 4), ?\(4 + k * 4), ?\(5 + k * 4))" }.joined(separator: ", ")
  }

  /// Binds a status name from static storage (no copy: the bytes live as long as the program).
  private static func bindStatus(_ s: OpaquePointer, _ column: Int32, _ status: TestStatus) {
    let name = statusNames[statusIndex[status] ?? 0]
    sqlite3_bind_text(s, column, UnsafeRawPointer(name.utf8Start).assumingMemoryBound(to: CChar.self), Int32(name.utf8CodeUnitCount), nil)
  }

  private static let statusNames: [StaticString] = ["passed", "failed", "error", "skipped", "xfailed", "xpassed", "flaky"]
  private static let statusIndex: [TestStatus: Int] = Dictionary(
    uniqueKeysWithValues: TestStatus.allCases.map { s in (s, statusNames.firstIndex { $0.description == s.rawValue } ?? 0) })

  /// Binds a copy of `text` (the Swift string's bytes are only lent for the call).
  private func bindText(_ s: OpaquePointer, _ column: Int32, _ text: String) {
    var text = text
    text.withUTF8 { p in
      _ = sqlite3_bind_text(s, column, UnsafeRawPointer(p.baseAddress)?.assumingMemoryBound(to: CChar.self), Int32(p.count), transient)
    }
  }

  private func step(_ s: OpaquePointer) throws {
    let rc = sqlite3_step(s)
    sqlite3_reset(s)
    guard rc == SQLITE_DONE else {
      throw DatabaseError(resultCode: ResultCode(rawValue: rc), message: db.sqliteConnection.map { String(cString: sqlite3_errmsg($0)) })
    }
  }

  /// SQLite's `SQLITE_TRANSIENT`: SQLite copies the bytes before the call returns.
  private let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}
