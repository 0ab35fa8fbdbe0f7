/// Writes JSON values in a fixed key order (so equal runs give equal bytes) straight to a sink.
/// `compact` (report.json) writes no space after `,` and `:`; the other files keep theirs.
struct JSONWriter {
  let sink: OutputSink
  var compact = false

  /// `,` between items: `, ` unless compact.
  var comma: String { compact ? "," : ", " }

  func string(_ s: String) {
    sink.byte(UInt8(ascii: "\""))
    escaped(s)
    sink.byte(UInt8(ascii: "\""))
  }

  private func escaped(_ s: Substring) {
    var s = s
    s.withUTF8 { p in escaped(p) }
  }

  private func escaped(_ s: String) { s.withUTF8Bytes { escaped($0) } }

  private func escaped(_ p: UnsafeBufferPointer<UInt8>) {
    guard let base = p.baseAddress else { return }
    var start = 0
    var i = 0
    while i < p.count {
      if i + 8 <= p.count {
        // Eight bytes at a time (most of a traceback needs no escape); in a word that has one,
        // straight to the first such byte.
        let mask = Self.escapeMask(ByteWord.load(base + i))
        if mask == 0 {
          i += 8
          continue
        }
        i += ByteWord.first(mask)
      } else if !Self.mustEscape(p[i]) {
        i += 1
        continue
      }
      sink.write(bytes: UnsafeBufferPointer(rebasing: p[start..<i]))
      let c = p[i]
      sink.byte(UInt8(ascii: "\\"))
      switch c {
      case UInt8(ascii: "\""), UInt8(ascii: "\\"): sink.byte(c)
      case 0x0A: sink.byte(UInt8(ascii: "n"))
      case 0x0D: sink.byte(UInt8(ascii: "r"))
      case 0x09: sink.byte(UInt8(ascii: "t"))
      default:
        let hex: StaticString = "0123456789abcdef"
        for b in [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex.utf8Start[Int(c >> 4)], hex.utf8Start[Int(c & 0xF)]] {
          sink.byte(b)
        }
      }
      i += 1
      start = i
    }
    sink.write(bytes: UnsafeBufferPointer(rebasing: p[start..<p.count]))
  }

  /// Whether JSON requires `b` escaped: a control byte, `"` or `\\`.
  static func mustEscape(_ b: UInt8) -> Bool { b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") }

  /// The high bit of each byte of `w` (the first byte lowest) that `mustEscape`, and no other.
  static func escapeMask(_ w: UInt64) -> UInt64 {
    ByteWord.zeros(w & ByteWord.repeating(0xE0)) | ByteWord.zeros(w ^ ByteWord.repeating(0x22))
      | ByteWord.zeros(w ^ ByteWord.repeating(0x5C))
  }

  func value(_ s: String?) { if let s { string(s) } else { sink.write("null") } }

  /// One JSON string made of two parts (a test id's prefix and name), without joining them first.
  /// `a` then the UTF-8 bytes `b`, as one JSON string.
  func string(_ a: String, _ b: UnsafeBufferPointer<UInt8>) {
    sink.byte(UInt8(ascii: "\""))
    escaped(a)
    escaped(b)
    sink.byte(UInt8(ascii: "\""))
  }

  func string(_ a: String, _ b: Substring) {
    sink.byte(UInt8(ascii: "\""))
    escaped(a)
    escaped(b)
    sink.byte(UInt8(ascii: "\""))
  }
  func value(_ n: Int?) {
    guard let n else { return sink.write("null") }
    sink.decimal(n)
  }

  /// A number with at most `decimals` decimals, trailing zeros dropped; null when nil or not finite.
  func value(_ d: Double?, decimals: Int = 6) {
    guard let d, d.isFinite else { return sink.write("null") }
    // The common case (0 <= d < 9e12) is written digit by digit, without allocating.
    guard d >= 0, d < 9e12 else { return sink.write(bytes: Self.digits(d, decimals: decimals)) }
    var scale: Int64 = 1
    for _ in 0..<decimals { scale *= 10 }
    let scaled = Int64((d * Double(scale)).rounded())
    writeInteger(scaled / scale)
    var fraction = scaled % scale
    guard fraction != 0 else { return }
    var width = decimals
    while fraction % 10 == 0 { fraction /= 10; width -= 1 }
    sink.byte(UInt8(ascii: "."))
    var divisor: Int64 = 1
    for _ in 1..<width { divisor *= 10 }
    while divisor > 0 {
      sink.byte(UInt8(ascii: "0") + UInt8(fraction / divisor % 10))
      divisor /= 10
    }
  }

  private func writeInteger(_ n: Int64) {
    var divisor: Int64 = 1
    while divisor <= n / 10 { divisor *= 10 }
    var n = n
    while divisor > 0 {
      sink.byte(UInt8(ascii: "0") + UInt8(n / divisor))
      n %= divisor
      divisor /= 10
    }
  }

  /// `d` rounded to `decimals` decimals, as `value(_:decimals:)` writes it.
  static func rounded(_ d: Double, _ decimals: Int) -> Double {
    guard d.isFinite, abs(d) < 9e12 else { return d }
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    return (d * scale).rounded() / scale
  }

  static func format(_ d: Double, decimals: Int) -> String {
    String(decoding: digits(d, decimals: decimals), as: UTF8.self)
  }

  /// Fixed notation without exponent: `0.000015`, `118.212`, `3`.
  static func digits(_ d: Double, decimals: Int) -> [UInt8] {
    var scale: Int64 = 1
    for _ in 0..<decimals { scale *= 10 }
    guard abs(d) < 9e12 else { return Array(String(d).utf8) }
    let scaled = Int64((abs(d) * Double(scale)).rounded())
    var out: [UInt8] = d < 0 && scaled != 0 ? [UInt8(ascii: "-")] : []
    out += Array(String(scaled / scale).utf8)
    var fraction = scaled % scale
    guard fraction != 0 else { return out }
    var width = decimals
    while fraction % 10 == 0 { fraction /= 10; width -= 1 }
    let text = Array(String(fraction).utf8)
    out.append(UInt8(ascii: "."))
    out += [UInt8](repeating: UInt8(ascii: "0"), count: width - text.count) + text
    return out
  }

  /// `"key": ` with the indentation given (`"key":` when compact).
  func key(_ k: String, indent: Int = 0) {
    if indent > 0 { sink.write(String(repeating: " ", count: indent)) }
    string(k)
    sink.write(compact ? ":" : ": ")
  }
}
