import Foundation
import Testing

@testable import ReportKit

/// The two-thread pytest reader must give exactly what the one-thread reader gives.
@Suite struct PytestSplitReaderTests {
  /// Every pytest console log among the fixtures (real pytest runs, see scripts/make_fixtures.sh).
  static let logs = [
    "pytest/plain.log", "pytest/quiet.log", "pytest/two-sessions.log", "pytest/verbose-junit.log", "pytest/xdist-v.log",
    "pytest/xdist.log", "pytest/cutoff-v.log", "reallogs/doctest-v.log", "reallogs/doctest.log", "reallogs/two-sessions.log",
    "reallogs/windows.log", "reallogs/summary-only-utf16.log", "classify/long.log", "classify/native.log",
    "eval/logs/pytest-console.log", "ctrf/staging-v.log",
  ]

  func read(_ path: String, threshold: Int) -> (ParsedArtifact, Bool) {
    PytestConsoleParser(path: path, displayPath: "log").read(threshold: threshold)
  }

  func same(_ a: ParsedArtifact, _ b: ParsedArtifact, _ name: String) {
    #expect(a.tests.map(\.id) == b.tests.map(\.id), "\(name)")
    #expect(a.tests.map(\.status) == b.tests.map(\.status), "\(name)")
    #expect(a.tests.map(\.phase) == b.tests.map(\.phase), "\(name)")
    #expect(a.tests.map { $0.details?.message } == b.tests.map { $0.details?.message }, "\(name)")
    #expect(a.tests.map { $0.details?.detail } == b.tests.map { $0.details?.detail }, "\(name)")
    #expect(a.tests.map { $0.details?.output } == b.tests.map { $0.details?.output }, "\(name)")
    #expect(a.tests.map { $0.details?.outputLine } == b.tests.map { $0.details?.outputLine }, "\(name)")
    #expect(a.tests.map { $0.details?.line } == b.tests.map { $0.details?.line }, "\(name)")
    #expect(a.tests.map { $0.details?.evidence ?? [] } == b.tests.map { $0.details?.evidence ?? [] }, "\(name)")
    #expect(a.warnings == b.warnings, "\(name)")
    #expect(a.setup == b.setup, "\(name)")
  }

  @Test(arguments: logs)
  func eachFixtureReadsTheSameWithTwoThreads(name: String) {
    let (one, two) = PytestConsoleParser(path: Fixtures.path(name), displayPath: "log").readBothWays()
    #expect(!one.tests.isEmpty, "\(name)")
    same(one, two, name)
  }

  /// The split is taken where it can be: a log with FAILURES, one with ERRORS, one that ends in them.
  @Test func theBlocksOfTheSecondThreadAreTakenWhereTheyCanBe() throws {
    let taken = Self.logs.filter { read(Fixtures.path($0), threshold: 1).1 }
    #expect(taken.contains("pytest/plain.log"))
    #expect(taken.contains("pytest/verbose-junit.log"))
    #expect(taken.contains("reallogs/windows.log"), "CRLF line ends: offsets count both bytes")
    #expect(!taken.contains("reallogs/summary-only-utf16.log"), "UTF-16 is read by one thread")
    // A log cut inside its FAILURES section (the second thread reads to the end).
    let dir = TempDir()
    let full = try String(contentsOfFile: Fixtures.path("pytest/plain.log"), encoding: .utf8)
    let cut = try #require(full.range(of: "short test summary info"))
    let path = dir.file("cut.log", String(full[..<cut.lowerBound].dropLast(20)))
    let (one, _) = read(path, threshold: .max)
    let (two, split) = read(path, threshold: 1)
    #expect(split)
    same(one, two, "cut.log")
  }
}

/// Blocks find their tests by display name: every test of that name in test order, then tests
/// the blocks themselves added under it.
@Suite struct DisplayNameIndexTests {
  @Test func positionsInTestOrderThenAdded() {
    let names = ["T.a", "T.b", "T.a", "U.a", "T.a", "T.b"]
    var index = DisplayNameIndex(positions: [0, 1, 2, 4, 5], name: { names[$0] })  // 3 left out
    #expect(index.positions(of: "T.a") { names[$0] } == [0, 2, 4])
    #expect(index.positions(of: "T.b") { names[$0] } == [1, 5])
    #expect(index.positions(of: "U.a") { names[$0] }.isEmpty)
    index.add(9, title: "U.a")
    index.add(7, title: "T.a")
    #expect(index.positions(of: "U.a") { names[$0] } == [9])
    #expect(index.positions(of: "T.a") { names[$0] } == [0, 2, 4, 7])
    #expect(index.indexedPositions(of: "T.a") { names[$0] } == [0, 2, 4])  // without those added
    #expect(index.indexedPositions(of: "U.a") { names[$0] }.isEmpty)
  }

  /// The index made on several threads (each naming its own part of the tests) is the one made
  /// on one: drawn names, many shared, some positions left out.
  @Test func madeOnThreadsAsOnOne() {
    var g = SystemRandomNumberGenerator()
    for round in 0..<20 {
      let count = Int.random(in: 0...3000, using: &g)
      let names = (0..<count).map { _ in "T.t[\(Int.random(in: 0..<(round % 2 == 0 ? 40 : 4000), using: &g))]" }
      let left = Set((0..<count).filter { _ in Int.random(in: 0..<5, using: &g) == 0 })
      let one = DisplayNameIndex(positions: (0..<count).filter { !left.contains($0) }, name: { names[$0] })
      for workers in 1...3 {
        let many = DisplayNameIndex(count: count, workers: workers, include: { !left.contains($0) }, name: { names[$0] })
        for title in Set(names) + ["T.none"] {
          #expect(many.positions(of: title) { names[$0] } == one.positions(of: title) { names[$0] }, "\(workers) workers, \(title)")
        }
      }
    }
  }
}

/// Blocks that name tests the progress lines did not (the id index is let go while blocks are
/// matched and made again when such a test is looked up).
@Suite struct UnlistedBlockTests {
  @Test func aTestNamedOnlyByTwoBlocksIsOneTest() {
    // Hand-written for this edge: `-q` progress names no test; one test has a teardown error and
    // a failure block, another only a failure block, and a module fails to collect.
    let log = """
      ============================= test session starts ==============================
      collected 3 items

      .FF                                                                      [100%]
      ==================================== ERRORS ====================================
      _____________________ ERROR at teardown of TestA.test_one ______________________
      E   RuntimeError: teardown broke

      tests/test_a.py:9: RuntimeError
      ________________________ ERROR collecting tests/test_b.py ________________________
      E   ImportError: no module named b
      =================================== FAILURES ===================================
      _______________________________ TestA.test_one _________________________________
      E   AssertionError: one

      tests/test_a.py:5: AssertionError
      _______________________________ TestA.test_two _________________________________
      E   AssertionError: two

      tests/test_a.py:7: AssertionError
      ========================= 2 failed, 1 passed, 1 error in 0.10s =================
      """
    let dir = TempDir()
    let a = PytestConsoleParser(path: dir.file("q.log", log), displayPath: "q.log").parse()
    let named = a.tests.filter { !$0.anonymous }
    #expect(named.map(\.id).sorted() == ["tests/test_a.py::TestA::test_one", "tests/test_a.py::TestA::test_two", "tests/test_b.py"])
    let one = named.first { $0.id == "tests/test_a.py::TestA::test_one" }
    #expect(one?.status == .error)  // the worse of the two outcomes
    #expect(one?.details?.detail?.contains("teardown broke") == true)  // the other block's lines stay in its text
  }
}
