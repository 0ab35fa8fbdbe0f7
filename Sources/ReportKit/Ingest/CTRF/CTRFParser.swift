import Foundation

/// Reads a CTRF report (Common Test Report Format: the JSON of the Playwright, Cypress, Jest,
/// Vitest, WebdriverIO, pytest, ... reporters) into tests, like JUnit XML.
///
/// The document is outlined first (`JSONOutline`) and each test decoded on its own, so one odd
/// test costs a warning, not the file, and a cut-off file keeps the tests before the damage.
/// Text (names, messages, traces, output) is redacted as it is read. How a CTRF test becomes a
/// `TestResult` (id, status) is `CTRFTestReader`'s.
struct CTRFParser: ArtifactParser {
  static let format = InputFormat.ctrf

  /// A JSON object whose head names the keys of a CTRF report (`"results"`, and `"tests"` or
  /// `"tool"`) is CTRF: 100, and the other parsers stand aside. Any other JSON object scores 1:
  /// read only when nothing else claims it, so that it gets a warning saying why it is not CTRF.
  static func sniff(_ head: SniffedHead) -> Int {
    guard head.firstSignificantByte == UInt8(ascii: "{") else { return 0 }
    return claims(head) ? 100 : 1
  }

  /// Whether the head is a CTRF report's: the other parsers score such a file 0, so curl never
  /// reads a `curl: (7)` quoted in a test's message, nor pytest a result line in a trace.
  static func claims(_ head: SniffedHead) -> Bool {
    guard head.firstSignificantByte == UInt8(ascii: "{") else { return false }
    return head.bytes.withUnsafeBufferPointer { p in
      hasKey(p, "results") && (hasKey(p, "tests") || hasKey(p, "tool"))
    }
  }

  /// Whether `"name"` appears followed by `:` (white space allowed): a key, not a value.
  private static func hasKey(_ p: UnsafeBufferPointer<UInt8>, _ name: String) -> Bool {
    let needle = Array(("\"" + name + "\"").utf8)
    guard p.count >= needle.count else { return false }
    for start in 0...(p.count - needle.count) where p[start] == needle[0] {
      guard (1..<needle.count).allSatisfy({ p[start + $0] == needle[$0] }) else { continue }
      var i = start + needle.count
      while i < p.count, p[i] == 0x20 || p[i] == 0x09 || p[i] == 0x0A || p[i] == 0x0D { i += 1 }
      if i < p.count, p[i] == UInt8(ascii: ":") { return true }
    }
    return false
  }

  let path: String
  let displayPath: String

  func parse() -> ParsedArtifact {
    guard let bytes = Self.readAll(path) else { return .unreadable(displayPath, format: .ctrf) }
    let outline = JSONOutline(bytes: bytes)
    var artifact = ParsedArtifact(path: displayPath, format: .ctrf)
    let (root, rootDamage) = outline.root()
    guard let root, root.kind == UInt8(ascii: "{") else {
      return notCTRF(line: rootDamage?.line ?? 1, "not a JSON object")
    }
    let (members, membersDamage) = outline.members(of: root)
    let damage = membersDamage ?? rootDamage
    if let format = members.first(where: { $0.key == "reportFormat" }), format.value.kind == UInt8(ascii: "\"") {
      let name = outline.string(format.value.range)
      if name != "CTRF" { return notCTRF(line: format.line, "JSON, but not a CTRF report (reportFormat is \"\(name)\")") }
    }
    guard let results = members.first(where: { $0.key == "results" }) else {
      if let damage { return notCTRF(line: damage.line, "not valid JSON: \(damage.message)") }
      return notCTRF(line: root.line, "JSON, but not a CTRF report (no \"results\" object)")
    }
    guard results.value.kind == UInt8(ascii: "{") else {
      return notCTRF(line: results.line, "JSON, but not a CTRF report (\"results\" is not an object)")
    }
    let (resultMembers, resultsDamage) = outline.members(of: results.value)
    let tests = resultMembers.first { $0.key == "tests" }
    if let tests, tests.value.kind != UInt8(ascii: "[") {
      return notCTRF(line: tests.line, "JSON, but not a CTRF report (\"results.tests\" is not an array)")
    }
    var reader = CTRFTestReader(outline: outline, path: displayPath)
    var testsDamage: JSONOutline.Damage?
    var items: [JSONOutline.Value] = []
    if let tests {
      (items, testsDamage) = outline.items(of: tests.value)
      for item in items { reader.read(item) }
    }
    let worst = testsDamage ?? resultsDamage ?? damage
    if let worst {
      let kept = reader.tests.count
      artifact.warnings.append(
        Diagnostic(
          path: displayPath, line: worst.line,
          message: "malformed JSON: \(worst.message); kept the \(kept) test\(kept == 1 ? "" : "s") before it"))
    } else if tests == nil {
      return notCTRF(line: results.line, "JSON, but not a CTRF report (\"results\" has no \"tests\" array)")
    }
    artifact.warnings += reader.warnings
    if worst == nil, let summary = resultMembers.first(where: { $0.key == "summary" }),
      let declared = outline.decode(CTRFSchema.Summary.self, summary.value)?.tests, declared != items.count
    {
      artifact.warnings.append(
        Diagnostic(
          path: displayPath, line: summary.line,
          message:
            "summary declares tests=\(declared) but the report holds \(items.count) test\(items.count == 1 ? "" : "s"); counted the tests"))
    }
    artifact.tests = reader.tests
    return artifact
  }

  /// A file that is JSON (or meant to be) but not a CTRF report: a warning naming the line.
  private func notCTRF(line: Int, _ why: String) -> ParsedArtifact {
    ParsedArtifact(path: displayPath, format: .unknown, warnings: [Diagnostic(path: displayPath, line: line, message: "\(why); skipped")])
  }

  /// The whole file as UTF-8 (a BOM dropped, UTF-16 converted); nil when it cannot be opened.
  static func readAll(_ path: String) -> [UInt8]? {
    guard let stream = UTF8Stream(path: path) else { return nil }
    var bytes: [UInt8] = []
    while stream.next(into: &bytes) {}
    return bytes
  }
}

extension JSONOutline {
  /// The value decoded as `T`, or nil when it is cut off or does not decode.
  func decode<T: Decodable>(_ type: T.Type, _ value: Value) -> T? {
    guard value.complete else { return nil }
    return try? JSONDecoder().decode(T.self, from: Data(bytes[value.range]))
  }
}
