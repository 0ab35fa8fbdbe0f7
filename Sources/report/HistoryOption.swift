import ArgumentParser
import ReportKit

/// `--history PATH|URL`, shared by the commands that read or write a history.
struct HistoryOption: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp(
      "History: a SQLite file, or postgresql://user@host:port/database (password from PGPASSWORD or ~/.pgpass).",
      valueName: "path|url"))
  var history: String?

  func validate() throws {
    do { _ = try location() } catch let error as HistoryError { throw ValidationError(error.description) }
  }

  /// The location given, or nil.
  func location() throws -> HistoryLocation? { try history.map(HistoryLocation.init) }

  /// The location given, else `reports/history.sqlite` (where `report build` records by default).
  func locationOrDefault() throws -> HistoryLocation { try location() ?? .beside(outDir: "reports") }
}
