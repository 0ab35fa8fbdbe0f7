import Foundation
import TestSupport

@testable import ReportKit

/// The two stores, for the tests that run against both.
enum StoreKind: String, CaseIterable, CustomStringConvertible {
  case sqlite, postgres
  var description: String { rawValue }
}

/// A fresh, empty history of one kind, and what the tests need to reach it with another client.
struct FreshHistory {
  let kind: StoreKind
  let location: HistoryLocation
  /// The SQLite file, or the PostgreSQL database's name.
  let name: String
  let dir: TempDir

  /// A fresh history; nil (the reason printed) for PostgreSQL when its binaries are absent.
  static func make(_ kind: StoreKind) throws -> FreshHistory? {
    let dir = TempDir()
    switch kind {
    case .sqlite:
      let path = dir.path + "/history.sqlite"
      return FreshHistory(kind: kind, location: .sqlite(path: path), name: path, dir: dir)
    case .postgres:
      guard let server = try PostgresServer.require() else { return nil }
      let db = server.database()
      return FreshHistory(kind: kind, location: try HistoryLocation(server.url(db)), name: db, dir: dir)
    }
  }

  func open() throws -> History { try History.open(location, create: true) }

  /// Runs SQL through another client (python's sqlite3, or psql); rows as `a|b|c` lines.
  func sql(_ sql: String) -> Shell.Output {
    switch kind {
    case .sqlite: Shell.sqlite(name, sql)
    case .postgres: PostgresServer.shared?.psql(name, sql) ?? Shell.Output(status: 1, stdout: "", stderr: "no server")
    }
  }
}

/// Reports of the example runs, analyzed as `report build` analyzes them.
enum ExampleRuns {
  static let root = Fixtures.root + "/../../examples"

  /// The report of `examples/<logs>` as run `id`, made at `time`.
  static func report(_ logs: String, id: String, time: String, baseline: Snapshot? = nil) throws -> Report {
    let builder = ReportBuilder()
    let run = try builder.read([root + "/" + logs])
    let config = ReportConfig()
    let findings = Triage(config: config).findings(of: run)
    let analysis = Analysis(run: run, findings: findings, config: config, baseline: baseline, label: id)
    return Report(run: run, findings: findings, analysis: analysis, meta: RunMeta(runID: id, generatedAt: time))
  }

  /// Eight daily runs: the baseline (staging down) on days 1, 4 and 7, the later run otherwise.
  static func week() throws -> [Report] {
    try (1...8).map { d in try report(d % 3 == 1 ? "baseline" : "logs", id: "day\(d)", time: "2026-01-0\(d)T09:00:00Z") }
  }

  /// report.json of `report`, as the build writes it.
  static func json(_ report: Report, in dir: TempDir) throws -> String {
    let path = dir.path + "/\(report.meta.runID).json"
    guard let sink = OutputSink(path: path) else { throw CocoaError(.fileWriteUnknown) }
    JSONRenderer().write(report, to: sink)
    _ = sink.finish()
    return path
  }
}
