import Foundation

extension [TestResult] {
  /// Positions of the tests whose status matches, ordered by id: positions are sorted (not
  /// copies of tests) and ids compared as prefix then name, in byte order.
  ///
  /// The prefix and name bytes of the picked tests are laid out once in one buffer, so each of
  /// the n log n comparisons is two `memcmp`s, with no string retained or sliced.
  func indicesSortedByID(where keep: (TestStatus) -> Bool) -> [Int] {
    let picked = indices.filter { keep(self[$0].status) }
    var bytes: [UInt8] = []
    var spans: [(prefix: Range<Int>, name: Range<Int>)] = []
    spans.reserveCapacity(picked.count)
    var lastGroup: TestGroup?
    var lastPrefix = 0..<0
    withUnsafeBufferPointer { tests in  // read in place: a copy of a test retains its references
      for i in picked {
        if !TestResult.isOf(lastGroup, at: tests.address(i)) {  // tests of one class share their prefix's bytes
          lastGroup = self[i].group
          let start = bytes.count
          bytes.append(contentsOf: self[i].idPrefix.utf8)
          lastPrefix = start..<bytes.count
        }
        let start = bytes.count
        TestResult.withNameBytes(at: tests.address(i)) { bytes.append(contentsOf: $0) }
        spans.append((lastPrefix, start..<bytes.count))
      }
    }
    var order = [Int](picked.indices)
    bytes.withUnsafeBufferPointer { b in
      // Byte order (no Unicode collation); the sort is stable, so equal ids keep run order.
      order.sort { x, y in
        let c = Self.compare(b, spans[x].prefix, spans[y].prefix)
        return c != 0 ? c < 0 : Self.compare(b, spans[x].name, spans[y].name) < 0
      }
    }
    return order.map { picked[$0] }
  }

  /// Byte order of two spans of `b`: negative, zero or positive (a proper prefix comes first).
  private static func compare(_ b: UnsafeBufferPointer<UInt8>, _ x: Range<Int>, _ y: Range<Int>) -> Int {
    let n = Swift.min(x.count, y.count)
    if n > 0, let base = b.baseAddress {
      let c = memcmp(base + x.lowerBound, base + y.lowerBound, n)
      if c != 0 { return Int(c) }
    }
    return x.count - y.count
  }
}
