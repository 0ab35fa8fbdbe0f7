/// A fast hash of byte strings for the test indexes: eight bytes per step, then a full mix.
///
/// The indexes hash every test's id once or twice (a million on a large log), and compare the
/// ids themselves on a match: only speed and spread matter here. Through `Hasher` (SipHash),
/// hashing keys took ~8% of the time of the thread that reads pytest's progress lines.
/// Seeded per process, as `Hasher` is, so that no log can be written to make its keys collide;
/// so a hash is never kept or written anywhere.
enum KeyHash {
  /// This process's seed.
  private static let seed = UInt64.random(in: .min ... .max)

  /// The hash of `a` then `b` (("a", "bc") and ("ab", "c") differ: the lengths are mixed in).
  @inline(__always)
  static func of(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Int {
    var h = seed ^ (UInt64(truncatingIfNeeded: a.count) &* 0x9E37_79B9_7F4A_7C15)
    h = absorb(a, into: h)
    h ^= UInt64(truncatingIfNeeded: b.count) &* 0xC2B2_AE3D_27D4_EB4F
    h = absorb(b, into: h)
    return Int(truncatingIfNeeded: finish(h))
  }

  /// `h` with the bytes of `p` mixed in: whole words, then the last one to eight bytes.
  @inline(__always)
  private static func absorb(_ p: UnsafeBufferPointer<UInt8>, into h: UInt64) -> UInt64 {
    guard let base = p.baseAddress, !p.isEmpty else { return h }
    let raw = UnsafeRawPointer(base)
    var h = h
    var i = 0
    while i + 8 < p.count {
      h = step(h, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
      i += 8
    }
    if p.count >= 8 {
      // The last eight bytes, some of them already mixed in: the count above tells them apart.
      return step(h, raw.loadUnaligned(fromByteOffset: p.count - 8, as: UInt64.self))
    }
    var last: UInt64 = 0
    for k in 0..<p.count { last |= UInt64(p[k]) << (8 * UInt64(k)) }
    return step(h, last)
  }

  @inline(__always)
  private static func step(_ h: UInt64, _ word: UInt64) -> UInt64 {
    let m = (h ^ word).multipliedFullWidth(by: 0x9FB2_1C65_1E98_DF25)
    return m.high ^ m.low
  }

  /// MurmurHash3's final mix: every bit of `h` reaches every bit of the result.
  @inline(__always)
  private static func finish(_ h: UInt64) -> UInt64 {
    var h = h
    h ^= h >> 33
    h &*= 0xFF51_AFD7_ED55_8CCD
    h ^= h >> 33
    h &*= 0xC4CE_B9FE_1A85_EC53
    h ^= h >> 33
    return h
  }
}
