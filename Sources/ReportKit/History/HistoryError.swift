/// What can go wrong with a history store. Every message names the store masked (no password).
/// The CLI maps them to exit codes (README, "Exit codes"): `badLocation` 64, `missing` 66,
/// `unusable` and `newerSchema` 74, `unreachable` 75, `failed` 70.
public enum HistoryError: Error, Sendable, CustomStringConvertible {
  /// `--history` is neither a path nor a PostgreSQL URL one can connect with.
  case badLocation(String)
  /// A command that reads a history was pointed at a file that does not exist.
  case missing(location: String)
  /// The store could not be reached, or stayed locked or busy after the retries (try again).
  case unreachable(location: String, why: String)
  /// The store is not a history this build can use: corrupt, or some other database.
  case unusable(location: String, why: String)
  /// The store was written by a newer `report`, whose schema this build does not know.
  case newerSchema(location: String, found: String, known: String)
  /// Something the store did that no case above explains (a bug, or a store changed by hand).
  case failed(location: String, why: String)

  public var description: String {
    let text: String
    switch self {
    case .badLocation(let why): text = why
    case .missing(let location): text = "no history at \(location) (record one with `report build` or `report history import`)"
    case .unreachable(let location, let why): text = "history \(location) cannot be reached: \(why)"
    case .unusable(let location, let why): text = "history \(location) is unusable: \(why)"
    case .failed(let location, let why): text = "history \(location) failed: \(why)"
    case .newerSchema(let location, let found, let known):
      text =
        "history \(location) has schema \(found), newer than this report's (\(known)): upgrade report, or point --history elsewhere"
    }
    return PostgresURL.mask(text)
  }
}
