import Dispatch

/// Reads JUnit XML in every dialect seen in the wild (pytest, Surefire, Gradle, jest, go, PHPUnit,
/// gtest, Catch2, nextest, ...) as a stream: one `TestResult` per `<testcase>` element.
///
/// Elements are trusted over declared counts; a damaged file yields every testcase completed
/// before the damage plus a warning with the line. Large UTF-8 files are read by two threads
/// (`JUnitSplitReader`), with the same result as one.
struct JUnitXMLParser: ArtifactParser {
  static let format = InputFormat.junit

  /// XML: the first byte that is not white space is `<` (the other parsers then stand aside).
  static func sniff(_ head: SniffedHead) -> Int { head.firstSignificantByte == UInt8(ascii: "<") ? 100 : 0 }

  let path: String
  /// How the file is named in evidence and warnings (the path as the user gave it).
  let displayPath: String

  /// Files smaller than this are read by one thread.
  static let parallelThreshold = 32 << 20

  func parse() -> ParsedArtifact {
    if let split = JUnitSplitReader(path: path, displayPath: displayPath), let read = split.read() {
      return artifact(read)
    }
    guard let scanner = XMLScanner(path: path) else {
      return .unreadable(displayPath, format: .junit)
    }
    let handler = JUnitHandler(path: displayPath)
    let damage = scanner.scan(handler)
    return artifact(
      .init(
        handler: handler, tests: handler.takeTests(), hashes: handler.takeHashes(), testcaseElements: handler.testcaseElements,
        declaredTests: handler.declaredTests, damage: damage, declaredOnly: handler.declaredOnly))
  }

  /// What a whole document read gave, from one reader or two.
  struct Read {
    var handler: JUnitHandler
    var tests: [TestResult]
    var hashes: [Int]
    var testcaseElements: Int
    var declaredTests: Int?
    var damage: XMLDamage?
    /// Suites that declare counts but list no testcase (aggregated summaries).
    var declaredOnly: [JUnitHandler.DeclaredSuite] = []
  }

  func artifactForTesting(_ read: Read) -> ParsedArtifact { artifact(read) }

  /// Anonymous tests for a suite known only by its counts: errors, failures, skips, the rest passed.
  static func placeholders(for suite: JUnitHandler.DeclaredSuite, into artifact: inout ParsedArtifact) {
    let prefix = (suite.name.isEmpty ? "" : suite.name + "::")
    let errors = min(suite.errors, suite.tests)
    let failures = min(suite.failures, suite.tests - errors)
    let skipped = min(suite.skipped, suite.tests - errors - failures)
    let counts: [(TestStatus, Int)] = [
      (.error, errors), (.failed, failures), (.skipped, skipped), (.passed, suite.tests - errors - failures - skipped),
    ]
    if artifact.hashes.count != artifact.tests.count { artifact.hashes = [] }
    let group = TestGroup(idPrefix: prefix, suite: suite.name)
    for (status, n) in counts where n > 0 {
      for k in 1...n {
        var t = TestResult(group: group, name: "<\(status.rawValue) #\(k)>", status: status)
        t.anonymous = true
        if !artifact.hashes.isEmpty || artifact.tests.isEmpty { artifact.hashes.append(t.keyHash) }
        artifact.tests.append(t)
      }
    }
  }

  private func artifact(_ read: Read) -> ParsedArtifact {
    var artifact = ParsedArtifact(path: displayPath, format: .junit)
    var warnings: [Diagnostic] = []
    if let damage = read.damage {
      let kept = read.tests.count
      warnings.append(
        Diagnostic(
          path: displayPath, line: damage.line,
          message: "malformed XML: \(damage.message); kept the \(kept) testcase\(kept == 1 ? "" : "s") before it"))
    }
    if !read.handler.isJUnit && read.testcaseElements == 0 {
      warnings.append(
        Diagnostic(
          path: displayPath, line: nil,
          message: "not a JUnit report (root element <\(read.handler.rootName ?? "?")>); skipped"))
      artifact.format = .unknown
      artifact.warnings = warnings
      return artifact
    }
    let counted = read.declaredOnly.reduce(0) { $0 + $1.tests }
    if read.damage == nil, let declared = read.declaredTests, declared != read.testcaseElements + counted {
      warnings.append(
        Diagnostic(
          path: displayPath, line: read.handler.rootLine,
          message:
            "declares tests=\(declared) but holds \(read.testcaseElements) <testcase> element\(read.testcaseElements == 1 ? "" : "s"); counted the elements"
        ))
    }
    artifact.tests = read.tests
    artifact.hashes = read.hashes
    for suite in read.declaredOnly {
      Self.placeholders(for: suite, into: &artifact)
      let f = [(suite.failures, "failed"), (suite.errors, "errors"), (suite.skipped, "skipped")].filter { $0.0 > 0 }
      warnings.append(
        Diagnostic(
          path: displayPath, line: suite.line,
          message:
            "suite '\(suite.name)' declares \(suite.tests) tests\(f.isEmpty ? "" : " (" + f.map { "\($0.0) \($0.1)" }.joined(separator: ", ") + ")") but lists none: counted as declared, without names"
        ))
    }
    artifact.setup = read.handler.suiteStart.map { [$0] } ?? []
    artifact.warnings = warnings
    return artifact
  }
}
