import Foundation
import Testing

@testable import ReportKit

/// The byte searches give what the String operations they stand for give.
@Suite struct UTF8SearchTests {
  /// Lower-casing ASCII by bytes is `lowercased()`; other text is left to it.
  @Test func lowercasedFastIsLowercased() {
    let pieces = ["A", "z", "Z", "@", "[", "`", "{", "ÄÖ", "İ", "ẞ", "Σ", "\u{1F600}", " ", "HTTP/1.1 503", "e\u{301}", "K"]
    var rng = DamagedInputTests.SplitMix(state: 11)
    for _ in 0..<5000 {
      let text = (0..<Int(rng.next() % 8)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()
      #expect(Array(text.lowercasedFast.utf8) == Array(text.lowercased().utf8), "\(text)")
    }
    let all = String(decoding: (0..<128).map { UInt8($0) }, as: UTF8.self)
    #expect(all.lowercasedFast == all.lowercased())
  }

  @Test func lowercasedContainsAsLowercasedCopy() {
    let pieces = [
      "Connection", "REFUSED", "refused", "curl", "CURL", " ", "é", "É", "İ", "ß", "ẞ", "x", "X", "[", "@", "`", "{", "Z", "z", "\u{212A}",
      "k", "Éx",
    ]
    let needles = [
      "", "connection refused", "curl", "é", "i̇", "ß", "x", "z", "[", "@", "`", "{", "connection", "xx", "k", "kx", "xk", "K", "Curl", "X",
    ]
    var rng = DamagedInputTests.SplitMix(state: 13)
    var texts = ["", "Connection REFUSED by host", "CURL: (7)"]
    for _ in 0..<5_000 {
      texts.append((0..<Int(rng.next() % 7)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined())
    }
    for text in texts {
      for needle in needles {
        #expect(text.lowercasedContains(needle) == text.lowercased().utf8Contains(needle), "\(text.debugDescription) \(needle)")
      }
    }
  }

  /// The ASCII needle's search in non-ASCII text lowers ASCII bytes only: it holds because no
  /// scalar but the two that `holdsScalarLoweringToASCII` looks for lower-cases to anything ASCII.
  @Test func onlyTwoScalarsLowerCaseToASCII() {
    var found: [UInt32] = []
    for v in UInt32(0x80)...0x10FFFF {
      guard let s = Unicode.Scalar(v) else { continue }
      if String(s).lowercased().utf8.contains(where: { $0 < 0x80 }) { found.append(v) }
      var text = "a" + String(s) + "b"
      let flagged = text.withUTF8 { String.holdsScalarLoweringToASCII($0) }
      #expect(flagged == (v == 0x130 || v == 0x212A), "U+\(String(v, radix: 16))")
    }
    #expect(found == [0x130, 0x212A])
    // Around them, the byte search is the lower-cased copy's.
    for text in ["\u{212A}EY", "x\u{130}D", "ÉK", "éKEY id", "Ä\u{212A}ey", "İstanbul", "İİ"] {
      for needle in ["key", "k", "i", "id", "istanbul", "ke", "ey"] {
        #expect(text.lowercasedContains(needle) == text.lowercased().utf8Contains(needle), "\(text) \(needle)")
      }
    }
  }

  @Test func asciiCheckEightBytesAtATime() {
    for text in ["", "a", "abcdefgh", "abcdefghi", "abcdefgé", "éabcdefgh", "abcdefghijklmnop\u{7F}"] {
      var copy = text
      let fast = copy.withUTF8 { $0.isASCII }
      #expect(fast == text.utf8.allSatisfy { $0 < 0x80 }, "\(text.debugDescription)")
    }
  }

  /// Buffer equality (eight bytes at a time) is `elementsEqual`, at every length around 8 and
  /// 16, with the difference at each position, and against a StaticString.
  @Test func equalBytesEightAtATime() {
    for n in 0...20 {
      let a = (0..<n).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 1) }
      for k in -1..<n {
        var b = a
        if k >= 0 { b[k] ^= 0x40 }
        for extra in [[], [UInt8(7)]] {
          let other = b + extra
          let equal = a.withUnsafeBufferPointer { x in other.withUnsafeBufferPointer { x.equals($0) } }
          #expect(equal == a.elementsEqual(other), "\(n) \(k) \(extra)")
        }
      }
    }
    for (text, same) in [("testcase", true), ("testcases", false), ("testcas", false), ("testCase", false), ("", false)] {
      var copy = text
      #expect(copy.withUTF8 { $0.equals("testcase") } == same, "\(text)")
    }
  }

