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
    try Failure.guarding {
      let config = try options.load()
      let run = try ReportBuilder().read([path])
      let hits = Explainer.find(test, in: run)
      guard !hits.isEmpty else { throw Failure.Lookup.none(query: test, path: path) }
      guard hits.count == 1 else { throw Failure.Lookup.several(query: test, ids: hits.map { run.tests[$0].id }) }
      let triage = Triage(config: config)
      let findings = triage.findings(of: run)
      for line in Explainer.lines(test: hits[0], run: run, findings: findings, triage: triage) { print(line) }
    }
  }
}
