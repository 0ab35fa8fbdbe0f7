import Foundation
import Testing

@testable import ReportKit

/// The per-file table of the metrics: every test counted once under its file, however the
/// tests of one file are spread through the run.
@Suite struct MetricsTests {
  @Test func filesCountEveryTestUnderItsFile() {
    var groups = GroupInterner()
    let a1 = groups("a.py::TestOne::", "a.TestOne")
    let a2 = groups("a.py::TestTwo::", "a.TestTwo")
    let b = groups("b.py::", "b")
    let noFile = groups("", "suite-x")
    let order: [(TestGroup, TestStatus)] = [
      (a1, .passed), (a1, .failed), (a2, .passed), (b, .passed), (b, .error), (b, .passed),
      (a1, .failed), (noFile, .passed), (noFile, .failed), (b, .skipped), (a2, .passed),
      // A group of its own with the same prefix and another suite: still file a.py.
      (TestGroup(idPrefix: "a.py::TestTwo::", suite: "other"), .passed),
    ]
    let tests = order.enumerated().map { k, t in TestResult(group: t.0, name: "t\(k)", status: t.1, durationSeconds: Double(k)) }
    let m = Metrics(Run(inputs: [], tests: tests, requests: []), Findings(), targets: Targets())
    // Counted by hand from `order`: a.py 6 tests (2 failing), b.py 4 (1), suite-x 2 (1).
    let failing = Dictionary(uniqueKeysWithValues: m.files.map { ($0.file, ($0.tests, $0.failing)) })
    #expect(failing.count == 3)
    #expect(failing["a.py"]! == (6, 2))
    #expect(failing["b.py"]! == (4, 1))
    #expect(failing["suite-x"]! == (2, 1))
    #expect(m.files.map(\.file) == ["a.py", "b.py", "suite-x"])  // most failing first, then by name
    #expect(m.passingFiles.isEmpty)
    #expect(m.slowest.map(\.id) == ["a.py::TestTwo::t11", "a.py::TestTwo::t10", "b.py::t9", "t8", "t7"])
  }
}
