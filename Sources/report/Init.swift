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
    try Failure.guarding {
      if FileManager.default.fileExists(atPath: path) && !force {
        throw Failure.CannotWrite(message: "\(path) exists; use --force to overwrite it")
      }
      do { try DefaultConfig.text.write(toFile: path, atomically: true, encoding: .utf8) } catch {
        throw Failure.CannotWrite(message: "cannot write \(path): \(error.localizedDescription)")
      }
      print("wrote \(path)")
      do {
        for file in try TemplateSet.writeDefaults(to: templates) { print("wrote \(file)") }
      } catch {
        throw Failure.CannotWrite(message: "cannot write templates to \(templates): \(error.localizedDescription)")
      }
    }
  }
}
