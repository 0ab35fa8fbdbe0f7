import ArgumentParser
import Foundation
import ReportKit

/// `report build PATH...`: read the artifacts, write `DIR/<run-id>/`, print a summary.
struct Build: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Read pytest console logs, JUnit XML and curl traces into one report.",
    discussion: "Folders are walked recursively; formats are recognized by content. Warnings go to stderr as 'path:line: warning: ...'."
  )

  @Argument(help: "Files or folders of test artifacts.")
  var paths: [String]

  @Option(name: .long, help: "Folder the run folder is written into.")
  var out = "reports"

  @Option(name: .customLong("run-id"), help: "Name of the run folder (default: derived from the time).")
  var runID: String?

  @Option(name: .long, help: "The time to report as 'now' (ISO 8601 or epoch seconds; default: SOURCE_DATE_EPOCH or the clock).")
  var now: String?

  @Option(name: .long, help: "An earlier run to compare with: its logs folder, its report.json, or 'previous' (the history's last run).")
  var baseline: String?

  @OptionGroup var history: HistoryOption

  @Flag(name: .customLong("no-history"), help: "Do not record the run in a history.")
  var noHistory = false

  @Option(
    name: .long,
    help:
      "Outputs to write, comma-separated: md, html, json, issue, ctrf, codequality (default: md,html,json,issue; in GitLab CI also codequality)."
  )
  var format: String?

  @Option(name: .customLong("issue-limit"), help: "Size limit of issue.md in characters (GitHub 65536, GitLab 1000000).")
  var issueLimit = 65_536

  @Option(name: .long, help: "Folder of Mustache templates (report.md.mustache, issue.md.mustache, page.html.mustache).")
  var templates: String?

  @Option(name: .customLong("fail-on"), help: "Exit 1 when failures of these categories exist: infrastructure,auth,routing,logic or 'any'.")
  var failOn: String?

  @Option(name: .customLong("report-url"), help: "Where the full report will be read (an artifact or CI run URL): linked from issue.md.")
  var reportURL: String?

  @Flag(name: .long, help: "No progress line on stderr (it is shown only on a terminal, for inputs of 4 MB or more).")
  var quiet = false

  @OptionGroup var options: ConfigOption

  /// `--format`, or the defaults for the environment the build runs in.
  func formats(_ environment: [String: String]) -> Set<OutputFormat> {
    guard let format else { return OutputFormat.defaults(environment: environment) }
    return Set(format.split(separator: ",").compactMap { OutputFormat(rawValue: $0.trimmingCharacters(in: .whitespaces)) })
  }

  /// `md, html, json, issue, ctrf or codequality`.
  static let formatNames: String = {
    let names = OutputFormat.allCases.map(\.rawValue)
    return names.dropLast().joined(separator: ", ") + " or " + (names.last ?? "")
  }()

  var gate: Set<Category>? {
    guard let failOn else { return nil }
    if failOn == "any" { return Set(Category.allCases) }
    return Set(failOn.split(separator: ",").compactMap { Category(rawValue: $0.trimmingCharacters(in: .whitespaces)) })
  }

  func validate() throws {
    if let now, ReportBuilder.parseNow(now) == nil { throw ValidationError("--now: '\(now)' is not an ISO 8601 time or epoch seconds") }
    if let runID,
      runID.isEmpty || runID.contains("/") || runID.hasPrefix(".") || runID == "latest" || runID.utf8.count > 200
        || runID.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || $0 == "\\" })
    {
      let shown = runID.unicodeScalars.map {
        $0.properties.generalCategory == .control ? "\\u{\(String($0.value, radix: 16))}" : String($0)
      }.joined()
      throw ValidationError(
        "--run-id: '\(shown)' cannot name a folder (no '/' or '\\', no control characters such as a newline, no leading '.', not 'latest', at most 200 bytes)"
      )
    }
    let names = (format ?? "md").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    if let bad = names.first(where: { OutputFormat(rawValue: $0) == nil }) {
      throw ValidationError("--format: '\(bad)' is not \(Self.formatNames)")
    }
    if names.isEmpty { throw ValidationError("--format: name at least one of \(Self.formatNames)") }
    if noHistory && history.history != nil { throw ValidationError("--history and --no-history: choose one") }
    if noHistory && baseline == ReportBuilder.previousBaseline {
      throw ValidationError("--baseline previous reads the history: it cannot be used with --no-history")
    }
    if issueLimit < 1000 { throw ValidationError("--issue-limit: \(issueLimit) is too small to hold a summary (at least 1000)") }
    if let failOn, failOn != "any" {
      let names = failOn.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
      if let bad = names.first(where: { Category(rawValue: $0) == nil }) {
        throw ValidationError("--fail-on: '\(bad)' is not infrastructure, auth, routing, logic or any")
      }
    }
  }

  func run() throws {
    let moment =
      now.flatMap(ReportBuilder.parseNow)
      ?? ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap(ReportBuilder.parseNow)
      ?? Date()
    try Failure.guarding {
      var o = ReportBuilder.Options(inputs: paths, outDir: out, runID: runID, now: moment, config: try options.load())
      let environment = ProcessInfo.processInfo.environment
      o.formats = formats(environment)
      o.issueLimit = issueLimit
      o.baseline = baseline
      o.reportURL = reportURL
      o.progress = !quiet && isatty(STDERR_FILENO) != 0
      o.environment = environment
      o.recordHistory = !noHistory
      o.history = try history.location()
      if let templates { o.templates = try TemplateSet(directory: templates) }
      let result = try ReportBuilder().build(o)
      for w in result.warnings { Console.error(w.description) }
      // CI side effects, after the report is written: GitHub's step summary and annotations.
      let ci = CIPublisher(environment: environment).publish(result.report)
      for w in ci.warnings { Console.error(w.description) }
      let warnings = result.warnings.count + ci.warnings.count
      for line in TerminalSummary.lines(result.report, folder: result.folder, files: result.files, warnings: warnings) {
        print(line)
      }
      for line in ci.lines { print(line) }
      var status: Int32 = 0
      if let outcome = result.history {
        for note in outcome.notes { Console.error("report: warning: \(note)") }
        if outcome.recorded {
          print(
            "recorded in history \(outcome.location)\(outcome.replaced ? " (replaced the earlier record of \(result.report.meta.runID))" : "")"
          )
        }
        if let error = outcome.error {
          Console.error("report: warning: the run was not recorded: \(error)")
          status = Failure.code(for: error)
        }
      }
      if let gate {
        let hits = result.report.findings.countsByCategory.filter { gate.contains($0.0) && $0.1 > 0 }
        if !hits.isEmpty {
          print(
            "--fail-on: \(hits.map { "\($0.1) \($0.0.rawValue)" }.joined(separator: ", ")) failure\(hits.map(\.1).reduce(0, +) == 1 ? "" : "s")"
          )
          if status == 0 { status = 1 }
        }
      }
      // Done: leave without freeing a million tests one by one (the OS takes the memory back).
      fflush(nil)
      Foundation.exit(status)
    }
  }
}
