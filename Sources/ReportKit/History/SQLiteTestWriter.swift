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
/// - `test_names`: the ids, unless a run with the same set of tests was recorded before
///   (`test_sets` holds a fingerprint of each set): a suite run again and again writes its
///   million names once.
struct SQLiteTestWriter {
  let db: Database
  let runID: Int64

  /// Rows per multi-row INSERT into `results`.
  static let batch = 64

  func write(_ tests: HistoryTests) throws {
    guard tests.count > 0 else { return }
    var timer = PhaseTimer()
    let fingerprint = try writeResults(tests)
    timer.lap("history: tests")
    let known = try Int64.fetchOne(db, sql: "SELECT fingerprint FROM test_sets WHERE fingerprint = ?", arguments: [fingerprint]) != nil
    guard !known else { return }
    try writeNames(tests)
    try db.execute(sql: "INSERT INTO test_sets (fingerprint, tests) VALUES (?, ?)", arguments: [fingerprint, tests.count])
    timer.lap("history: names")
  }

  /// Writes every test's result, and the failures; returns the fingerprint of the set of tests.
  private func writeResults(_ tests: HistoryTests) throws -> Int64 {
    let full = try db.makeStatement(sql: Self.resultsInsert(Self.batch))
    var s = full.sqliteStatement
    let failures = try db.makeStatement(
      sql: "INSERT INTO failures (run_id, seq, test_key, status, cluster_id, category) VALUES (?, ?, ?, ?, ?, ?)")
    let f = failures.sqliteStatement
    sqlite3_bind_int64(f, 1, runID)
    var partial: Statement?
    var k = 0
    var fingerprint = UInt64(tests.count)
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
      bindText(s, p + 2, status.rawValue)
      if let duration { sqlite3_bind_double(s, p + 3, duration) } else { sqlite3_bind_null(s, p + 3) }
      fingerprint &+= HistoryTests.mix(key)
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
    return Int64(bitPattern: fingerprint)
  }

  /// Writes the ids not already known, in key order, 64 to a statement.
  private func writeNames(_ tests: HistoryTests) throws {
    let full = try db.makeStatement(sql: Self.namesInsert(Self.batch))
    var m = full.sqliteStatement
    var partial: Statement?
    var id: [UInt8] = []
    var k = 0
    var left = tests.count
    try tests.forEachByKey { i in
      if k == 0 && left < Self.batch {
        let statement = try db.makeStatement(sql: Self.namesInsert(left))
        partial = statement
        m = statement.sqliteStatement
      }
      let row = tests[i]
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
