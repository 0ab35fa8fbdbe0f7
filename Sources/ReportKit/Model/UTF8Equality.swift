import Foundation

extension String {
  /// `hasPrefix(prefix)` for an ASCII prefix, by bytes where they decide it: a Character
  /// boundary follows the prefix when the next byte is ASCII (or there is none), and ASCII
  /// Characters are their bytes but for CR LF, which no prefix asked here ends in. Otherwise
  /// (a byte that may begin a combining mark next) `hasPrefix` itself.
  func hasASCIIPrefix(_ prefix: StaticString) -> Bool {
    let n = prefix.utf8CodeUnitCount
    let decided = utf8.withContiguousStorageIfAvailable { p -> Bool? in
      guard p.count >= n, let base = p.baseAddress, memcmp(base, prefix.utf8Start, n) == 0 else { return false }
      return p.count == n || p[n] < 0x80 ? true : nil
    }
    if case .some(.some(let answer)) = decided { return answer }
    return hasPrefix(prefix.description)
  }

  /// Whether this string holds exactly `bytes`, compared in place (`memcmp`).
  func utf8Equals(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    withUTF8Bytes { p in
      guard p.count == bytes.count else { return false }
      guard let a = p.baseAddress, let b = bytes.baseAddress else { return true }  // both empty
      return memcmp(a, b, p.count) == 0
    }
  }

  /// Whether this string and `other` hold the same UTF-8 bytes (no Unicode equivalence),
  /// compared through their buffers with no copy: a slice of a log line against an interned
  /// string, once per test of a million (the interners of the readers, `GroupInterner`).
  func utf8Equals(_ other: Substring) -> Bool {
    guard utf8.count == other.utf8.count else { return false }
    if let equal = other.utf8.withContiguousStorageIfAvailable({ utf8Equals($0) }) { return equal }
    return utf8.elementsEqual(other.utf8)  // bridged or otherwise not contiguous
  }
}
