import ArgumentParser
import Foundation
import ReportKit

/// `report init`: writes a commented report.yml to start from.
struct Init: ParsableCommand {
  static let configuration = CommandConfiguration(abstract: "Write a commented default report.yml.")

  @Argument(help: "Where to write it.")
  var path = "report.yml"

  @Flag(name: .long, help: "Overwrite an existing file.")
  var force = false

  @Option(name: .long, help: "Folder to copy the default Mustache templates into (existing files are kept); use with --templates on build.")
  var templates = "templates"

  func run() throws {
    if FileManager.default.fileExists(atPath: path) && !force {
      Console.error("report: error: \(path) exists; use --force to overwrite it")
      throw ExitCode(73)
    }
    do { try DefaultConfig.text.write(toFile: path, atomically: true, encoding: .utf8) } catch {
      Console.error("report: error: cannot write \(path): \(error.localizedDescription)")
      throw ExitCode(73)
    }
    print("wrote \(path)")
    do {
      for file in try TemplateSet.writeDefaults(to: templates) { print("wrote \(file)") }
    } catch {
      Console.error("report: error: cannot write templates to \(templates): \(error.localizedDescription)")
      throw ExitCode(73)
    }
  }
}
