/// Decides which captured output of a *passing* test is worth keeping in memory.
///
/// A million passing tests may each print something; later stages only look in a passing test's
/// output for signs that it did not really exercise the system (a mock or fallback was used, a
/// service was unavailable). Output without such a word is dropped as it is read.
enum PassingOutput {
  static let keywords: [[UInt8]] = [
    "mock", "fake", "stub", "fallback", "falling back", "dummy", "simulat",
    "unavailable", "not available", "skipping",
  ].map { Array($0.utf8) }

  static func worthKeeping(_ text: String) -> Bool {
    var text = text
    return text.withUTF8 { worthKeeping($0) }
  }

  static func worthKeeping(_ bytes: [UInt8]) -> Bool { bytes.withUnsafeBufferPointer { worthKeeping($0) } }

  static func worthKeeping(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
    do {
      guard p.count >= 4 else { return false }
      for i in 0..<p.count {
        let c = p[i] | 0x20
        guard
          c == UInt8(ascii: "m") || c == UInt8(ascii: "f") || c == UInt8(ascii: "s") || c == UInt8(ascii: "d")
            || c == UInt8(ascii: "u") || c == UInt8(ascii: "n")
        else { continue }
        keyword: for k in keywords where k[0] == c && i + k.count <= p.count {
          for j in 1..<k.count where p[i + j] | 0x20 != k[j] && !(k[j] == 0x20 && p[i + j] == 0x20) { continue keyword }
          return true
        }
      }
      return false
    }
  }
}
