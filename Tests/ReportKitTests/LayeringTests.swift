import Foundation
import Testing

/// Data flows one way through the stages of `Sources/ReportKit`: a file of an earlier stage never
/// names a type declared in a later one. The check reads the sources: comments and string
/// literals are blanked, then every identifier of every file is looked up among the top-level
/// types of the later stages. Config is read by any stage (it is the user's settings); it may
/// itself name the types of the stages before Cluster (rules are Classify's).
@Suite struct LayeringTests {
  /// The folders of `Sources/ReportKit`, in the order data flows through them.
  static let stages = ["Model", "Ingest", "Assemble", "Classify", "Config", "Cluster", "Analyze", "Render", "History", "Pipeline"]

  static let sources = Fixtures.root + "/../../Sources/ReportKit"

  struct Violation: CustomStringConvertible {
    var file: String
    var line: Int
    var name: String
    var stage: String
    var description: String { "\(file):\(line): names \(name), a type of the later stage \(stage)" }
  }

  @Test func everyFolderIsAStage() throws {
    let folders = try FileManager.default.contentsOfDirectory(atPath: Self.sources).filter { !$0.hasPrefix(".") }.sorted()
    let unknown = folders.filter { !Self.stages.contains($0) }
    #expect(unknown.isEmpty, "folders that are not a known stage: \(unknown)")
    #expect(!folders.contains("Build"), "a folder named Build is skipped by tools that skip build output")
  }

