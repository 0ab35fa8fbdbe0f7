import Foundation

/// Byte-level string tests for hot loops: no Character segmentation, no Foundation bridging
/// where the bytes answer.
extension StringProtocol {
  /// Whether the text starts with `prefix`, compared as UTF-8 bytes.
  func utf8HasPrefix(_ prefix: StaticString) -> Bool {
    let n = prefix.utf8CodeUnitCount
    var i = utf8.startIndex
    let base = prefix.utf8Start
    for k in 0..<n {
      guard i < utf8.endIndex, utf8[i] == base[k] else { return false }
      i = utf8.index(after: i)
    }
    return true
  }

  /// The range of the first occurrence of `needle` (UTF-8 bytes), if any.
  func utf8Range(of needle: StaticString) -> Range<Index>? {
    let n = needle.utf8CodeUnitCount
    let base = needle.utf8Start
    guard n > 0 else { return nil }
    // Native text is searched through its buffer, by offsets: no index walk per byte.
    if let found = utf8.withContiguousStorageIfAvailable({ $0.firstIndex(of: needle) }) {
      guard let offset = found else { return nil }
      let lower = utf8.index(utf8.startIndex, offsetBy: offset)
      return lower..<utf8.index(lower, offsetBy: n)
    }
    var i = utf8.startIndex
    while i < utf8.endIndex {
      if utf8[i] == base[0] {
        var j = i
        var k = 0
        while k < n, j < utf8.endIndex, utf8[j] == base[k] { j = utf8.index(after: j); k += 1 }
        if k == n { return i..<j }
      }
      i = utf8.index(after: i)
    }
    return nil
  }

  func utf8Contains(_ needle: StaticString) -> Bool { utf8Range(of: needle) != nil }

}

extension Substring {
  /// The text without leading and trailing spaces and tabs.
  func utf8Trimmed() -> Substring {
    var a = utf8.startIndex, b = utf8.endIndex
    while a < b, utf8[a] == 0x20 || utf8[a] == 0x09 { a = utf8.index(after: a) }
    while b > a, utf8[utf8.index(before: b)] == 0x20 || utf8[utf8.index(before: b)] == 0x09 { b = utf8.index(before: b) }
    return self[a..<b]
  }
}

extension String {
  func utf8Trimmed() -> Substring { self[...].utf8Trimmed() }

  /// The non-empty pieces between separator bytes, at most `limit` of them (the rest dropped):
  /// one pass over the bytes, no Character walking.
  func utf8Split(limit: Int = .max, where isSeparator: (UInt8) -> Bool) -> [Substring] {
    var bounds: [Range<Int>] = []  // UTF-8 offsets
    var text = self
    text.withUTF8 { p in
      var start = 0
      for i in 0..<p.count where isSeparator(p[i]) {
        if start != i { bounds.append(start..<i) }
        start = i + 1
        if bounds.count == limit { return }
      }
      if start != p.count { bounds.append(start..<p.count) }
    }
    let u = text.utf8
    return bounds.map { r in text[u.index(u.startIndex, offsetBy: r.lowerBound)..<u.index(u.startIndex, offsetBy: r.upperBound)] }
  }
}

extension String {
  /// `lowercased().utf8Contains(needle)`, without the lower-cased copy when the text is ASCII
  /// (its bytes are lowered as they are compared), or when the needle is ASCII and the text holds
  /// no scalar that lower-cases to ASCII: then every ASCII byte of the lower-cased text is an
  /// ASCII byte of the text, lowered, in the same order and adjacency.
  func lowercasedContains(_ needle: String) -> Bool {
    var text = self
    var pin = needle
    let byBytes = text.withUTF8 { h in
      pin.withUTF8 { n in
        h.isASCII || (n.isASCII && !Self.holdsScalarLoweringToASCII(h)) ? Self.contains(n, in: h, lowering: true) : nil
      }
    }
    return byBytes ?? lowercased().utf8Contains(needle)
  }

  /// Whether `h` holds one of the two non-ASCII scalars whose lower case holds ASCII: U+0130 `İ`
  /// (to `i` and a combining dot) and U+212A, the Kelvin sign (to `k`). (A test walks every
  /// scalar to hold this list.)
  static func holdsScalarLoweringToASCII(_ h: UnsafeBufferPointer<UInt8>) -> Bool {
    guard h.count >= 2 else { return false }
    for i in 1..<h.count {
      if h[i] == 0xB0 && h[i - 1] == 0xC4 { return true }  // U+0130: C4 B0
      if h[i] == 0xAA && h[i - 1] == 0x84 && i >= 2 && h[i - 2] == 0xE2 { return true }  // U+212A: E2 84 AA
    }
    return false
  }

