/// The verdicts of a run's classified tests, by test index, in 4 bytes a slot of index.
///
/// A Dictionary of 55k verdicts (pytest 1M) sizes its table for 131k entries of key and value:
/// 6 MiB. Here the verdicts sit in one array, in the order they were given, and a `TestIndex` of
/// their positions (keyed by the test index) finds them: 3 MiB. Verdicts are added
/// and changed, never taken back.
public struct Classifications: Sendable, Sequence, ExpressibleByDictionaryLiteral {
  /// The test each verdict is about, in the order they were given.
  private var owners: [Int] = []
  private var verdicts: [Classification] = []
  /// Each verdict's position, found by its test (`TestIndex`, hashed on the test index).
  private var index = TestIndex()

  public init() {}

  /// The verdict `verdicts[k]` on test `tests[k]` (tests distinct), the arrays taken as they are.
  init(tests: [Int], verdicts: [Classification]) {
    precondition(tests.count == verdicts.count, "a verdict per test")
    owners = tests
    self.verdicts = verdicts
    for (p, test) in tests.enumerated() { index.insert(hash: Self.spread(test), at: p) { Self.spread(tests[$0]) } }
  }

  public init(dictionaryLiteral elements: (Int, Classification)...) {
    for (test, verdict) in elements { self[test] = verdict }
  }

  public var count: Int { verdicts.count }
  public var isEmpty: Bool { verdicts.isEmpty }
  /// Every verdict, in the order they were given.
  public var values: [Classification] { verdicts }

  /// Room for `n` verdicts, made once.
  public mutating func reserveCapacity(_ n: Int) {
    owners.reserveCapacity(n)
    verdicts.reserveCapacity(n)
  }

  /// The verdict on test `test`; setting one adds or replaces it (nil is not taken).
  public subscript(test: Int) -> Classification? {
    get { position(of: test).map { verdicts[$0] } }
    set {
      guard let newValue else {
        precondition(position(of: test) == nil, "a verdict is never taken back")
        return
      }
      if let p = position(of: test) {
        verdicts[p] = newValue
        return
      }
      owners.append(test)
      verdicts.append(newValue)
      let known = owners
      index.insert(hash: Self.spread(test), at: known.count - 1) { Self.spread(known[$0]) }
    }
  }

  /// How many verdicts fall in each category (in `Category.allCases` order), skipping the tests
  /// `excluded` holds. Read in place: iterating pairs copies each verdict (its rule, its evidence).
  func categoryCounts(excluding excluded: Set<Int>) -> [Int] {
    var counts = [Int](repeating: 0, count: Category.allCases.count)
    for k in verdicts.indices where excluded.isEmpty || !excluded.contains(owners[k]) {
      counts[verdicts[k].category.position] += 1
    }
    return counts
  }

  /// (test, verdict) pairs in the order they were given.
  public func makeIterator() -> Zip2Sequence<[Int], [Classification]>.Iterator { zip(owners, verdicts).makeIterator() }

  private func position(of test: Int) -> Int? {
    index.find(hash: Self.spread(test)) { owners[$0] == test }
  }

  /// Test indices of a run's failures cluster (a class's tests are neighbours): mixed so that
  /// neighbours do not fill one run of slots.
  private static func spread(_ test: Int) -> Int {
    Int(bitPattern: UInt(truncatingIfNeeded: UInt64(truncatingIfNeeded: test) &* 0x9E37_79B9_7F4A_7C15))
  }
}
