import ArgumentParser
import ReportKit

/// `--config FILE`, shared by the commands that classify.
struct ConfigOption: ParsableArguments {
  @Option(name: .long, help: "report.yml to use (default: ./report.yml when it exists).")
  var config: String?

  /// The configuration; a bad file throws a `ConfigError` naming its file, line and key (exit 78).
  func load() throws -> ReportConfig { try ReportConfig.load(config) }
}
