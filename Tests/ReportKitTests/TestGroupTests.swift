import Foundation
import Testing

@testable import ReportKit

/// Tests of one class share one `TestGroup` (prefix and suite), which keeps a test at 40 bytes.
@Suite struct TestGroupTests {
  /// Per distinct (prefix, suite) of `tests`: how many group objects its tests point at.
  func groupsPerPair(_ tests: [TestResult]) -> [String: Int] {
    var seen: [String: Set<ObjectIdentifier>] = [:]
    for t in tests { seen[t.idPrefix + "\u{0}" + t.suite, default: []].insert(ObjectIdentifier(t.group)) }
    return seen.mapValues(\.count)
  }

  @Test func aTestIsFortyBytes() {
    #expect(MemoryLayout<TestResult>.stride == 40)
  }

  @Test func readersShareOneGroupPerClass() throws {
    // Real files: pytest's own JUnit XML and console logs (several classes and files each).
    let junit = JUnitXMLParser(path: Fixtures.path("pytest/xunit2.xml"), displayPath: "x.xml").parse()
    let verbose = PytestConsoleParser(path: Fixtures.path("pytest/verbose-junit.log"), displayPath: "log").parse()
    let xdist = PytestConsoleParser(path: Fixtures.path("pytest/xdist-v.log"), displayPath: "log").parse()
    for artifact in [junit, verbose, xdist] {
      let pairs = groupsPerPair(artifact.tests)
      #expect(artifact.tests.count > pairs.count, "fixture has classes of several tests")
      #expect(pairs.values.allSatisfy { $0 == 1 }, "\(pairs.filter { $0.value > 1 })")
    }
  }

  @Test func aChangedSuiteLeavesTheOthersAlone() {
    var interner = GroupInterner()
    let shared = interner("a.py::T::", "a.T")
    var first = TestResult(group: shared, name: "t1", status: .passed)
    let second = TestResult(group: shared, name: "t2", status: .failed)
    first.suite = "renamed"
    #expect(first.suite == "renamed" && first.idPrefix == "a.py::T::")
    #expect(second.suite == "a.T" && second.id == "a.py::T::t2")
    #expect(second.group === shared)
  }

  @Test func internerKeysOnPrefixAndSuite() {
    var interner = GroupInterner()
    let a = interner("a.py::", "a")
    let b = interner("b.py::", "b")
    #expect(interner("a.py::", "a") === a)  // back to an earlier pair: the table, not the last
    #expect(interner(String("a.py::".reversed().reversed()), "a") === a)  // equal text, other storage
    #expect(interner("a.py::", "other") !== a)
    #expect(interner("b.py::", "b") === b)
  }
}

/// A node id prefix's suite is the prefix without its last two Characters (`a.py::T` of
/// `a.py::T::`), however it is cut.
@Suite struct PrefixSuiteTests {
  @Test(arguments: ["a.py::T::", "a.py::", "::", "", ":", "a", "x\u{600}::", "é::", "tests/ü.py::Tëst::", "a::b", "a.py::\u{301}"])
  func suiteIsThePrefixLessTwoCharacters(_ prefix: String) {
    #expect(PytestSession.suite(ofPrefix: prefix[...]) == prefix.dropLast(2))
  }

  /// Groups handed out lately are found by their prefix's bytes (pytest's suites follow from
  /// their prefixes): interleaved classes of one file share their objects; a group found is
  /// always the one with these bytes, also past the sixteen kept.
  @Test func recentGroupsAreFoundByTheirBytes() {
    var groups = GroupInterner()
    var first: [String: TestGroup] = [:]
    var rng = DamagedInputTests.SplitMix(state: 9)
    for _ in 0..<5000 {
      let k = Int(rng.next() % 24)
      let prefix = "tests/a.py::C\(k)::"
      let suite = String(PytestSession.suite(ofPrefix: prefix[...]))
      let g = groups.recent(matchingPrefix: prefix[...]) ?? groups(prefix, suite)
      #expect(g.idPrefix == prefix && g.suite == suite)
      if let known = first[prefix] { #expect(g === known, "one object per prefix") } else { first[prefix] = g }
    }
    #expect(groups.recent(matchingPrefix: "tests/b.py::C1::") == nil)
  }

  /// JUnit's recent groups are matched by prefix and suite: one prefix under two suites is two
  /// groups, each found again as itself.
  @Test func recentGroupsByPrefixAndSuite() {
    var groups = GroupInterner()
    var first: [String: TestGroup] = [:]
    var rng = DamagedInputTests.SplitMix(state: 13)
    for _ in 0..<5000 {
      let k = Int(rng.next() % 20)
      let prefix = "C\(k % 10)::"
      let suite = k < 10 ? "C\(k)" : "other"
      let g = groups.recent(prefix: prefix, suite: suite) ?? groups(prefix, suite)
      #expect(g.idPrefix == prefix && g.suite == suite)
      if let known = first[prefix + "|" + suite] { #expect(g === known) } else { first[prefix + "|" + suite] = g }
    }
    #expect(first.count == 20)
  }
}