  /// `lowercased()`, made from the bytes when the text is ASCII (where only `A`-`Z` change):
  /// `lowercased()` walks the text by Unicode scalars even then.
  var lowercasedFast: String {
    var text = self
    let ascii = text.withUTF8 { p -> String? in
      guard p.isASCII else { return nil }
      return String(unsafeUninitializedCapacity: p.count) { out in
        for i in 0..<p.count { out[i] = p[i].lowercasedASCII }
        return p.count
      }
    }
    return ascii ?? lowercased()
  }

  /// Whether every byte is below 0x80 (eight at a time), where a Character is one byte.
  var utf8IsASCII: Bool {
    var text = self
    return text.withUTF8 { $0.isASCII }
  }

  /// Whether the text holds `needle` (lower-case ASCII), its bytes `A`-`Z` read as `a`-`z`: what
  /// a case-insensitive search finds in ASCII text (in other text it may fold other letters).
  func containsIgnoringASCIICase(_ needle: String) -> Bool {
    var text = self
    var pin = needle
    return text.withUTF8 { h in pin.withUTF8 { Self.contains($0, in: h, lowering: true) } }
  }

  /// Foundation's `contains(needle)` (it matches whole Characters) for an ASCII needle: by the
  /// bytes when the text is ASCII, where a Character is a byte, else Foundation's own search.
  func containsCharacters(_ needle: String) -> Bool {
    utf8IsASCII ? utf8Contains(needle) : contains(needle)
  }

  /// Whether the text holds the byte `b`, searched through its buffer (the UTF-8 view's
  /// `contains` walks it as a generic sequence).
  func utf8Contains(byte b: UInt8) -> Bool {
    utf8.withContiguousStorageIfAvailable { $0.firstIndex(ofByte: b) != nil } ?? utf8.contains(b)
  }

  /// Byte-wise substring test, no Unicode equivalence: for lower-cased literal phrases.
  func utf8Contains(_ needle: String) -> Bool {
    let n = needle.utf8.count
    guard n > 0 else { return true }
    var hay = self
    var pin = needle
    return hay.withUTF8 { h in pin.withUTF8 { Self.contains($0, in: h, lowering: false) } }
  }

  /// Whether `p` occurs in `h`, byte for byte; with `lowering`, `h`'s `A`-`Z` read as `a`-`z`.
  private static func contains(_ p: UnsafeBufferPointer<UInt8>, in h: UnsafeBufferPointer<UInt8>, lowering: Bool) -> Bool {
    let n = p.count
    guard n > 0 else { return true }
    guard h.count >= n else { return false }
    let byte = { (c: UInt8) in lowering ? c.lowercasedASCII : c }
    for i in 0...(h.count - n) where byte(h[i]) == p[0] {
      var k = 1
      while k < n && byte(h[i + k]) == p[k] { k += 1 }
      if k == n { return true }
    }
    return false
  }
}

extension UInt8 {
  /// `A`-`Z` as `a`-`z`, every other byte as it is: what `lowercased()` does to ASCII.
  @inline(__always) var lowercasedASCII: UInt8 { self &- 65 < 26 ? self | 0x20 : self }

  /// Whether this is `A`-`Z`.
  @inline(__always) var isASCIIUppercase: Bool { self &- 65 < 26 }
}

extension UnsafeBufferPointer<UInt8> {
  /// Whether every byte is below 0x80 (eight at a time): where a Character is one byte.
  var isASCII: Bool {
    guard let base = UnsafeRawPointer(baseAddress) else { return true }
    var i = 0
    while i + 8 <= count {
      if base.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
      i += 8
    }
    while i < count {
      if self[i] >= 0x80 { return false }
      i += 1
    }
    return true
  }

  /// Whether the bytes are `s`, no more, no less.
  func equals(_ s: StaticString) -> Bool { count == s.utf8CodeUnitCount && has(s, at: 0) }

