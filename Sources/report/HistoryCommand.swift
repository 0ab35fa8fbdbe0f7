import ArgumentParser
import Foundation
import ReportKit

/// `report history`: what a history holds (`list`), and earlier runs brought into it (`import`).
struct HistoryCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "history", abstract: "List the runs of a history, or import earlier runs' report.json files into it.",
    subcommands: [List.self, Import.self, Generate.self])

  /// `report history list`.
  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the runs of a history, newest first.")

    @OptionGroup var history: HistoryOption

    @Option(name: .long, help: "Only runs from this time or date (default: all).")
    var since: String?

    @Option(name: .long, help: "Only runs up to this time or date (default: all).")
    var until: String?

    @Option(name: .long, help: "At most this many runs.")
    var limit = 50

    func validate() throws {
      if let since, WeeklyPeriod.span(since) == nil, WeeklyPeriod.time(since, endOfDay: false) == nil {
        throw ValidationError("--since: '\(since)' is not a span (7d, 36h, 2w), a date, an ISO 8601 time or epoch seconds")
      }
      if let until, WeeklyPeriod.time(until, endOfDay: true) == nil {
        throw ValidationError("--until: '\(until)' is not a date, an ISO 8601 time or epoch seconds")
      }
      if limit < 1 { throw ValidationError("--limit: at least 1") }
    }

    func run() throws {
      try Failure.guarding {
        let location = try history.locationOrDefault()
        let store = try History.open(location, create: false)
        defer { store.close() }
        // No bound by default: runs recorded with a --now in the future are listed too.
        let end = until.flatMap { WeeklyPeriod.time($0, endOfDay: true) } ?? .max
        let clock = Int64(Date().timeIntervalSince1970)
        let start =
          since.flatMap { s in WeeklyPeriod.span(s).map { (end == .max ? clock : end) - $0 } ?? WeeklyPeriod.time(s, endOfDay: false) }
          ?? .min
        let runs = try store.runs(since: start, until: end, limit: limit)
        print(
          "history \(location): \(runs.count) run\(runs.count == 1 ? "" : "s")\(runs.count == limit ? " (the newest \(limit); --limit for more)" : "")"
        )
        guard !runs.isEmpty else { return }
        let rows =
          [["run", "time", "source", "tests", "passed", "failing", "skipped", "pass rate", "clusters"]]
          + runs.map {
            [$0.key, $0.at, $0.source, "\($0.tests)", "\($0.passed)", "\($0.failing)", "\($0.skipped)", $0.passRate, "\($0.clusters)"]
          }
        let widths = rows[0].indices.map { c in rows.map { $0[c].count }.max() ?? 0 }
        for row in rows {
          print(
            row.indices.map { c in
              c >= 3
                ? String(repeating: " ", count: widths[c] - row[c].count) + row[c]
                : row[c].padding(toLength: widths[c], withPad: " ", startingAt: 0)
            }.joined(separator: "  "))
        }
      }
    }
  }

  /// `report history import DIR...`.
  struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Record earlier runs from their report.json: run folders, folders of run folders (like reports/), or report.json files.")

    @Argument(help: "Run folders, folders of run folders, or report.json files.")
    var paths: [String]

    @OptionGroup var history: HistoryOption

    func run() throws {
      try Failure.guarding {
        let location = try history.locationOrDefault()
        let (files, empty) = History.reportFiles(in: paths)
        for path in empty { Console.error("\(path): warning: no report.json in it") }
        guard !files.isEmpty else { throw Failure.NothingToImport() }
        let store = try History.open(location, create: true)
        defer { store.close() }
        var imported = 0
        for file in files {
          do {
            let run = try store.importReport(file)
            imported += 1
            print("imported \(run.runKey) (\(run.tests) tests) from \(file)\(run.replaced ? ", replacing the earlier record" : "")")
          } catch let error as History.ImportError {
            Console.error("\(error.path): warning: \(error.why)")
          }
        }
        guard imported > 0 else { throw Failure.NothingToImport() }
        print("history \(location): \(imported) run\(imported == 1 ? "" : "s") imported")
      }
    }
  }

  /// `report history generate` (hidden): made-up runs for the benchmark of `report weekly`.
  struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Record made-up runs into a history, for benchmarks.", shouldDisplay: false)

    @OptionGroup var history: HistoryOption

    @Option(name: .long, help: "How many runs.")
    var runs = 1000

    @Option(name: .long, help: "Tests per run.")
    var tests = 10000

    @Option(name: .long, help: "Time of the first run (epoch seconds).")
    var start: Int64 = 1_767_225_600

    @Option(name: .long, help: "Seconds between runs.")
    var every: Int64 = 3600

    func run() throws {
      try Failure.guarding {
        let store = try History.open(try history.locationOrDefault(), create: true)
        defer { store.close() }
        try HistoryGenerator(runs: runs, tests: tests, start: start, every: every).generate(into: store)
        print("history \(store.location): \(runs) runs of \(tests) tests generated")
      }
    }
  }
}
