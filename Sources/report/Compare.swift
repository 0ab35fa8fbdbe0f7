import ArgumentParser
import Foundation
import ReportKit

/// `report compare BEFORE AFTER`: the before/after table of two runs, as Markdown on stdout.
struct Compare: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Compare two runs (logs folders or report.json files): metrics, test and cluster transitions.")

  @Argument(help: "The earlier run: a logs folder or its report.json.")
  var before: String

  @Argument(help: "The later run: a logs folder or its report.json.")
  var after: String

  @OptionGroup var options: ConfigOption

  func run() throws {
    try Failure.guarding {
      let c = try ReportBuilder().compare(before: before, after: after, config: try options.load())
      print(ComparisonText.markdown(c, after: after), terminator: "")
    }
  }
}
