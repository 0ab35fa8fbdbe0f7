/// Finds a test's position by its key: open addressing over 32-bit positions, 4 bytes a slot
/// instead of a dictionary's 16+, so a million-test run indexes in about 8 MiB.
struct TestIndex {
  private var slots: [Int32] = []  // -1 empty, else a position in the tests array
  private var count = 0

  /// The position of the test equal to `key` among `tests`, if indexed.
  func find(_ key: TestKey, in tests: [TestResult]) -> Int? {
    guard !slots.isEmpty else { return nil }
    let mask = slots.count - 1
    var i = key.hashValue & mask
    while true {
      let p = slots[i]
      if p < 0 { return nil }
      if TestKey(tests[Int(p)]) == key { return Int(p) }
      i = (i + 1) & mask
    }
  }

  /// Records that the test at `position` of `tests` has `key` (not yet indexed).
  mutating func insert(_ key: TestKey, at position: Int, in tests: [TestResult]) {
    if (count + 1) * 4 > slots.count * 3 { grow(tests) }
    place(key.hashValue, Int32(position))
    count += 1
  }

  mutating func reserve(_ n: Int, _ tests: [TestResult]) {
    var size = 16
    while size * 3 < n * 4 { size *= 2 }
    if size > slots.count { rebuild(size: size, tests) }
  }

  mutating func removeAll() {
    slots = []
    count = 0
  }

  private mutating func place(_ hash: Int, _ position: Int32) {
    let mask = slots.count - 1
    var i = hash & mask
    while slots[i] >= 0 { i = (i + 1) & mask }
    slots[i] = position
  }

  private mutating func grow(_ tests: [TestResult]) { rebuild(size: max(16, slots.count * 2), tests) }

  private mutating func rebuild(size: Int, _ tests: [TestResult]) {
    let old = slots
    slots = [Int32](repeating: -1, count: size)
    for p in old where p >= 0 { place(TestKey(tests[Int(p)]).hashValue, p) }
  }
}
