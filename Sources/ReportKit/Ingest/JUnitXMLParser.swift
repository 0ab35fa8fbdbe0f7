/// Reads JUnit XML in every dialect seen in the wild (pytest, Surefire, Gradle, jest, go, PHPUnit,
/// gtest, Catch2, nextest, ...) as a stream: one `TestResult` per `<testcase>` element.
///
/// Elements are trusted over declared counts; a damaged file yields every testcase completed
/// before the damage plus a warning with the line.
struct JUnitXMLParser {
  let path: String
  /// How the file is named in evidence and warnings (the path as the user gave it).
  let displayPath: String

  func parse() -> ParsedArtifact {
    var artifact = ParsedArtifact(path: displayPath, format: .junit)
    guard let scanner = XMLScanner(path: path) else {
      artifact.warnings = [Diagnostic(path: displayPath, line: nil, message: "cannot open file")]
      return artifact
    }
    let handler = JUnitHandler(path: displayPath)
    let damage = scanner.scan(handler)
    handler.finish()
    var warnings = handler.warnings
    if let damage {
      let kept = handler.tests.count
      warnings.append(Diagnostic(path: displayPath, line: damage.line,
        message: "malformed XML: \(damage.message); kept the \(kept) testcase\(kept == 1 ? "" : "s") before it"))
    }
    if !handler.isJUnit {
      warnings.append(Diagnostic(path: displayPath, line: nil,
        message: "not a JUnit report (root element <\(handler.rootName ?? "?")>); skipped"))
      artifact.format = .unknown
      artifact.warnings = warnings
      return artifact
    }
    if damage == nil, let declared = handler.declaredTests, declared != handler.testcaseElements {
      warnings.append(Diagnostic(path: displayPath, line: handler.rootLine,
        message: "declares tests=\(declared) but holds \(handler.testcaseElements) <testcase> element\(handler.testcaseElements == 1 ? "" : "s"); counted the elements"))
    }
    artifact.tests = handler.tests
    artifact.warnings = warnings
    return artifact
  }
}
