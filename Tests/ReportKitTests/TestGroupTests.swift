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

  /// Draws 5,000 groups, each looked for first by `find` and else handed out by the interner:
  /// each is the group of its prefix and suite, one object per `key`. The groups by key.
  private func drawGroups(
    seed: UInt64, kinds: UInt64, _ names: (Int) -> (prefix: String, suite: String), key: (String, String) -> String,
    find: (inout GroupInterner, String, String) -> TestGroup?
  ) -> (interner: GroupInterner, first: [String: TestGroup]) {
    var groups = GroupInterner()
    var first: [String: TestGroup] = [:]
    var rng = DamagedInputTests.SplitMix(state: seed)
    for _ in 0..<5000 {
      let (prefix, suite) = names(Int(rng.next() % kinds))
      let g = find(&groups, prefix, suite) ?? groups(prefix, suite)
      #expect(g.idPrefix == prefix && g.suite == suite)
      if let known = first[key(prefix, suite)] { #expect(g === known, "one object per key") } else { first[key(prefix, suite)] = g }
    }
    return (groups, first)
  }

  /// Groups handed out lately are found by their prefix's bytes (pytest's suites follow from
  /// their prefixes): interleaved classes of one file share their objects; a group found is
  /// always the one with these bytes, also past the sixteen kept.
  @Test func recentGroupsAreFoundByTheirBytes() {
    var (groups, _) = drawGroups(
      seed: 9, kinds: 24, { k in ("tests/a.py::C\(k)::", String(PytestSession.suite(ofPrefix: "tests/a.py::C\(k)::"))) },
      key: { prefix, _ in prefix }, find: { groups, prefix, _ in groups.recent(matchingPrefix: prefix[...]) })
    #expect(groups.recent(matchingPrefix: "tests/b.py::C1::") == nil)
  }

  /// JUnit's recent groups are matched by prefix and suite: one prefix under two suites is two
  /// groups, each found again as itself.
  @Test func recentGroupsByPrefixAndSuite() {
    let (_, first) = drawGroups(
      seed: 13, kinds: 20, { k in ("C\(k % 10)::", k < 10 ? "C\(k)" : "other") }, key: { $0 + "|" + $1 },
      find: { groups, prefix, suite in groups.recent(prefix: prefix, suite: suite) })
    #expect(first.count == 20)
  }
}
