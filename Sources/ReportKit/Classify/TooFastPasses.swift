import Foundation

/// Passes that took a tiny fraction of the time their peers took: an end-to-end test that
/// "passed" in 0.00 s where the others in its file took seconds most likely did not run its
/// steps (an early return, a skipped body, a mocked client). The worklogs check this by hand
/// ("execution times 2-10 s, not 0.00 s").
///
/// Peers are the passing tests of the same file (or, without a file, the same suite). A pass is
/// flagged when the peers' median is over `slowMedian` seconds and the pass took under `share`
/// of it; a group needs `minimumPeers` timed passes for its median to mean anything.
enum TooFastPasses {
  static let share = 0.02
  static let slowMedian = 1.0
  static let minimumPeers = 5
  /// At most this many passes are named; their lines are looked up in the inputs.
  static let named = 20

  private static func seconds(_ v: Double) -> String { String(format: "%.2f s", v) }

  /// One suspicion per run when any pass is too fast, with the figures as its evidence.
  static func detect(_ run: Run) -> [Suspicion] {
    // Tests of one file come one after another: the group is looked up again only when the
    // id prefix or suite changes, not hashed per test.
    var groupOf: [String: Int] = [:]
    var groups: [(name: String, members: [Int32])] = []  // 4 bytes a test: a million passes
    var last: (prefix: String, suite: String, group: Int)?
    for i in run.tests.indices where run.tests[i].status == .passed && run.tests[i].durationSeconds != nil {
      // Fields read in place: a copy of the test would retain its four references.
      if let l = last, l.prefix == run.tests[i].idPrefix, l.suite == run.tests[i].suite {
        groups[l.group].members.append(Int32(i))
        continue
      }
      let t = run.tests[i]
      let file = t.idFile
      let name = file.isEmpty ? "suite " + t.suite : file
      let g = groupOf[name] ?? groups.count
      if g == groups.count {
        groupOf[name] = g
        groups.append((name, []))
      }
      groups[g].members.append(Int32(i))
      last = (t.idPrefix, t.suite, g)
    }
    var flagged: [(index: Int, seconds: Double, median: Double, peers: Int, group: String)] = []
    for (group, members) in groups where members.count >= minimumPeers {
      let times = members.compactMap { run.tests[Int($0)].durationSeconds }.sorted()
      let median = times.count % 2 == 1 ? times[times.count / 2] : (times[times.count / 2 - 1] + times[times.count / 2]) / 2
      guard median > slowMedian else { continue }
      for m in members {
        let i = Int(m)
        guard let s = run.tests[i].durationSeconds, s < share * median else { continue }
        flagged.append((i, s, median, members.count - 1, group))
      }
    }
    guard !flagged.isEmpty else { return [] }
    // Each id made once, not twice per comparison.
    let ids = flagged.map { run.tests[$0.index].id }
    flagged = flagged.indices.sorted { ids[$0] < ids[$1] }.map { flagged[$0] }
    let shown = flagged.prefix(named)
    let lines = SourceLines.find(names: shown.map { run.tests[$0.index].name }, in: run.inputs.map(\.path))
    let evidence = shown.prefix(3).map { f -> Evidence in
      let t = run.tests[f.index]
      let text =
        "\(t.id) passed in \(seconds(f.seconds)); the \(f.peers) other passing tests of \(f.group): median \(seconds(f.median))"
      let at = lines[t.name]
      return Evidence(path: at?.path ?? run.inputs.first?.path ?? "", line: at?.line ?? 1, text: text)
    }
    let n = flagged.count
    return [
      Suspicion(
        kind: .tooFast, category: nil,
        summary:
          "\(n) test\(n == 1 ? "" : "s") passed in under \(Int(share * 100))% of the time \(n == 1 ? "its" : "their") peers took"
          + " (median over \(Int(slowMedian)) s): \(n == 1 ? "it" : "they") may not have run \(n == 1 ? "its" : "their") steps.",
        tests: flagged.map { run.tests[$0.index].id }, evidence: Array(evidence))
    ]
  }
}
