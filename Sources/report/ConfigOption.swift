import ArgumentParser
import ReportKit

/// `--config FILE`, shared by the commands that classify.
struct ConfigOption: ParsableArguments {
  @Option(name: .long, help: "report.yml to use (default: ./report.yml when it exists).")
  var config: String?

  /// The configuration, or exit 78 with the file, line and key of the problem.
  func load() throws -> ReportConfig {
    do { return try ReportConfig.load(config) } catch {
      Console.error(error.description)
      throw ExitCode(78)
    }
  }
}
