import ArgumentParser
import Foundation
import ReportKit

/// The one mapping from what went wrong to what the user sees and the exit code (README, "Exit
/// codes"), used by every command: a command throws, this prints and exits.
enum Failure {
  /// An `explain` query that matched no test (65) or several (64).
  enum Lookup: Error {
    case none(query: String, path: String)
    case several(query: String, ids: [String])
  }

  /// `history import` found no report.json it could read (66).
  struct NothingToImport: Error {}

  /// A file the command was asked to write that it could not (73).
  struct CannotWrite: Error {
    var message: String
  }

  /// Runs a command's body; an error is printed to stderr and becomes its exit code.
  static func guarding(_ body: () throws -> Void) throws {
    do {
      try body()
    } catch let exit as ExitCode {
      throw exit
    } catch {
      for line in lines(for: error) { Console.error(line) }
      throw ExitCode(code(for: error))
    }
  }

  static func code(for error: Error) -> Int32 {
    switch error {
    case is ConfigError, is TemplateError: 78
    case is CannotWrite: 73
    case is NothingToImport: 66
    case let history as HistoryError:
      switch history {
      case .badLocation: 64
      case .missing: 66
      case .unusable, .newerSchema: 74
      case .unreachable: 75
      case .failed: 70
      }
    case let build as BuildError:
      switch build {
      case .noReadableInput, .badBaseline: 66
      case .cannotWrite: 73
      }
    case let lookup as Lookup:
      switch lookup {
      case .none: 65
      case .several: 64
      }
    default: 70  // EX_SOFTWARE: a bug, not the user's input
    }
  }

  static func lines(for error: Error) -> [String] {
    switch error {
    case let config as ConfigError: return [config.description]
    case let template as TemplateError: return ["report: error: bad template: \(template.description)"]
    case BuildError.noReadableInput(let warnings):
      return warnings.map(\.description) + ["report: error: \(BuildError.noReadableInput([]).description)"]
    case let build as BuildError: return ["report: error: \(build.description)"]
    case let write as CannotWrite: return ["report: error: \(write.message)"]
    case is NothingToImport: return ["report: error: nothing to import: no readable report.json in the paths given"]
    case let history as HistoryError: return ["report: error: \(history.description)"]
    case Lookup.none(let query, let path): return ["report: error: no test matches '\(query)' in \(path)"]
    case Lookup.several(let query, let ids):
      return ["report: error: '\(query)' matches \(ids.count) tests; give more of the id:"] + ids.prefix(10).map { "  \($0)" }
    default: return ["report: error: \(PostgresURL.mask("\(error)"))"]
    }
  }
}

/// Standard error output.
enum Console {
  static func error(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
  }
}
