import ArgumentParser
import ReportKit

/// `report rules`: the classification rules, in the order they are tried.
struct Rules: ParsableCommand {
  static let configuration = CommandConfiguration(abstract: "Print the classification rules (report.yml's first, then the built-ins).")

  @Flag(name: .long, help: "Print Markdown (the form of docs/rules.md).")
  var markdown = false

  @OptionGroup var options: ConfigOption

  func run() throws {
    try Failure.guarding {
      let config = try options.load()
      print(markdown ? RuleCatalog.markdown(config) : RuleCatalog.text(config), terminator: "")
    }
  }
}
