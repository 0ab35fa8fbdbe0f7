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

  @OptionGroup var options: ConfigOption

  func validate() throws {
    if let now, ReportBuilder.parseNow(now) == nil { throw ValidationError("--now: '\(now)' is not an ISO 8601 time or epoch seconds") }
    if let runID, runID.isEmpty || runID.contains("/") || runID.hasPrefix(".") || runID == "latest" {
      throw ValidationError("--run-id: '\(runID)' cannot name a folder (no '/', no leading '.', not 'latest')")
    }
  }

  func run() throws {
    let moment =
      now.flatMap(ReportBuilder.parseNow)
      ?? ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap(ReportBuilder.parseNow)
      ?? Date()
    let config = try options.load()
    do {
      let result = try ReportBuilder().build(.init(inputs: paths, outDir: out, runID: runID, now: moment, config: config))
      for w in result.warnings { Console.error(w.description) }
      for line in TerminalSummary.lines(result) { print(line) }
      // Done: leave without freeing a million tests one by one (the OS takes the memory back).
      fflush(nil)
      Foundation.exit(0)
    } catch BuildError.noReadableInput(let warnings) {
      for w in warnings { Console.error(w.description) }
      Console.error("report: error: \(BuildError.noReadableInput([]).description)")
      throw ExitCode(66)
    } catch let error as BuildError {
      Console.error("report: error: \(error.description)")
      throw ExitCode(73)
    }
  }
}

/// Standard error output.
enum Console {
  static func error(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
  }
}
