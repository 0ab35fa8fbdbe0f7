import Foundation

extension String {
  /// Whether this string and `other` hold the same UTF-8 bytes (no Unicode equivalence),
  /// compared through their buffers with no copy: a slice of a log line against an interned
  /// string, once per test of a million (the interners of the readers, `GroupInterner`).
  func utf8Equals(_ other: Substring) -> Bool {
    guard utf8.count == other.utf8.count else { return false }
    let compared = utf8.withContiguousStorageIfAvailable { a in
      other.utf8.withContiguousStorageIfAvailable { b in
        guard let pa = a.baseAddress, let pb = b.baseAddress else { return true }  // both empty
        return memcmp(pa, pb, a.count) == 0
      }
    }
    if case .some(.some(let equal)) = compared { return equal }
    return utf8.elementsEqual(other.utf8)  // bridged or otherwise not contiguous
  }
}