  @Test func noStageNamesATypeOfALaterStage() throws {
    let files = try Self.swiftFiles()
    var declared: [String: String] = [:]  // type name -> stage
    for (stage, path) in files {
      for name in Self.topLevelTypes(try String(contentsOfFile: path, encoding: .utf8)) { declared[name] = stage }
    }
    #expect(declared.count > 100, "the scan found too few types: \(declared.count)")
    var violations: [Violation] = []
    for (stage, path) in files {
      let rank = Self.rank(stage)
      let text = try String(contentsOfFile: path, encoding: .utf8)
      let code = Self.blanked(text)
      // A name the file declares itself (a nested `Metrics` of the schema) is that declaration.
      let own = Set(Self.declaredTypes(text))
      for (n, line) in code.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
        for (word, qualifier) in Self.qualifiedIdentifiers(line) {
          guard let owner = declared[word], owner != "Config", Self.rank(owner) > rank, !own.contains(word) else { continue }
          // `ReportSchema.Metrics` is the schema's nested type, not Analyze's `Metrics`: a name
          // reached through a type of this stage or an earlier one is that type's member.
          if let q = qualifier, q != "ReportKit", let home = declared[q], Self.rank(home) <= rank { continue }
          let rel = String(path.dropFirst(Self.sources.count + 1))
          violations.append(Violation(file: rel, line: n + 1, name: word, stage: owner))
        }
      }
    }
    #expect(violations.isEmpty, "\(violations.map(\.description).joined(separator: "\n"))")
  }

  @Test func theCheckFindsABackwardReference() {
    // The scanner itself: a name in code counts, the same name in a comment or a string does not.
    let code = Self.blanked("let x = Markdown.code(y) // Markdown\nlet s = \"Markdown \\(Format.ms(1))\"\nlet t = #\"Charts\"#")
    #expect(Self.identifiers(code[...]).filter { $0 == "Markdown" }.count == 1)
    #expect(Self.qualifiedIdentifiers("let m = ReportSchema.Metrics(x) + Metrics.y")[1] == ("Metrics", "ReportSchema"))
    #expect(Self.qualifiedIdentifiers("let m = ReportSchema.Metrics(x) + Metrics.y")[2] == ("Metrics", nil))
    #expect(Self.identifiers(code[...]).contains("Format"))
    #expect(!Self.identifiers(code[...]).contains("Charts"))
    #expect(Self.topLevelTypes("public struct A {\n  struct B {}\n}\nenum C: String {}\nextension D {}") == ["A", "C"])
    #expect(Self.declaredTypes("public struct A {\n  struct B {}\n}\nenum C: String {}\nextension D {}") == ["A", "B", "C"])
  }

  static func rank(_ stage: String) -> Int { stages.firstIndex(of: stage) ?? stages.count }

  static func swiftFiles() throws -> [(stage: String, path: String)] {
    var out: [(String, String)] = []
    guard let walker = FileManager.default.enumerator(atPath: sources) else { return [] }
    while let rel = walker.nextObject() as? String {
      guard rel.hasSuffix(".swift") else { continue }
      out.append((String(rel.prefix { $0 != "/" }), sources + "/" + rel))
    }
    return out.sorted { $0.1 < $1.1 }
  }

  /// Types declared at the top level of a file (nested ones are reached through their parent).
  static func topLevelTypes(_ text: String) -> [String] {
    let kinds: Set<Substring> = ["struct", "enum", "class", "protocol", "typealias", "actor"]
    let modifiers: Set<Substring> = ["public", "package", "internal", "fileprivate", "private", "final", "indirect"]
    var out: [String] = []
    for line in blanked(text).split(separator: "\n") where !(line.first?.isWhitespace ?? true) {
      let words = line.split(whereSeparator: { $0 == " " || $0 == ":" || $0 == "<" || $0 == "{" || $0 == "=" })
      var i = 0
      while i < words.count && modifiers.contains(words[i]) { i += 1 }
      if i + 1 < words.count && kinds.contains(words[i]) { out.append(String(words[i + 1])) }
    }
    return out
  }

  /// Every type a file declares, nested ones included.
  static func declaredTypes(_ text: String) -> [String] {
    let kinds: Set<Substring> = ["struct", "enum", "class", "protocol", "typealias", "actor"]
    var out: [String] = []
    for line in blanked(text).split(separator: "\n") {
      let words = line.split(whereSeparator: { $0 == " " || $0 == ":" || $0 == "<" || $0 == "{" || $0 == "=" })
      for (i, w) in words.enumerated() where kinds.contains(w) && i + 1 < words.count { out.append(String(words[i + 1])) }
    }
    return out
  }

  /// Each identifier that starts with a capital, with the one before it when they are joined by a
  /// dot (`ReportSchema.Metrics` gives `Metrics` qualified by `ReportSchema`).
  static func qualifiedIdentifiers(_ line: Substring) -> [(String, String?)] {
    var out: [(String, String?)] = []
    var previous: (word: String, end: Substring.Index)?
    var i = line.startIndex
    while i < line.endIndex {
      guard line[i].isLetter || line[i] == "_" else {
        i = line.index(after: i)
        continue
      }
      let start = i
      while i < line.endIndex && (line[i].isLetter || line[i].isNumber || line[i] == "_") { i = line.index(after: i) }
      let word = String(line[start..<i])
      let dotted = previous.map { line[$0.end..<start] == "." } ?? false
      if word.first?.isUppercase == true { out.append((word, dotted ? previous?.word : nil)) }
      previous = (word, i)
    }
    return out
  }

  static func identifiers(_ line: Substring) -> [String] {
    line.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "_") }).filter { $0.first?.isUppercase == true }.map(String.init)
  }

  /// The text with comments and string literals replaced by spaces (newlines kept); the code of
  /// string interpolations (`"\\(Markdown.code(x))"`) is kept, since it names types too.
  static func blanked(_ text: String) -> String {
    var scanner = Blanker(Array(text.unicodeScalars))
    scanner.code(untilParen: false)
    return String(scanner.out)
  }

  private struct Blanker {
    let c: [Unicode.Scalar]
    var i = 0
    var out = String.UnicodeScalarView()

    init(_ c: [Unicode.Scalar]) { self.c = c }

    func at(_ k: Int, _ s: String) -> Bool {
      let u = Array(s.unicodeScalars)
      return k + u.count <= c.count && Array(c[k..<(k + u.count)]) == u
    }

    mutating func blank() {
      out.append(c[i] == "\n" ? "\n" : " ")
      i += 1
    }

    mutating func keep() {
      out.append(c[i])
      i += 1
    }

    /// Code up to the end, or up to the `)` that closes an interpolation.
    mutating func code(untilParen: Bool) {
      var depth = 0
      while i < c.count {
        if at(i, "//") {
          while i < c.count && c[i] != "\n" { blank() }
        } else if at(i, "/*") {
          while i < c.count && !at(i, "*/") { blank() }
          if i < c.count { blank(); blank() }
        } else if c[i] == "\"" || at(i, "#\"") || at(i, "##\"") {
          string()
        } else if untilParen && c[i] == ")" && depth == 0 {
          return
        } else {
          if c[i] == "(" { depth += 1 }
          if c[i] == ")" { depth -= 1 }
          keep()
        }
      }
    }

    /// A string literal (plain, multi-line or raw), blanked except for interpolated code.
    mutating func string() {
      var hashes = 0
      while c[i] == "#" { hashes += 1; blank() }
      let triple = at(i, "\"\"\"")
      let close = (triple ? "\"\"\"" : "\"") + String(repeating: "#", count: hashes)
      let interpolation = "\\" + String(repeating: "#", count: hashes) + "("
      for _ in 0..<(triple ? 3 : 1) { blank() }
      while i < c.count && !at(i, close) {
        if at(i, interpolation) {
          for _ in 0..<interpolation.unicodeScalars.count { blank() }
          code(untilParen: true)
          if i < c.count { blank() }
        } else if hashes == 0 && c[i] == "\\" {
          blank()
          if i < c.count { blank() }
        } else {
          blank()
        }
      }
      for _ in 0..<close.unicodeScalars.count where i < c.count { blank() }
    }
  }
}
