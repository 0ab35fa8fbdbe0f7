/// A `TestIndex` for a reader that asks once per line whether a test is new, with the line's other
/// work between two asks (pytest's result lines).
///
/// A million slots are a cache miss per probe. A loop that only indexes (the assembler's)
/// overlaps its misses; a reader asking between lines waits for each: on pytest 1M that was 86%
/// of the time `record` spent itself. Here a bit per hash, in a table of 2 to 4 bits an entry
/// (256 KiB for a million tests: it stays in cache), answers "new" for most new tests without a
/// probe, and new entries wait in a short list (`pending`, looked through after the placed ones)
/// to be placed a batch at a time, in one loop whose probes do not wait on each other. Finds
/// answer as the `TestIndex` alone would for a key indexed once (the session indexes a test only
/// when a find said it is new); a key indexed twice is found at one of its positions, as there.
struct FilteredTestIndex {
  private var placed = TestIndex()
  /// Entries not placed yet, in the order they came.
  private var pending: [(hash: Int, position: Int)] = []
  /// A bit per `bit(_:)` of every entry's hash: a clear bit proves no entry has the hash.
  private var filter: [UInt64] = []
  /// 64 minus the bits of a filter position.
  private var shift: UInt64 = 64
  private var count = 0
  /// How many entries wait before they are placed.
  static let batch = 64

  /// The indexed position with this hash for which `matches` holds (`TestIndex.find`).
  func find(hash: Int, where matches: (Int) -> Bool) -> Int? {
    guard !filter.isEmpty else { return nil }
    let b = bit(hash)
    guard filter[b >> 6] & (1 << UInt64(b & 63)) != 0 else { return nil }
    if let found = placed.find(hash: hash, where: matches) { return found }
    for entry in pending where entry.hash == hash && matches(entry.position) { return entry.position }
    return nil
  }

  /// Records `position` under `hash`; `rehash` gives the hash of an indexed position (when the
  /// tables grow).
  mutating func insert(hash: Int, at position: Int, rehash: (Int) -> Int) {
    count += 1
    if count * 2 > filter.count << 6 { rebuildFilter(for: count, rehash) }
    setBit(hash)
    pending.append((hash, position))
    if pending.count >= Self.batch { placePending(rehash) }
  }

  /// Room for `n` entries at positions below `n`, made once.
  mutating func reserve(_ n: Int, _ tests: [TestResult]) {
    placePending { TestKey(tests[$0]).keyHash }
    placed.reserve(n, tests)
    if n * 2 > filter.count << 6 { rebuildFilter(for: n) { TestKey(tests[$0]).keyHash } }
  }

  private mutating func placePending(_ rehash: (Int) -> Int) {
    for entry in pending { placed.insert(hash: entry.hash, at: entry.position, rehash: rehash) }
    pending.removeAll(keepingCapacity: true)
  }

  /// A filter of at least 2 bits an entry for `n` entries, with the bits of every entry set.
  private mutating func rebuildFilter(for n: Int, _ rehash: (Int) -> Int) {
    var words = 1
    while n * 2 > words << 6 { words *= 2 }
    filter = [UInt64](repeating: 0, count: words)
    shift = UInt64(64 - (words << 6).trailingZeroBitCount)
    placed.forEachPosition { setBit(rehash($0)) }
    for entry in pending { setBit(entry.hash) }
  }

  /// The filter position of `hash`: the top bits of the hash multiplied (the slots take its low bits).
  private func bit(_ hash: Int) -> Int {
    Int(truncatingIfNeeded: (UInt64(bitPattern: Int64(hash)) &* 0x9E37_79B9_7F4A_7C15) >> shift)
  }

  private mutating func setBit(_ hash: Int) {
    let b = bit(hash)
    filter[b >> 6] |= 1 << UInt64(b & 63)
  }
}
