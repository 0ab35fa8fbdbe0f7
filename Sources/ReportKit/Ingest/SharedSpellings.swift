import Foundation

/// One copy of each spelling that repeats (a curl run's hosts: 100k requests, a few hundred
/// hosts), compared by bytes: a canonically equal but different spelling keeps its own bytes.
///
/// Every pass over the requests reads each one's host: shared copies stay in the cache, and
/// 100k copies cost a cache miss each (and ~48 bytes).
struct SharedSpellings {
  private struct Key: Hashable {
    let s: String
    static func == (a: Key, b: Key) -> Bool {
      var (x, y) = (a.s, b.s)
      return x.withUTF8 { p in
        y.withUTF8 { q in
          guard p.count == q.count, let a = p.baseAddress, let b = q.baseAddress else { return p.count == q.count }
          return memcmp(a, b, p.count) == 0
        }
      }
    }
    func hash(into h: inout Hasher) {
      var s = s
      s.withUTF8 { h.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
  }

  private var table: Set<Key> = []
  /// Spellings kept at most: past it, new ones are handed back as they are.
  var limit = 4096

  /// The shared copy of `s` (`s` itself the first time).
  mutating func callAsFunction(_ s: String) -> String {
    // Up to 15 bytes a string is held inline: there is nothing to share.
    guard s.utf8.count > 15 else { return s }
    let key = Key(s: s)
    if let i = table.firstIndex(of: key) { return table[i].s }
    if table.count < limit { table.insert(key) }
    return s
  }
}
