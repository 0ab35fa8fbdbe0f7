/// Writes JSON values in a fixed key order (so equal runs give equal bytes) straight to a sink.
struct JSONWriter {
  let sink: OutputSink

  func string(_ s: String) {
    sink.byte(UInt8(ascii: "\""))
    var s = s
    s.withUTF8 { p in
      var start = 0
      for i in 0..<p.count {
        let c = p[i]
        guard c < 0x20 || c == UInt8(ascii: "\"") || c == UInt8(ascii: "\\") else { continue }
        sink.write(bytes: UnsafeBufferPointer(rebasing: p[start..<i]))
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
        start = i + 1
      }
      sink.write(bytes: UnsafeBufferPointer(rebasing: p[start..<p.count]))
    }
    sink.byte(UInt8(ascii: "\""))
  }

  func value(_ s: String?) { if let s { string(s) } else { sink.write("null") } }
  func value(_ n: Int?) { sink.write(n.map { String($0) } ?? "null") }

  /// A number with at most `decimals` decimals, trailing zeros dropped; null when nil or not finite.
  func value(_ d: Double?, decimals: Int = 6) {
    guard let d, d.isFinite else { return sink.write("null") }
    sink.write(Self.format(d, decimals: decimals))
  }

  static func format(_ d: Double, decimals: Int) -> String {
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let rounded = (d * scale).rounded() / scale
    if rounded == rounded.rounded() && abs(rounded) < 1e15 { return String(Int64(rounded)) }
    var s = String(rounded)
    if s.contains("e") {
      // Small values: write them out in fixed notation.
      let whole = Int64((abs(rounded) * scale).rounded())
      var digits = String(whole)
      while digits.count <= decimals { digits = "0" + digits }
      let cut = digits.index(digits.endIndex, offsetBy: -decimals)
      s = (rounded < 0 ? "-" : "") + digits[..<cut] + "." + digits[cut...]
      while s.hasSuffix("0") { s.removeLast() }
    }
    return s
  }

  /// `"key": ` with the indentation given.
  func key(_ k: String, indent: Int = 0) {
    if indent > 0 { sink.write(String(repeating: " ", count: indent)) }
    string(k)
    sink.write(": ")
  }
}
