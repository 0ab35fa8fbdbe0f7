import Foundation
internal import GRDB

/// A history in a SQLite file, through GRDB: WAL (readers never wait for the writer), a busy
/// timeout and retries (builds that finish at once all land), one IMMEDIATE transaction per run,
/// GRDB's `DatabaseMigrator` for the schema (`PRAGMA user_version` = migrations applied).
///
/// A file that is not SQLite, is corrupt, holds other tables, or was migrated by a newer
/// `report` is refused with a `HistoryError` naming it.
final class SQLiteHistory: HistoryStore {
  let location: HistoryLocation
  let path: String
  private let queue: DatabaseQueue

  /// Seconds a writer waits for another to finish (`REPORT_HISTORY_BUSY_TIMEOUT`, default 30),
  /// each of `attempts` times.
  static var busyTimeout: TimeInterval {
    ProcessInfo.processInfo.environment["REPORT_HISTORY_BUSY_TIMEOUT"].flatMap(TimeInterval.init) ?? 30
  }
  static let attempts = 5

  /// Opens (with `create`, creates) the history at `path` and brings its schema up to date.
  init(path: String, create: Bool) throws {
    self.path = path
    location = .sqlite(path: path)
    if !FileManager.default.fileExists(atPath: path) {
      guard create else { throw HistoryError.missing(location: path) }
      if let folder = location.folder { try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
    }
    var config = Configuration()
    config.journalMode = .wal
    config.busyMode = .timeout(Self.busyTimeout)
    config.label = "report history"
    // Pages of 16 KiB for a new file (an existing one keeps its size): a million rows a run fill
    // fewer pages, each split less often. Before WAL is set, which fixes the page size.
    config.prepareDatabase { db in try db.execute(sql: "PRAGMA page_size = 16384") }
    let location = self.location
    // Opening a new file (page size, WAL) and migrating it are serialized between processes by
    // a lock on the folder: six builds that start at once on a fresh history otherwise race on
    // the first schema, and SQLite's busy handler does not cover every step of that race.
    let lock = FolderLock(folder: location.folder ?? ".")
    defer { lock.release() }
    queue = try Self.retrying(location) { try DatabaseQueue(path: path, configuration: config) }
    try Self.retrying(location, migrating: true) { [queue] in try Self.migrate(queue, location) }
  }

  func close() { try? queue.close() }

  // MARK: - Schema

  private static func migrate(_ queue: DatabaseQueue, _ location: HistoryLocation) throws {
    var migrator = DatabaseMigrator()
    for identifier in HistorySchema.migrations {
      migrator.registerMigration(identifier) { db in
        for sql in HistorySchema.statements(identifier, .sqlite) { try db.execute(sql: sql) }
        try db.execute(sql: "PRAGMA user_version = \(HistorySchema.migrations.firstIndex(of: identifier).map { $0 + 1 } ?? 0)")
      }
    }
    try queue.inDatabase { db in
      let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      if !tables.isEmpty && !tables.contains("grdb_migrations") {
        throw HistoryError.unusable(
          location: location.description, why: "not a report history: it holds other tables (\(tables.prefix(5).joined(separator: ", ")))")
      }
      let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
      if try version > HistorySchema.userVersion || migrator.hasBeenSuperseded(db) {
        let applied = try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier")
        throw HistoryError.newerSchema(
          location: location.description, found: applied.last.map { "\($0) (user_version \(version))" } ?? "user_version \(version)",
          known: HistorySchema.current)
      }
    }
    try migrator.migrate(queue)
  }

  // MARK: - Writing

  func record(_ record: HistoryRecord) throws -> Bool {
    try Self.retrying(location) { [queue] in
      var replaced = false
      try queue.inTransaction(.immediate) { db in
        replaced = try Self.deleteRun(record.runKey, db)
        try db.execute(sql: HistoryRecord.insert("runs", HistoryRecord.runColumns), arguments: Self.arguments(record.runValues))
        let runID = db.lastInsertedRowID
        for child in record.childRows(runID: runID) where !child.rows.isEmpty {
          let statement = try db.makeStatement(sql: HistoryRecord.insert(child.table, child.columns))
          for row in child.rows { try statement.execute(arguments: Self.arguments(row)) }
        }
        try SQLiteTestWriter(db: db, runID: runID).write(record.tests)
        return .commit
      }
      return replaced
    }
  }

  /// Deletes the run recorded under `key`, if any, with its rows.
  private static func deleteRun(_ key: String, _ db: Database) throws -> Bool {
    guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM runs WHERE run_key = ?", arguments: [key]) else { return false }
    for table in HistorySchema.runTables { try db.execute(sql: "DELETE FROM \(table) WHERE run_id = ?", arguments: [id]) }
    try db.execute(sql: "DELETE FROM runs WHERE id = ?", arguments: [id])
    return true
  }

  private static func arguments(_ values: [SQLValue]) -> StatementArguments {
    StatementArguments(
      values.map { v -> DatabaseValue in
        switch v {
        case .int(let n): n.databaseValue
        case .double(let d): d.databaseValue
        case .text(let s): s.databaseValue
        case .null: .null
        }
      })
  }

  // MARK: - Reading

  func rows(_ sql: String, _ arguments: [SQLValue]) throws -> [SQLRow] {
    try Self.retrying(location) { [queue] in
      try queue.read { db in
        try Row.fetchAll(db, sql: sql, arguments: Self.arguments(arguments)).map { row in
          SQLRow(
            values: row.databaseValues.map { v in
              switch v.storage {
              case .null: .null
              case .int64(let n): .int(n)
              case .double(let d): .double(d)
              case .string(let s): .text(s)
              case .blob(let b): .text(String(decoding: b, as: UTF8.self))
              }
            })
        }
      }
    }
  }

  // MARK: - Errors

  /// Runs `body`, again after a pause while the database is busy or locked (or, `migrating`, a
  /// concurrent first migration got there first); maps SQLite's errors to `HistoryError`s.
  static func retrying<T>(_ location: HistoryLocation, migrating: Bool = false, _ body: () throws -> T) throws -> T {
    var attempt = 0
    while true {
      do {
        return try body()
      } catch let error as DatabaseError {
        attempt += 1
        let transient =
          [.SQLITE_BUSY, .SQLITE_LOCKED, .SQLITE_CONSTRAINT].contains(error.resultCode)
          || (error.message ?? "").contains("already exists")
        if transient && attempt < attempts {
          usleep(UInt32(200_000 * attempt + Int.random(in: 0..<100_000)))
          continue
        }
        throw map(error, location, attempts: attempt)
      }
    }
  }

  private static func map(_ error: DatabaseError, _ location: HistoryLocation, attempts: Int) -> Error {
    let why = error.message ?? "\(error.resultCode)"
    switch error.resultCode {
    case .SQLITE_NOTADB: return HistoryError.unusable(location: location.description, why: "not a SQLite database (\(why))")
    case .SQLITE_CORRUPT: return HistoryError.unusable(location: location.description, why: "the file is corrupt (\(why))")
    case .SQLITE_BUSY, .SQLITE_LOCKED:
      return HistoryError.unreachable(
        location: location.description,
        why: "another writer held it for \(Int(busyTimeout)) s, \(attempts) times (\(why)); the run was not recorded")
    case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_READONLY, .SQLITE_IOERR, .SQLITE_FULL, .SQLITE_AUTH:
      return HistoryError.unreachable(location: location.description, why: why)
    default: return error
    }
  }
}