  /// Whether the bytes are those of `other` (eight at a time, not through a generic sequence).
  func equals(_ other: UnsafeBufferPointer<UInt8>) -> Bool {
    guard count == other.count else { return false }
    guard let a = baseAddress, let b = other.baseAddress else { return true }  // both empty
    let (ra, rb) = (UnsafeRawPointer(a), UnsafeRawPointer(b))
    var i = 0
    while i + 8 <= count {
      if ra.loadUnaligned(fromByteOffset: i, as: UInt64.self) != rb.loadUnaligned(fromByteOffset: i, as: UInt64.self) { return false }
      i += 8
    }
    while i < count {
      if a[i] != b[i] { return false }
      i += 1
    }
    return true
  }

  /// Whether the bytes from `at` are `s`.
  func has(_ s: StaticString, at: Int) -> Bool {
    let n = s.utf8CodeUnitCount
    guard at >= 0, at + n <= count else { return false }
    let base = s.utf8Start
    for k in 0..<n where self[at + k] != base[k] { return false }
    return true
  }

  /// Whether the bytes from `at`, `A`-`Z` read as `a`-`z`, are `word` (lower-case ASCII).
  func hasLowercased(_ word: StaticString, at: Int) -> Bool {
    let n = word.utf8CodeUnitCount
    guard at >= 0, at + n <= count else { return false }
    let base = word.utf8Start
    for k in 0..<n where self[at + k].lowercasedASCII != base[k] { return false }
    return true
  }

  /// The first `b` at or after `from`, if any, found by `memchr`.
  func firstIndex(ofByte b: UInt8, from: Int = 0) -> Int? {
    guard let base = baseAddress, from >= 0, from < count else { return nil }
    return memchr(base + from, Int32(b), count - from).map { UnsafeRawPointer(base).distance(to: UnsafeRawPointer($0)) }
  }

  /// The first of the bytes `a`, `b`, `c`, `d` at or after `from`, else `count`: eight bytes at a
  /// time (repeat one to ask for fewer).
  func firstIndex(ofAny a: UInt8, _ b: UInt8, _ c: UInt8, _ d: UInt8, from: Int) -> Int {
    guard let base = baseAddress else { return count }
    var i = from
    let (wa, wb, wc, wd) = (ByteWord.repeating(a), ByteWord.repeating(b), ByteWord.repeating(c), ByteWord.repeating(d))
    while i + 8 <= count {
      let w = ByteWord.load(base + i)
      let mask = ByteWord.zeros(w ^ wa) | ByteWord.zeros(w ^ wb) | ByteWord.zeros(w ^ wc) | ByteWord.zeros(w ^ wd)
      if mask != 0 { return i + ByteWord.first(mask) }
      i += 8
    }
    while i < count && self[i] != a && self[i] != b && self[i] != c && self[i] != d { i += 1 }
    return i
  }

  /// Where `s` first starts at or after `from`, if it does: its first byte found by `memchr`
  /// (every failure's message is searched for `://`, every curl line for its words).
  func firstIndex(of s: StaticString, from: Int = 0) -> Int? {
    let n = s.utf8CodeUnitCount
    guard n > 0, let base = baseAddress else { return nil }
    let first = Int32(s.utf8Start[0])
    var i = Swift.max(from, 0)
    while i + n <= count {
      guard let hit = memchr(base + i, first, count - n + 1 - i) else { return nil }
      i = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
      if has(s, at: i) { return i }
      i += 1
    }
    return nil
  }
}

/// Eight bytes read as one word: the searches that pass over every byte of a large log (line
/// breaks, XML markup, JSON escapes) test eight at a time.
enum ByteWord {
  /// `b` in every byte.
  static func repeating(_ b: UInt8) -> UInt64 { 0x0101_0101_0101_0101 &* UInt64(b) }

  /// The high bit of each zero byte of `v`, and no other. Exact: each byte's high bit is cleared
  /// before adding, so no carry crosses into the next byte.
  static func zeros(_ v: UInt64) -> UInt64 {
    let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    return ~(((v & lows) &+ lows) | v | lows)
  }

  /// The eight bytes at `p` (any alignment), the first one lowest.
  static func load(_ p: UnsafePointer<UInt8>) -> UInt64 { UInt64(littleEndian: UnsafeRawPointer(p).loadUnaligned(as: UInt64.self)) }

  /// The index of the first byte a mask of `zeros` flags (the mask not 0).
  static func first(_ mask: UInt64) -> Int { mask.trailingZeroBitCount >> 3 }
}
