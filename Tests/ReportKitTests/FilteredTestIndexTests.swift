import Testing

@testable import ReportKit

/// `FilteredTestIndex` answers every find as a `TestIndex` given the same inserts does, through
/// filter rebuilds (no reservation: it grows from empty), a reservation made midway, and entries
/// still pending. A key indexed once (the pytest session's way: a test is indexed only when a
/// find said it is new) is found at its position by both; a key indexed again (the assembler's
/// renamed invocations) is found at one of its positions, as `TestIndex` gives no order among
/// them once its table is rebuilt.
@Suite struct FilteredTestIndexTests {
  /// A deterministic stream of draws (the same every run: a failure can be replayed).
  struct Draws {
    var seed: UInt64
    mutating func next() -> Int {
      seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int(bitPattern: UInt(seed >> 1))
    }
  }

  /// The hash of key `k`: few distinct low bits, tags and whole hashes, so probe runs are long,
  /// tags collide and different keys share a hash (their finds tell them apart by `matches`).
  static func hash(_ k: Int) -> Int {
    switch k % 5 {
    case 0: return (k / 5 % 7) << 40 | 3  // one low-bit run
    case 1: return 42 << 32 | (k & 0xFFF) << 8  // one tag
    case 2: return k % 11  // a whole hash many keys share
    default: return (k &* 0x2545_F491_4F6C_DD1D) ^ (k << 17)
    }
  }

  /// Seeds 1-3: the drawn hashes above, no reservation, or one up front. Seed 4: tests' own key
  /// hashes, with a reservation midway (which rehashes the indexed tests).
  @Test(arguments: [1, 2, 3, 4], [false, true])
  func answersAsTheIndexAlone(seed: Int, again: Bool) {
    var draws = Draws(seed: UInt64(seed))
    var filtered = FilteredTestIndex()
    var plain = TestIndex()
    var keys: [Int] = []  // the key at each position
    var tests: [TestResult] = []  // the test at each position (seed 4)
    let real = seed == 4
    func test(_ k: Int) -> TestResult { TestResult(idPrefix: "t\(k % 7).py::", name: "t\(k)", suite: "t", status: .passed) }
    func hash(_ k: Int) -> Int { real ? TestKey(test(k)).keyHash : Self.hash(k) }
    func rehash(_ p: Int) -> Int { hash(keys[p]) }
    if seed == 3 { filtered.reserve(5_000, tests); plain.reserve(5_000, tests) }
    for step in 0..<6_000 {
      let key = draws.next() % 3_000  // repeats: about half the later keys were seen before
      let h = hash(key)
      let a = filtered.find(hash: h) { keys[$0] == key }
      let b = plain.find(hash: h) { keys[$0] == key }
      let seen = keys.contains(key)
      let note = "step \(step): key \(key) found at \(String(describing: a)), the index alone: \(String(describing: b))"
      if again {
        #expect((a == nil) == !seen && (b == nil) == !seen, "\(note)")
        #expect(a.map { keys[$0] == key } ?? true, "\(note)")
      } else {
        #expect(a == b && a == keys.firstIndex(of: key), "\(note)")
      }
      // New keys are inserted; with `again`, some seen ones too.
      if a == nil || (again && draws.next() % 8 == 0) {
        keys.append(key)
        if real { tests.append(test(key)) }
        filtered.insert(hash: h, at: keys.count - 1, rehash: rehash)
        plain.insert(hash: h, at: keys.count - 1, rehash: rehash)
      }
      if real && step == 2_999 {
        // A reservation midway: entries pending and placed keep being found.
        filtered.reserve(keys.count * 3, tests)
        plain.reserve(keys.count * 3, tests)
      }
    }
    // Every key inserted is found (once inserted: at its position), one never inserted is not.
    for k in Set(keys) {
      let found = filtered.find(hash: hash(k)) { keys[$0] == k }
      #expect(found.map { keys[$0] == k } == true && (again || found == keys.firstIndex(of: k)), "key \(k)")
    }
    #expect(filtered.find(hash: hash(3_001)) { keys[$0] == 3_001 } == nil)
    #expect(keys.count > 2_000, "the draws inserted too few keys to mean anything")
  }
}
