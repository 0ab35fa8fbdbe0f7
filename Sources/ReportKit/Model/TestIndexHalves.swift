/// A `TestIndex` in one or two halves. With two, a test is kept in the half its hash's bit 31
/// names (a bit no half reads: its slots take the low bits, its tags the upper half), so each
/// half can be made on a thread of its own, and a key is looked up in its half. With one, it is
/// a `TestIndex`.
struct TestIndexHalves {
  private var halves: [TestIndex]

  /// One half: a `TestIndex`.
  init(_ one: TestIndex = TestIndex()) { halves = [one] }

  /// Two halves, `first` holding the tests whose hash's bit 31 is 0.
  init(_ first: TestIndex, _ second: TestIndex) { halves = [first, second] }

  /// The half (0 or 1) a hash is kept in when there are two.
  static func half(of hash: Int) -> Int { (hash >> 31) & 1 }

  private func at(_ hash: Int) -> Int { halves.count == 1 ? 0 : Self.half(of: hash) }

  func find(_ key: TestKey, hash: Int? = nil, in tests: [TestResult]) -> Int? {
    let h = hash ?? key.keyHash
    return halves[at(h)].find(key, hash: h, in: tests)
  }

  func find(hash: Int, where matches: (Int) -> Bool) -> Int? { halves[at(hash)].find(hash: hash, where: matches) }

  mutating func insert(_ key: TestKey, hash: Int? = nil, at position: Int, in tests: [TestResult]) {
    let h = hash ?? key.keyHash
    halves[at(h)].insert(key, hash: h, at: position, in: tests)
  }

  mutating func insert(hash: Int, at position: Int, rehash: (Int) -> Int) {
    halves[at(hash)].insert(hash: hash, at: position, rehash: rehash)
  }

  /// Room for `n` entries at positions below `n`: in two halves, about half of them in each
  /// (with a little to spare; a half that fills up grows), at positions up to `n` in either.
  mutating func reserve(_ n: Int, _ tests: [TestResult]) {
    guard halves.count == 2 else { return halves[0].reserve(n, tests) }
    for k in halves.indices { halves[k].reserve((n + 1) / 2 + n / 64, positionsBelow: n, tests) }
  }

  mutating func remap(_ map: (Int) -> Int) {
    for k in halves.indices { halves[k].remap(map) }
  }
}
