/// Which test names a history already holds, known without looking up each test: the key space
/// is cut into 1,024 buckets, and each bucket's set of keys gets a
/// fingerprint, recorded in `test_sets` once its names are in `test_names`. A suite run again
/// finds every bucket known and writes no name; a suite where a few tests were added or renamed
/// rewrites the names of a few buckets (a thousandth of a million-test run each), not all.
struct NameBuckets {
  static let count = 1024

  private var sums = [UInt64](repeating: 0, count: NameBuckets.count)
  private var sizes = [Int](repeating: 0, count: NameBuckets.count)

  /// The bucket of a key: the top 10 bits of the key mixed (FNV-1a's own top bits hardly
  /// differ between ids that differ in their last characters).
  static func bucket(_ key: Int64) -> Int { Int(mix(UInt64(bitPattern: key)) >> 54) }

  mutating func add(_ key: Int64) {
    let b = Self.bucket(key)
    sums[b] &+= Self.mix(UInt64(bitPattern: key))
    sizes[b] += 1
  }

  /// Each bucket that holds keys, with the fingerprint of its set of keys (their mixes summed:
  /// the order they came in does not matter) and how many it holds.
  var fingerprints: [(bucket: Int, fingerprint: Int64, tests: Int)] {
    (0..<Self.count).compactMap { b in
      guard sizes[b] > 0 else { return nil }
      let f = Self.mix(sums[b] ^ Self.mix(UInt64(b) << 32 | UInt64(UInt32(truncatingIfNeeded: sizes[b]))))
      return (b, Int64(bitPattern: f), sizes[b])
    }
  }

  /// SplitMix64's finalizer: a well-mixed 64 bits from any 64 bits.
  static func mix(_ x: UInt64) -> UInt64 {
    var z = x &+ 0x9e37_79b9_7f4a_7c15
    z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
    z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
    return z ^ (z >> 31)
  }
}
