import Foundation
internal import PostgresNIO

/// A history in a PostgreSQL database, through PostgresNIO: the same tables as the SQLite store
/// (`HistorySchema`, PostgreSQL DDL), the same queries, one transaction per run, for a team whose
/// CI runners are thrown away after each job.
///
/// The CLI is synchronous; this store drives PostgresNIO's `EventLoopFuture` API and waits for
/// each result on the calling thread (`PostgresLink`). The futures complete on NIO's event loop
/// threads, so the wait never needs a Swift concurrency thread, and no state is shared between
/// threads beyond the connection, which PostgresNIO makes safe to use from any thread.
final class PostgresHistory: HistoryStore {
  let location: HistoryLocation
  private let link: PostgresLink

  /// Attempts at connecting, and at a transaction that lost a race (deadlock, serialization
  /// failure, a run id recorded at the same moment by another runner).
  static let attempts = 3

  init(url: PostgresURL) throws {
    location = .postgres(url)
    link = try PostgresLink.connect(url, attempts: Self.attempts)
    do { try migrate() } catch {
      link.close()
      throw error
    }
  }

  func close() { link.close() }

  // MARK: - Schema

  /// Brings the schema up to date under an advisory lock, so runners starting at once migrate once.
  private func migrate() throws {
    try link.transaction { link in
      try link.execute("SELECT pg_advisory_xact_lock(7466327101)")
      let known = try link.rows("SELECT to_regclass('report_migrations') IS NOT NULL, to_regclass('runs') IS NOT NULL")
      let hasMigrations = known.first?.text(0) == "true", hasRuns = known.first?.text(1) == "true"
      if hasRuns && !hasMigrations {
        throw HistoryError.unusable(location: location.description, why: "not a report history: it has a 'runs' table of its own")
      }
      try link.execute("CREATE TABLE IF NOT EXISTS report_migrations (identifier TEXT PRIMARY KEY)")
      let applied = try link.rows("SELECT identifier FROM report_migrations ORDER BY identifier").map { $0.text(0) }
      if let unknown = applied.first(where: { !HistorySchema.migrations.contains($0) }) {
        throw HistoryError.newerSchema(location: location.description, found: unknown, known: HistorySchema.current)
      }
      for identifier in HistorySchema.migrations where !applied.contains(identifier) {
        for sql in HistorySchema.statements(identifier, .postgres) { try link.execute(sql) }
        try link.execute("INSERT INTO report_migrations (identifier) VALUES ($1)", [.text(identifier)])
      }
    }
  }

  // MARK: - Writing

  func record(_ record: HistoryRecord) throws -> Bool {
    try link.retrying(attempts: Self.attempts) {
      var replaced = false
      try link.transaction { link in
        if let old = try link.rows("SELECT id FROM runs WHERE run_key = $1 FOR UPDATE", [.text(record.runKey)]).first {
          replaced = true
          for table in HistorySchema.runTables { try link.execute("DELETE FROM \(table) WHERE run_id = $1", [old.values[0]]) }
          try link.execute("DELETE FROM runs WHERE id = $1", [old.values[0]])
        }
        let insert = PostgresLink.numbered(HistoryRecord.insert("runs", HistoryRecord.runColumns)) + " RETURNING id"
        guard let runID = try link.rows(insert, record.runValues).first?.int64(0) else {
          throw HistoryError.failed(location: location.description, why: "the new run got no id")
        }
        for child in record.childRows(runID: runID) {
          let sql = PostgresLink.numbered(HistoryRecord.insert(child.table, child.columns))
          for row in child.rows { try link.execute(sql, row) }
        }
        try PostgresTestWriter(link: link, runID: runID).write(record.tests)
      }
      return replaced
    }
  }

  // MARK: - Reading

  func rows(_ sql: String, _ arguments: [SQLValue]) throws -> [SQLRow] {
    try link.rows(PostgresLink.numbered(sql), arguments)
  }
}
