import Foundation
import Testing

@testable import ReportKit

/// Failures are classified and clustered in id order: prefix bytes first, then name bytes.
@Suite struct TestOrderTests {
  /// The order by its definition: prefixes compared as bytes, names only where prefixes are equal.
  func reference(_ tests: [TestResult], _ keep: (TestStatus) -> Bool) -> [Int] {
    tests.indices.filter { keep(tests[$0].status) }.sorted { a, b in
      let (pa, pb) = (Array(tests[a].idPrefix.utf8), Array(tests[b].idPrefix.utf8))
      if pa != pb { return pa.lexicographicallyPrecedes(pb) }
      return Array(tests[a].name.utf8).lexicographicallyPrecedes(Array(tests[b].name.utf8))
    }
  }

  @Test func prefixThenNameInByteOrder() {
    let t = [
      TestResult(idPrefix: "x.py::T::", name: "a", suite: "T", status: .failed),
      TestResult(idPrefix: "x.py::", name: "z", suite: "x", status: .failed),  // a shorter prefix first, whatever the name
      TestResult(idPrefix: "x.py::", name: "b", suite: "x", status: .error),
      TestResult(idPrefix: "x.py::", name: "ok", suite: "x", status: .passed),
      TestResult(idPrefix: "é.py::", name: "a", suite: "é", status: .failed),  // bytes: after every ASCII prefix
      TestResult(idPrefix: "A.py::", name: "a", suite: "A", status: .failed),  // upper case before lower
      TestResult(idPrefix: "x.py::", name: "", suite: "x", status: .failed),
    ]
    let order = t.indicesSortedByID { $0.isFailure }
    #expect(order.map { t[$0].id } == ["A.py::a", "x.py::", "x.py::b", "x.py::z", "x.py::T::a", "é.py::a"])
  }

  @Test func equalIDsKeepRunOrderAndManyTestsMatchTheDefinition() {
    // Ids drawn from a few prefixes and names (many equal), names stored as slices of a shared
    // chunk as readers store them; a seeded generator keeps the case the same on every run.
    var rng = DamagedInputTests.SplitMix(state: 11)
    let prefixes = ["a.py::", "a.py::T::", "a.py::T::U::", "b.py::", "a.p::", ""]
    let names = ["t", "t[1]", "t[10]", "t[2]", "u", "", "té", "t\u{301}"]
    var groups = GroupInterner()
    var arena = NameArena()
    var tests: [TestResult] = []
    for _ in 0..<3000 {
      let p = prefixes[Int(rng.next() % UInt64(prefixes.count))]
      let status: TestStatus = [.failed, .error, .passed, .flaky][Int(rng.next() % 4)]
      tests.append(TestResult(group: groups(p, "s"), name: names[Int(rng.next() % UInt64(names.count))][...], in: &arena, status: status))
    }
    let keep: (TestStatus) -> Bool = { $0.isFailure || $0 == .flaky }
    // One worker, and two (each sorts a half, then the halves are merged): the same order.
    for workers in [nil, 1, 2] {
      let order = tests.indicesSortedByID(where: keep, workers: workers)
      #expect(order == reference(tests, keep), "workers \(workers ?? 0)")
      // Stable: among equal ids, run order.
      for (x, y) in zip(order, order.dropFirst()) where tests[x].id == tests[y].id { #expect(x < y) }
    }
    #expect(tests.indicesSortedByID(where: { _ in false }, workers: 2).isEmpty)
    #expect(tests.indicesSortedByID(where: { $0 == .error }, workers: 2) == reference(tests) { $0 == .error })
  }
}
