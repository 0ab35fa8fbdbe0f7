import Foundation

extension [TestResult] {
  /// Positions of the tests whose status matches, ordered by id: positions are sorted (not
  /// copies of tests) and ids compared as prefix then name, in byte order.
  ///
  /// The prefix and name bytes of the picked tests are laid out once in one buffer, so each of
  /// the n log n comparisons is two `memcmp`s, with no string retained or sliced.
  ///
  /// With two `workers` (the default from 8,192 picked tests), each lays out and sorts one half
  /// of them, and the halves are merged, the first half's taken first among equal ids (the
  /// other core is otherwise idle here: triage begins with this order).
  func indicesSortedByID(where keep: (TestStatus) -> Bool, workers: Int? = nil) -> [Int] {
    let picked = indices.filter { keep(self[$0].status) }
    let workers = workers ?? (picked.count >= 8192 ? 2 : 1)
    guard workers > 1 else { return sortedKeys(picked[...]).order.map { picked[$0] } }
    let halves = Concurrently.results(2) { h in sortedKeys(picked[Concurrently.part(h, of: 2, in: picked.count)]) }
    let (a, b) = (halves[0], halves[1])
    let middle = Concurrently.part(1, of: 2, in: picked.count).lowerBound
    var merged: [Int] = []
    merged.reserveCapacity(picked.count)
    a.bytes.withUnsafeBufferPointer { ab in
      b.bytes.withUnsafeBufferPointer { bb in
        // The second half's next id goes first only when it is smaller: equal ids keep run order.
        Concurrently.merge(a.order.count, b.order.count) { x, y in
          Self.less(bb, b.spans[b.order[y]], than: ab, a.spans[a.order[x]])
        } take: { second, k in
          merged.append(second ? picked[middle + b.order[k]] : picked[a.order[k]])
        }
      }
    }
    return merged
  }

  /// The ids of `part`'s tests laid out in one buffer, and their order (positions in `part`).
  private struct SortKeys {
    var bytes: [UInt8] = []
    var spans: [(prefix: Range<Int>, name: Range<Int>)] = []
    var order: [Int] = []
  }

  private func sortedKeys(_ part: ArraySlice<Int>) -> SortKeys {
    var keys = SortKeys()
    keys.spans.reserveCapacity(part.count)
    var lastGroup: TestGroup?
    var lastPrefix = 0..<0
    withUnsafeBufferPointer { tests in  // read in place: a copy of a test retains its references
      for i in part {
        if !TestResult.isOf(lastGroup, at: tests.address(i)) {  // tests of one class share their prefix's bytes
          lastGroup = self[i].group
          let start = keys.bytes.count
          keys.bytes.append(contentsOf: self[i].idPrefix.utf8)
          lastPrefix = start..<keys.bytes.count
        }
        let start = keys.bytes.count
        TestResult.withNameBytes(at: tests.address(i)) { keys.bytes.append(contentsOf: $0) }
        keys.spans.append((lastPrefix, start..<keys.bytes.count))
      }
    }
    var order = [Int](0..<part.count)
    let spans = keys.spans
    keys.bytes.withUnsafeBufferPointer { b in
      // Byte order (no Unicode collation); the sort is stable, so equal ids keep run order.
      order.sort { x, y in Self.less(b, spans[x], than: b, spans[y]) }
    }
    keys.order = order
    return keys
  }

  /// Whether the id at `x` of `bx` comes before the one at `y` of `by`: prefixes, then names.
  private static func less(
    _ bx: UnsafeBufferPointer<UInt8>, _ x: (prefix: Range<Int>, name: Range<Int>), than by: UnsafeBufferPointer<UInt8>,
    _ y: (prefix: Range<Int>, name: Range<Int>)
  ) -> Bool {
    let c = compare(bx, x.prefix, by, y.prefix)
    return c != 0 ? c < 0 : compare(bx, x.name, by, y.name) < 0
  }

  /// Byte order of span `x` of `bx` and span `y` of `by`: negative, zero or positive (a proper
  /// prefix comes first).
  private static func compare(_ bx: UnsafeBufferPointer<UInt8>, _ x: Range<Int>, _ by: UnsafeBufferPointer<UInt8>, _ y: Range<Int>) -> Int {
    let n = Swift.min(x.count, y.count)
    if n > 0, let a = bx.baseAddress, let b = by.baseAddress {
      let c = memcmp(a + x.lowerBound, b + y.lowerBound, n)
      if c != 0 { return Int(c) }
    }
    return x.count - y.count
  }
}
