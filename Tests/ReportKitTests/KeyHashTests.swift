import Testing

@testable import ReportKit

/// `KeyHash`, the hash the test indexes file ids under: equal keys hash equal however they are
/// held, the split between prefix and name counts, and a million-like set of real-looking ids
/// spreads over the low bits the indexes probe by and the high bits their tags are taken from.
@Suite struct KeyHashTests {
  @Test func equalKeysHashEqualHoweverHeld() {
    let id = "tests/checkout/test_webhooks_32.py::TestWebhooksLimits::test_refresh_item[empty-3]"
    let (prefix, name) = TestID.split(id)
    let test = TestResult(idPrefix: String(prefix), name: String(name), suite: "s", status: .passed)
    #expect(TestKey(test).keyHash == TestKey.hash(prefix: prefix, name: name))
    // A substring of a longer line, and a copy made of bytes, hash as the string itself.
    let line = "PASSED " + id + " [ 50%]"
    let inLine = line.dropFirst(7).prefix(id.utf8.count)
    let (p2, n2) = TestID.split(inLine, at: prefix.utf8.count)
    #expect(TestKey.hash(prefix: p2, name: n2) == TestKey.hash(prefix: prefix, name: name))
  }

  /// Every length from 0 to 40 on each side (the word loop, the overlapping last word, the
  /// byte-by-byte tail): moving the split or changing one byte changes the hash.
  @Test func splitAndEveryByteCount() {
    let text = Array("abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ".utf8)
    var seen = Set<Int>()
    var count = 0
    for total in 0...40 {
      for cut in 0...total {
        let a = Array(text[0..<cut])
        let b = Array(text[cut..<total])
        let h = a.withUnsafeBufferPointer { pa in b.withUnsafeBufferPointer { pb in KeyHash.of(pa, pb) } }
        seen.insert(h)
        count += 1
        if total > 0 {
          var changed = a + b
          changed[total - 1] ^= 0x01
          let c = Array(changed[0..<cut])
          let d = Array(changed[cut...])
          let h2 = c.withUnsafeBufferPointer { pc in d.withUnsafeBufferPointer { pd in KeyHash.of(pc, pd) } }
          #expect(h2 != h, "total \(total) cut \(cut)")
        }
      }
    }
    #expect(seen.count == count)  // 902 keys, 902 hashes
  }

  /// 200,000 ids shaped as a generated suite's (few files, parametrized names differing in one
  /// digit): no two share a hash, and over 4,096 buckets by the low bits or by the top bits the
  /// counts are as even as random ones: chi-square within five standard deviations (4,095 +-
  /// 5 x 90.5) of its mean. A poor mix of the last bytes leaves most buckets empty (millions).
  @Test func realLookingIdsSpread() {
    let buckets = 4_096
    var low = [Int](repeating: 0, count: buckets)
    var high = [Int](repeating: 0, count: buckets)
    var all = Set<Int>()
    let n = 200_000
    for k in 0..<n {
      let prefix = "tests/orders/test_tokens_\(k % 37).py::TestTokens\(k % 5)::"
      let name = "test_refresh_order[unicode-\(k)]"
      let h = TestKey.hash(prefix: prefix[...], name: name[...])
      all.insert(h)
      low[h & (buckets - 1)] += 1
      high[Int(UInt64(bitPattern: Int64(h)) >> 52)] += 1
    }
    #expect(all.count == n)
    func chiSquare(_ counts: [Int]) -> Double {
      let expected = Double(n) / Double(buckets)
      return counts.reduce(0) { $0 + (Double($1) - expected) * (Double($1) - expected) / expected }
    }
    #expect(chiSquare(low) < 4_548, "\(chiSquare(low))")
    #expect(chiSquare(high) < 4_548, "\(chiSquare(high))")
  }
}
