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

  /// The median of `values` (the mean of the middle two when their count is even), found by
  /// selection rather than a full sort; `values` is reordered. Not empty.
  static func median(_ values: inout [Double]) -> Double {
    let n = values.count
    let upper = select(&values, n / 2)
    guard n % 2 == 0 else { return upper }
    // The lower middle is the largest value left of the upper one.
    var lower = values[0]
    for k in 1..<(n / 2) where values[k] > lower { lower = values[k] }
    return (lower + upper) / 2
  }

  /// The `k`-th smallest value (from 0): afterwards everything before `k` is at most it and
  /// everything after at least it (Hoare's selection, middle pivot).
  private static func select(_ a: inout [Double], _ k: Int) -> Double {
    var (low, high) = (0, a.count - 1)
    while low < high {
      let pivot = a[low + (high - low) / 2]
      var (i, j) = (low, high)
      while i <= j {
        while a[i] < pivot { i += 1 }
        while a[j] > pivot { j -= 1 }
        if i <= j {
          a.swapAt(i, j)
          i += 1
          j -= 1
        }
      }
      if k <= j {
        high = j
      } else if k >= i {
        low = i
      } else {
        break
      }
    }
    return a[k]
  }

  /// One suspicion per run when any pass is too fast, with the figures as its evidence.
  static func detect(_ run: Run) -> [Suspicion] {
    // Tests of one class share one `TestGroup` (its prefix and suite): its peer group is found
    // once per object, by identity, and again only when the object changes. Objects with the
    // same prefix and suite (two files of one class) reach the same peer group by its name.
    var groupOf: [String: Int] = [:]
    var groupOfObject: [ObjectIdentifier: Int] = [:]
    var groups: [(name: String, members: [Int32])] = []  // 4 bytes a test: a million passes
    var last: (object: ObjectIdentifier, group: Int)?
    for i in run.tests.indices where run.tests[i].status == .passed && run.tests[i].durationSeconds != nil {
      let object = ObjectIdentifier(run.tests[i].group)
      if let l = last, l.object == object {
        groups[l.group].members.append(Int32(i))
        continue
      }
      let g: Int
      if let known = groupOfObject[object] {
        g = known
      } else {
        let t = run.tests[i]
        let file = t.idFile
        let name = file.isEmpty ? "suite " + t.suite : file
        g = groupOf[name] ?? groups.count
        if g == groups.count {
          groupOf[name] = g
          groups.append((name, []))
        }
        groupOfObject[object] = g
      }
      groups[g].members.append(Int32(i))
      last = (object, g)
    }
    var flagged: [(index: Int, seconds: Double, median: Double, peers: Int, group: String)] = []
    for (group, members) in groups where members.count >= minimumPeers {
      var times = members.compactMap { run.tests[Int($0)].durationSeconds }
      let median = Self.median(&times)
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
