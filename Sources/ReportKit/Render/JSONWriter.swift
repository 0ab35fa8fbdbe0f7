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

  private func escaped(_ s: String) {
    var s = s
    s.withUTF8 { p in escaped(p) }
  }

  private func escaped(_ p: UnsafeBufferPointer<UInt8>) {
    guard let base = p.baseAddress else { return }
    do {
      var start = 0
      var i = 0
      while i < p.count {
        // Eight bytes at a time while none of them needs escaping (most of a traceback).
        if i + 8 <= p.count && !Self.needsEscape(UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)) {
          i += 8
          continue
        }
        let c = p[i]
        i += 1
        guard c < 0x20 || c == UInt8(ascii: "\"") || c == UInt8(ascii: "\\") else { continue }
        let at = i - 1
        sink.write(bytes: UnsafeBufferPointer(rebasing: p[start..<at]))
        switch c {
        case UInt8(ascii: "\""): sink.write("\\\"")
        case UInt8(ascii: "\\"): sink.write("\\\\")
        case 0x0A: sink.write("\\n")
        case 0x0D: sink.write("\\r")
        case 0x09: sink.write("\\t")
        default:
          let hex = Array("0123456789abcdef".utf8)
          sink.write(bytes: Array("\\u00".utf8) + [hex[Int(c >> 4)], hex[Int(c & 0xF)]])
        }
        start = at + 1
      }
      sink.write(bytes: UnsafeBufferPointer(rebasing: p[start..<p.count]))
    }
  }

  /// Whether any of the eight bytes of `w` is a control byte, `"` or `\\` (exact: the bit tricks
  /// may flag a byte next to one that matches, never a word where none does).
  static func needsEscape(_ w: UInt64) -> Bool {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    func hasZero(_ v: UInt64) -> Bool { (v &- ones) & ~v & highs != 0 }
    let below0x20 = (w &- ones &* 0x20) & ~w & highs != 0
    return below0x20 || hasZero(w ^ (ones &* 0x22)) || hasZero(w ^ (ones &* 0x5C))
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
  func value(_ n: Int?) { sink.write(n.map { String($0) } ?? "null") }

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
