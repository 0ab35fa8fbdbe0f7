/// A history of runs opened for one command: record a run, list runs, the weekly review, the
/// baseline of `--baseline previous`, import. Behind it, one `HistoryStore`: SQLite or PostgreSQL.
public final class History {
  let store: any HistoryStore
  private var closed = false

  public var location: HistoryLocation { store.location }

  init(store: any HistoryStore) { self.store = store }

  deinit { close() }

  /// Opens the history at `location`. With `create`, a missing SQLite file is created (and a
  /// new database gets the tables); without, a missing file is `HistoryError.missing`.
  public static func open(_ location: HistoryLocation, create: Bool) throws -> History {
    switch location {
    case .sqlite(let path): History(store: try SQLiteHistory(path: path, create: create))
    case .postgres(let url): History(store: try PostgresHistory(url: url))
    }
  }

  public func close() {
    guard !closed else { return }
    closed = true
    store.close()
  }

  /// Writes a run in one transaction; a run recorded under the same id is replaced (returns true).
  public func record(_ record: HistoryRecord) throws -> Bool { try store.record(record) }
}
