/// The verdicts of a run's classified tests, by test index, in 4 bytes a slot of index.
///
/// A Dictionary of 55k verdicts (pytest 1M) sizes its table for 131k entries of key and value:
/// 6 MiB. Here the verdicts sit in one array, in the order they were given, and a table of
/// their positions (open addressing on the test index) finds them: 3 MiB. Verdicts are added
/// and changed, never taken back.
public struct Classifications: Sendable, Sequence, ExpressibleByDictionaryLiteral {
  /// The test each verdict is about, in the order they were given.
  private var owners: [Int] = []
  private var verdicts: [Classification] = []
  /// `position + 1` of each test's verdict at the slot its index hashes to (0: empty).
  private var slots: [UInt32] = []

  public init() {}

  /// The verdict `verdicts[k]` on test `tests[k]` (tests distinct), the arrays taken as they are.
  init(tests: [Int], verdicts: [Classification]) {
    precondition(tests.count == verdicts.count, "a verdict per test")
    owners = tests
    self.verdicts = verdicts
    rehash(Self.size(for: tests.count))
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
    if Self.size(for: n) > slots.count { rehash(Self.size(for: n)) }
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
      if Self.size(for: verdicts.count + 1) > slots.count { rehash(Self.size(for: verdicts.count + 1)) }
      owners.append(test)
      verdicts.append(newValue)
      place(test, verdicts.count)
    }
  }

  /// (test, verdict) pairs in the order they were given.
  public func makeIterator() -> Zip2Sequence<[Int], [Classification]>.Iterator { zip(owners, verdicts).makeIterator() }

  private static func size(for n: Int) -> Int {
    var size = 16
    while size * 3 < n * 4 { size *= 2 }
    return size
  }

  private func position(of test: Int) -> Int? {
    guard !slots.isEmpty else { return nil }
    let mask = slots.count - 1
    var i = Self.spread(test) & mask
    while slots[i] != 0 {
      let p = Int(slots[i]) - 1
      if owners[p] == test { return p }
      i = (i + 1) & mask
    }
    return nil
  }

  private mutating func place(_ test: Int, _ positionPlusOne: Int) {
    let mask = slots.count - 1
    var i = Self.spread(test) & mask
    while slots[i] != 0 { i = (i + 1) & mask }
    slots[i] = UInt32(positionPlusOne)
  }

  private mutating func rehash(_ size: Int) {
    slots = [UInt32](repeating: 0, count: size)
    for (p, test) in owners.enumerated() { place(test, p + 1) }
  }

  /// Test indices of a run's failures cluster (a class's tests are neighbours): mixed so that
  /// neighbours do not fill one run of slots.
  private static func spread(_ test: Int) -> Int {
    Int(truncatingIfNeeded: (UInt64(truncatingIfNeeded: test) &* 0x9E37_79B9_7F4A_7C15) >> 20)
  }
}
