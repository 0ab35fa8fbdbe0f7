import ArgumentParser
import Foundation
import ReportKit

/// `report explain PATH TEST`: why one test got its category.
struct Explain: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Show one test's category, rule, confidence, evidence, cluster and the rules that almost matched.")

  @Argument(help: "A file or folder of test artifacts.")
  var path: String

  @Argument(help: "The test: its full id, or the end of it, or a part of it.")
  var test: String

  @OptionGroup var options: ConfigOption

  func run() throws {
    let config = try options.load()
    let builder = ReportBuilder()
    let run: Run
    do { run = try builder.read([path]) } catch let error as BuildError {
      Console.error("report: error: \(error.description)")
      throw ExitCode(66)
    }
    let hits = Explainer.find(test, in: run)
    guard !hits.isEmpty else {
      Console.error("report: error: no test matches '\(test)' in \(path)")
      throw ExitCode(65)
    }
    guard hits.count == 1 else {
      Console.error("report: error: '\(test)' matches \(hits.count) tests; give more of the id:")
      for i in hits.prefix(10) { Console.error("  \(run.tests[i].id)") }
      throw ExitCode(64)
    }
    let analyzer = Analyzer(config: config)
    let findings = analyzer.analyze(run)
    for line in Explainer.lines(test: hits[0], run: run, findings: findings, analyzer: analyzer) { print(line) }
  }
}
