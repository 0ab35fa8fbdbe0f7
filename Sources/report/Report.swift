import ArgumentParser

/// The `report` command: subcommands only.
@main
struct Report: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract: "Turn the raw logs of a test run into an evidence-backed incident report.",
    discussion: """
      Exit codes: 0 report built (also when tests failed), 1 failures of a --fail-on category exist,
      64 usage error, 65 no such test (explain), 66 no readable input, baseline or history, 70
      internal error, 73 the report could not be written, 74 the history is unusable (corrupt,
      another database, newer schema), 75 the history could not be reached or stayed locked (the
      report was written; retry), 78 report.yml or a --templates file is invalid.
      """,
    subcommands: [Build.self, Compare.self, Explain.self, Rules.self, Init.self, Weekly.self, HistoryCommand.self]
  )
}
