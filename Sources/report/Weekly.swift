import ArgumentParser
import Foundation
import ReportKit

/// `report weekly`: the review of a history's runs over a period, as weekly.md, weekly.html
/// and weekly.json.
struct Weekly: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract:
      "Write the weekly review of a history: runs and pass rates, clusters across runs, flaky tests, slower endpoints, open actions.",
    discussion:
      "The history defaults to reports/history.sqlite, where 'report build' records; the files go to the history's folder + /weekly.")

  @OptionGroup var history: HistoryOption

  @Option(name: .long, help: "Start of the period: a span back from --until (7d, 36h, 2w), a date or a time (default: 7d).")
  var since: String?

  @Option(name: .long, help: "End of the period: a date (its whole day), a time or epoch seconds (default: --now).")
  var until: String?

  @Option(name: .long, help: "The time to report as 'now' (ISO 8601 or epoch seconds; default: SOURCE_DATE_EPOCH or the clock).")
  var now: String?

  @Option(name: .long, help: "Folder the review is written into (default: the history's folder + /weekly, or reports/weekly).")
  var out: String?

  @Option(name: .long, help: "Outputs to write, comma-separated: md, html, json (default: all).")
  var format = "md,html,json"

  @Option(name: .long, help: "Folder of Mustache templates (weekly.md.mustache, page.html.mustache).")
  var templates: String?

  var formats: Set<WeeklyWriter.Format> {
    Set(format.split(separator: ",").compactMap { WeeklyWriter.Format(rawValue: $0.trimmingCharacters(in: .whitespaces)) })
  }

  func validate() throws {
    if let now, ReportBuilder.parseNow(now) == nil { throw ValidationError("--now: '\(now)' is not an ISO 8601 time or epoch seconds") }
    let names = format.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    if let bad = names.first(where: { WeeklyWriter.Format(rawValue: $0) == nil }) {
      throw ValidationError("--format: '\(bad)' is not md, html or json")
    }
    if names.isEmpty { throw ValidationError("--format: name at least one of md, html, json") }
    do { _ = try period() } catch let error as WeeklyPeriod.Invalid { throw ValidationError(error.description) }
  }

  /// `--now`, else `SOURCE_DATE_EPOCH`, else the clock, in seconds since 1970.
  func moment() -> Int64 {
    let date =
      now.flatMap(ReportBuilder.parseNow)
      ?? ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap(ReportBuilder.parseNow)
      ?? Date()
    return Int64(date.timeIntervalSince1970.rounded(.down))
  }

  func period() throws -> WeeklyPeriod { try WeeklyPeriod(since: since, until: until, now: moment()) }

  func run() throws {
    try Failure.guarding {
      let location = try history.locationOrDefault()
      let now = moment()
      let period = try WeeklyPeriod(since: since, until: until, now: now)
      let store = try History.open(location, create: false)
      defer { store.close() }
      let review = try store.weekly(since: period.since, until: period.until, now: now)
      let dir = out ?? (location.folder ?? "reports") + "/weekly"
      let writer = WeeklyWriter(formats: formats, templates: try templates.map { try TemplateSet(directory: $0) } ?? .builtIn)
      let files: [String]
      do { files = try writer.write(review, into: dir) } catch let error as WeeklyWriter.CannotWrite {
        throw Failure.CannotWrite(message: error.description)
      }
      for line in review.terminalLines { print(line) }
      print("weekly review written to \(dir)/ (\(files.joined(separator: ", ")))")
    }
  }
}
