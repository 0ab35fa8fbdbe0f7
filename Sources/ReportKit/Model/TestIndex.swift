/// Finds a test's position by its key: open addressing, one 8-byte slot per entry holding the
/// position and 32 bits of the key's hash, so most probes never touch the test's strings.
/// A million-test run indexes in 16 MiB.
struct TestIndex {
  private var slots: [UInt64] = []  // .max empty, else hash tag << 32 | position
  private var count = 0
  private static let empty = UInt64.max

  /// The position of the test equal to `key` among `tests`, if indexed.
  func find(_ key: TestKey, hash: Int? = nil, in tests: [TestResult]) -> Int? {
    find(hash: hash ?? key.hashValue) { TestKey(tests[$0]) == key }
  }

  /// The indexed position with this hash for which `matches` holds; `matches` runs only for
  /// positions whose stored hash bits agree.
  func find(hash: Int, where matches: (Int) -> Bool) -> Int? {
    guard !slots.isEmpty else { return nil }
    let tag = Self.tag(hash)
    let mask = slots.count - 1
    var i = hash & mask
    while true {
      let slot = slots[i]
      if slot == Self.empty { return nil }
      if slot >> 32 == tag, matches(Int(slot & 0xFFFF_FFFF)) { return Int(slot & 0xFFFF_FFFF) }
      i = (i + 1) & mask
    }
  }

  /// Records that the test at `position` of `tests` has `key` (not yet indexed).
  mutating func insert(_ key: TestKey, hash: Int? = nil, at position: Int, in tests: [TestResult]) {
    insert(hash: hash ?? key.hashValue, at: position) { TestKey(tests[$0]).hashValue }
  }

  /// Records `position` under `hash`; `rehash` gives the hash of an indexed position when the
  /// table grows.
  mutating func insert(hash: Int, at position: Int, rehash: (Int) -> Int) {
    if (count + 1) * 4 > slots.count * 3 { rebuild(size: max(16, slots.count * 2), rehash) }
    place(hash, position)
    count += 1
  }

  mutating func reserve(_ n: Int, _ tests: [TestResult]) {
    var size = 16
    while size * 3 < n * 4 { size *= 2 }
    if size > slots.count { rebuild(size: size) { TestKey(tests[$0]).hashValue } }
  }

  /// Moves every indexed position through `map` (after the indexed array was compacted); a
  /// negative result drops the entry.
  mutating func remap(_ map: (Int) -> Int) {
    for i in slots.indices where slots[i] != Self.empty {
      let p = map(Int(slots[i] & 0xFFFF_FFFF))
      precondition(p >= 0, "remap dropped an indexed position")
      slots[i] = slots[i] & 0xFFFF_FFFF_0000_0000 | UInt64(UInt32(p))
    }
  }

  private static func tag(_ hash: Int) -> UInt64 { UInt64(UInt32(truncatingIfNeeded: hash >> 32)) }

  private mutating func place(_ hash: Int, _ position: Int) {
    let mask = slots.count - 1
    var i = hash & mask
    while slots[i] != Self.empty { i = (i + 1) & mask }
    slots[i] = Self.tag(hash) << 32 | UInt64(UInt32(position))
  }

  private mutating func rebuild(size: Int, _ rehash: (Int) -> Int) {
    let old = slots
    slots = [UInt64](repeating: Self.empty, count: size)
    for slot in old where slot != Self.empty {
      let p = Int(slot & 0xFFFF_FFFF)
      place(rehash(p), p)
    }
  }
}
