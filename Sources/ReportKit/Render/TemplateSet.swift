import Foundation
internal import Mustache

/// The Mustache templates of a report: the built-in ones, or those of `--templates DIR`
/// (`report.md.mustache`, `issue.md.mustache`, `page.html.mustache`, `weekly.md.mustache`; a
/// missing file falls back).
///
/// A view is a struct (`ReportView`, `PageView`) whose fields the templates read by name, through
/// `MustacheContext`; a nil field is absent, an empty list is `empty(x)`.
public struct TemplateSet: @unchecked Sendable {
  // MustacheTemplate is immutable after parsing; rendering only reads it.
  private let templates: Background<[String: MustacheTemplate]>

  public static let names = ["report.md", "issue.md", "page.html", "weekly.md"]

  /// The built-in templates, parsed on another thread from the first use of this value on (a
  /// build starts with it, and renders last): the ~5 ms are not spent before the read. They are
  /// tested to parse, so this cannot fail.
  public static let builtIn = TemplateSet(parsing: DefaultTemplates.all)

  private init(parsing sources: [String: String]) {
    templates = Background {
      do { return try Self.parse(sources) } catch { preconditionFailure("built-in templates: \(error)") }
    }
  }

  init(sources: [String: String]) throws {
    let parsed = try Self.parse(sources)
    templates = Background()
    templates.put(parsed)
  }

  private static func parse(_ sources: [String: String]) throws -> [String: MustacheTemplate] {
    var t: [String: MustacheTemplate] = [:]
    for (name, text) in sources {
      do { t[name] = try MustacheTemplate(string: text) } catch {
        throw TemplateError("\(name).mustache: \(error)")
      }
    }
    return t
  }

  /// Templates from `dir`, falling back to the built-in ones for files it does not have.
  public init(directory dir: String) throws {
    var sources = DefaultTemplates.all
    var found = 0
    for name in Self.names {
      let path = dir + "/" + name + ".mustache"
      guard FileManager.default.fileExists(atPath: path) else { continue }
      guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw TemplateError("cannot read \(path)") }
      sources[name] = text
      found += 1
    }
    guard found > 0 else {
      throw TemplateError("\(dir) holds none of \(Self.names.map { $0 + ".mustache" }.joined(separator: ", "))")
    }
    try self.init(sources: sources)
  }

  /// Renders template `name` (one of `names`) over `view`.
  func render(_ name: String, _ view: some Any) -> String {
    // `names` are all parsed at init (the defaults fill gaps), so the lookup always succeeds.
    templates.wait()[name]?.render(MustacheContext.of(view)) ?? ""
  }

  /// Writes the default templates into `dir` (for `report init`), leaving existing files alone.
  public static func writeDefaults(to dir: String) throws -> [String] {
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    var written: [String] = []
    for (name, text) in DefaultTemplates.all.sorted(by: { $0.key < $1.key }) {
      let path = dir + "/" + name + ".mustache"
      if FileManager.default.fileExists(atPath: path) { continue }
      try text.write(toFile: path, atomically: true, encoding: .utf8)
      written.append(path)
    }
    return written
  }
}

/// A template that cannot be read or parsed: the message names the file.
public struct TemplateError: Error, CustomStringConvertible {
  public var description: String
  init(_ description: String) { self.description = description }
}
