/// Where a history of runs is kept: a SQLite file (the default, `OUT/history.sqlite`), or a
/// PostgreSQL database named by a `postgresql://` URL, shared by a team's CI runners.
///
/// Printed, it never shows a password: `postgresql://ci:***@db.internal:5432/reports`.
public enum HistoryLocation: Sendable, Equatable, CustomStringConvertible {
  case sqlite(path: String)
  case postgres(PostgresURL)

  /// `--history PATH|URL`: a `postgres://` or `postgresql://` URL names a server; anything else
  /// is the path of a SQLite file. A malformed URL throws, and the message masks its password.
  public init(_ text: String) throws {
    if PostgresURL.isURL(text) {
      self = .postgres(try PostgresURL(text))
    } else {
      guard !text.isEmpty else { throw HistoryError.badLocation("--history: give a file path or a postgresql:// URL") }
      self = .sqlite(path: text)
    }
  }

  /// The history `report build --out DIR` keeps by default: `DIR/history.sqlite`.
  public static func beside(outDir: String) -> HistoryLocation { .sqlite(path: outDir + "/history.sqlite") }

  /// The location as it may be printed: a path as given, a URL with its password masked.
  public var description: String {
    switch self {
    case .sqlite(let path): path
    case .postgres(let url): url.description
    }
  }

  /// The folder a SQLite history lives in (where `report weekly` writes by default); nil for a server.
  public var folder: String? {
    guard case .sqlite(let path) = self else { return nil }
    guard let slash = path.lastIndex(of: "/") else { return "." }
    return slash == path.startIndex ? "/" : String(path[..<slash])
  }
}
