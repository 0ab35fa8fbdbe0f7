/// Finds a test's position by its key: open addressing, one 4-byte slot per entry holding the
/// position and as many bits of the key's hash as the position leaves free (11 for a million
/// tests), so most probes never touch the test's strings. A million-test run indexes in 8 MiB.
struct TestIndex {
  /// 0 empty, else `tag << bits | (position + 1)`.
  private var slots: [UInt32] = []
  /// `slots.count` is `1 << bits`; the low `bits` bits of a slot hold its position + 1.
  private var bits = 0
  private var count = 0

  /// The position of the test equal to `key` among `tests`, if indexed.
  func find(_ key: TestKey, hash: Int? = nil, in tests: [TestResult]) -> Int? {
    find(hash: hash ?? key.keyHash) { TestKey(tests[$0]) == key }
  }

  /// The indexed position with this hash for which `matches` holds; `matches` runs only for
  /// positions whose stored hash bits agree.
  func find(hash: Int, where matches: (Int) -> Bool) -> Int? {
    guard !slots.isEmpty else { return nil }
    let tag = Self.tag(hash, bits)
    let mask = slots.count - 1
    let low = UInt32(mask)
    var i = hash & mask
    while true {
      let slot = slots[i]
      if slot == 0 { return nil }
      if slot >> UInt32(bits) == tag, matches(Int(slot & low) - 1) { return Int(slot & low) - 1 }
      i = (i + 1) & mask
    }
  }

  /// Records that the test at `position` of `tests` has `key` (not yet indexed).
  mutating func insert(_ key: TestKey, hash: Int? = nil, at position: Int, in tests: [TestResult]) {
    insert(hash: hash ?? key.keyHash, at: position) { TestKey(tests[$0]).keyHash }
  }

  /// Records `position` under `hash`; `rehash` gives the hash of an indexed position when the
  /// table grows.
  mutating func insert(hash: Int, at position: Int, rehash: (Int) -> Int) {
    var size = max(16, slots.count)
    while (count + 1) * 4 > size * 3 || position + 1 >= size { size *= 2 }
    if size > slots.count { rebuild(size: size, rehash) }
    place(hash, position)
    count += 1
  }

  /// Indexes the first test of each id among `positions` of `tests` (taken in that order), and
  /// returns every later one with the position of its first, in the same order. (Inlined: each
  /// caller's hash closure and positions become its own loop, as when each wrote it.)
  @inline(__always)
  mutating func indexFirstOccurrences(
    of tests: [TestResult], at positions: some Sequence<Int>, hashOf: (Int) -> Int
  ) -> [(at: Int, first: Int)] {
    var repeats: [(at: Int, first: Int)] = []
    for i in positions {
      let hash = hashOf(i)
      if let first = find(hash: hash, where: { tests[$0].hasID(prefix: tests[i].idPrefix[...], name: tests[i].nameSlice) }) {
        repeats.append((i, first))
      } else {
        insert(hash: hash, at: i, rehash: hashOf)
      }
    }
    return repeats
  }

  /// Room for `n` entries at positions below `positions` (default `n`), made once.
  mutating func reserve(_ n: Int, positionsBelow positions: Int? = nil, _ tests: [TestResult]) {
    let p = positions ?? n
    var size = 16
    while size * 3 < n * 4 || p >= size { size *= 2 }
    if size > slots.count { rebuild(size: size) { TestKey(tests[$0]).keyHash } }
  }

  /// Moves every indexed position through `map` (after the indexed array was compacted); a
  /// negative result drops the entry.
  mutating func remap(_ map: (Int) -> Int) {
    let low = UInt32(slots.count - 1)
    for i in slots.indices where slots[i] != 0 {
      let p = map(Int(slots[i] & low) - 1)
      precondition(p >= 0 && p + 1 <= Int(low), "remap dropped an indexed position")
      slots[i] = slots[i] & ~low | UInt32(p + 1)
    }
  }

  /// Calls `body` with every indexed position.
  func forEachPosition(_ body: (Int) -> Void) {
    let low = UInt32(max(slots.count, 1) - 1)
    for slot in slots where slot != 0 { body(Int(slot & low) - 1) }
  }

  /// The hash bits a slot keeps: the top `32 - bits` of the hash's upper half (its low bits pick
  /// the slot).
  private static func tag(_ hash: Int, _ bits: Int) -> UInt32 {
    UInt32(truncatingIfNeeded: hash >> 32) >> UInt32(bits)
  }

  private mutating func place(_ hash: Int, _ position: Int) {
    let mask = slots.count - 1
    var i = hash & mask
    while slots[i] != 0 { i = (i + 1) & mask }
    slots[i] = Self.tag(hash, bits) << UInt32(bits) | UInt32(position + 1)
  }

  private mutating func rebuild(size: Int, _ rehash: (Int) -> Int) {
    precondition(size <= 1 << 31, "more than 2^30 tests")
    let old = slots
    let oldLow = UInt32(max(old.count, 1) - 1)
    slots = [UInt32](repeating: 0, count: size)
    bits = size.trailingZeroBitCount
    for slot in old where slot != 0 {
      let p = Int(slot & oldLow) - 1
      place(rehash(p), p)
    }
  }
}