  /// The first place of a static word at or after a start, found by `memchr` and a comparison,
  /// is the first place a byte-by-byte search finds: seeded texts thick with the word's bytes
  /// and near misses, from every start (before the text and past it too).
  @Test func firstIndexOfWordIsTheByteSearch() {
    var rng = DamagedInputTests.SplitMix(state: 13)
    let pieces = ["://", ":/", ":", "/", "//", "x", "é", ":::/", "a://b"]
    for _ in 0..<3000 {
      let text = (0..<Int(rng.next() % 8)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()
      let bytes = Array(text.utf8)
      bytes.withUnsafeBufferPointer { p in
        for from in -1...(p.count + 1) {
          let word = Array("://".utf8)
          let expected = stride(from: max(from, 0), through: p.count - word.count, by: 1).first { p[$0..<($0 + 3)].elementsEqual(word) }
          #expect(p.firstIndex(of: "://", from: from) == expected, "\(text.debugDescription) from \(from)")
        }
      }
    }
  }

  /// A word's zero bytes are flagged exactly: each byte value at each place among fillers that a
  /// borrow or carry would disturb (0x00, 0x01, 0x80, 0xFF), and seeded random words.
  @Test func zeroBytesFlaggedExactly() {
    let words = TestWords.words(fillers: [0x00, 0x01, 0x7F, 0x80, 0xFF, 0x61], drawn: [0x00, 0x01, 0x80, 0x81, 0xFF, 0x7F], seed: 17)
    for bytes in words {
      let w = bytes.withUnsafeBufferPointer { ByteWord.load($0.baseAddress!) }
      let expected = TestWords.mask(bytes) { $0 == 0 }
      #expect(ByteWord.zeros(w) == expected, "\(bytes)")
      if expected != 0 { #expect(ByteWord.first(expected) == bytes.firstIndex(of: 0)) }
    }
  }

  /// The first of four bytes found a word at a time (and of one byte, by memchr) is the first a
  /// byte loop finds, from every start of seeded byte strings thick and thin with them and with
  /// bytes one off in value.
  @Test func firstOfFourBytesIsTheByteLoop() {
    var rng = DamagedInputTests.SplitMix(state: 29)
    let alphabet: [UInt8] = [0x5B, 0x5D, 0x20, 0x3A, 0x5C, 0x5E, 0x21, 0x3B, 0x00, 0x80, 0xDB, 0x61]
    for round in 0..<3000 {
      let bytes = (0..<Int(rng.next() % 40)).map { _ -> UInt8 in
        let r = Int(rng.next() % 100)
        return round % 2 == 0 && r > 5 ? 0x61 : alphabet[r % alphabet.count]
      }
      bytes.withUnsafeBufferPointer { p in
        for from in 0...p.count {
          let expected = (from..<p.count).first { [0x5B, 0x5D, 0x20, 0x3A].contains(p[$0]) } ?? p.count
          #expect(p.firstIndex(ofAny: 0x5B, 0x5D, 0x20, 0x3A, from: from) == expected)
          #expect(p.firstIndex(ofByte: 0x3A, from: from) == (from..<p.count).first { p[$0] == 0x3A })
        }
      }
    }
  }

  @Test func rangeOfNeedleInSubstrings() {
    let text = "xx: HTTP/1.1 200 OK HTTP/"
    let slice = text.dropFirst(4)
    let r = slice.utf8Range(of: "HTTP/")
    #expect(r.map { String(slice[$0]) } == "HTTP/")
    #expect(r?.lowerBound == slice.startIndex)
    #expect(text.utf8Range(of: "HTTP/").map { text.distance(from: text.startIndex, to: $0.lowerBound) } == 4)
    #expect(slice.dropFirst(1).utf8Range(of: "HTTP/").map { slice.distance(from: slice.startIndex, to: $0.lowerBound) } == 16)
    #expect(text.utf8Range(of: "nope") == nil)
    #expect("".utf8Range(of: "a") == nil)
  }

  /// `containsCharacters` is Foundation's `contains` for ASCII needles, whether the text is ASCII
  /// (bytes) or not (Foundation itself): combining marks after a match, CR LF, astral letters.
  @Test func containsCharactersIsFoundationsContains() {
    let pieces = [":", "\\", "port 443 ", "port 443", " ", "x", "é", "\u{301}", "\r\n", "𝔘", "a:b", "\u{200D}"]
    var rng = SystemRandomNumberGenerator()
    for _ in 0..<10_000 {
      let text = (0..<Int.random(in: 0...6, using: &rng)).map { _ in pieces.randomElement(using: &rng) ?? "" }.joined()
      for needle in [":", "\\", "port 443 "] {
        #expect(text.containsCharacters(needle) == text.contains(needle), "\(text.debugDescription) \(needle)")
      }
    }
  }
}
