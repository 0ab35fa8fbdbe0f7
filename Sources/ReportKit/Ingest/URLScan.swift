/// URLs in a text, found over its UTF-8 bytes: what the ICU pattern
/// `((?:https?|wss?)://[^\s'"<>)\]]+)` (case-insensitive) finds, with the same text before each
/// (of its line, as the regex callers took it), at a fraction of the cost: no UTF-16 copy of the text, no
/// regex engine. `URLScanTests` holds the two side by side on texts built to tell them apart.
enum URLScan {
  /// Every match, left to right, with the text of its line before it (at most `lead` UTF-16
  /// units back, counted as NSString counts them). `websockets: false` takes `http` and
  /// `https` only.
  static func matches(in text: String, websockets: Bool, lead: Int) -> [(capture: String, lead: String)] {
    var text = text
    return text.withUTF8 { b in
      var out: [(capture: String, lead: String)] = []
      var from = 0
      while let p = b.firstIndex(of: "://", from: from) {
        guard let start = schemeStart(in: b, before: p, floor: from, websockets: websockets) else {
          from = p + 1
          continue
        }
        var end = p + 3
        while end < b.count, let (scalar, n) = decode(b, at: end), !stops(scalar) { end += n }
        guard end > p + 3 else {
          from = p + 1
          continue
        }
        out.append(
          (String(decoding: UnsafeBufferPointer(rebasing: b[start..<end]), as: UTF8.self), line(in: b, before: start, units: lead)))
        from = end
      }
      return out
    }
  }

  /// Where the scheme that ends at `p` starts, if one does (case-insensitive, `ſ` folding to
  /// `s` as ICU folds it), not before `floor`: the longest, which is where the regex, trying
  /// each start from the left, first succeeds.
  private static func schemeStart(in b: UnsafeBufferPointer<UInt8>, before p: Int, floor: Int, websockets: Bool) -> Int? {
    var letters: [UInt8] = []  // backwards, folded to lower case
    var starts: [Int] = []
    var i = p
    while letters.count < 5 && i > floor {
      if b[i - 1] < 0x80 {
        let c = b[i - 1] | 0x20
        guard b[i - 1] >= UInt8(ascii: "A") && c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z") else { break }
        letters.append(c)
        i -= 1
      } else if i - 2 >= floor && b[i - 2] == 0xC5 && b[i - 1] == 0xBF {  // ſ, U+017F
        letters.append(UInt8(ascii: "s"))
        i -= 2
      } else {
        break
      }
      starts.append(i)
    }
    let word = String(decoding: letters.reversed(), as: UTF8.self)
    let schemes = websockets ? ["https", "http", "wss", "ws"] : ["https", "http"]
    for scheme in schemes where word.hasSuffix(scheme) { return starts[scheme.utf8.count - 1] }
    return nil
  }

  /// The scalar at `i` and its length in bytes (the text is valid UTF-8: a Swift string's).
  private static func decode(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> (UInt32, Int)? {
    let c = b[i]
    if c < 0x80 { return (UInt32(c), 1) }
    let n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2
    guard i + n <= b.count else { return nil }
    var v = UInt32(c) & (n == 2 ? 0x1F : n == 3 ? 0x0F : 0x07)
    for k in 1..<n { v = v << 6 | UInt32(b[i + k] & 0x3F) }
    return (v, n)
  }

  /// ICU's `\s` (tab to carriage return, and the separators of Unicode's Z categories) and the
  /// characters the pattern stops a URL at.
  private static func stops(_ s: UInt32) -> Bool {
    switch s {
    case 0x09...0x0D, 0x20, 0x22, 0x27, 0x29, 0x3C, 0x3E, 0x5D: return true
    case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
    default: return false
    }
  }

  /// The text before `start`, at most `units` UTF-16 units of it, from after its last line
  /// break: a `\n` that is not the second half of a `\r\n` inside it (Swift's `Character`
  /// split). Where the limit cuts a character beyond U+FFFF in two, its lone half reads as
  /// U+FFFD, as NSString's substring bridged to a String does.
  private static func line(in b: UnsafeBufferPointer<UInt8>, before start: Int, units: Int) -> String {
    var i = start
    var left = units
    var split = false
    while i > 0 && left > 0 {
      var k = i - 1
      while k > 0 && b[k] & 0xC0 == 0x80 { k -= 1 }  // back to the character's first byte
      let width = i - k == 4 ? 2 : 1
      if width > left {
        split = true
        break
      }
      left -= width
      i = k
    }
    var from = i  // the bytes of whole characters start here
    var j = start
    while j > from {
      j -= 1
      if b[j] == UInt8(ascii: "\n") && !(j > from && b[j - 1] == UInt8(ascii: "\r")) {
        from = j + 1
        split = false  // the broken half is before the line
        break
      }
    }
    let rest = String(decoding: UnsafeBufferPointer(rebasing: b[from..<start]), as: UTF8.self)
    return split ? "\u{FFFD}" + rest : rest
  }
}
