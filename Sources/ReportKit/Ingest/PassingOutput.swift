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

  /// The lower-cased first two bytes of every keyword, as a 64 Ki table.
  private static let pairs: [Bool] = {
    var table = [Bool](repeating: false, count: 1 << 16)
    for k in keywords { table[Int(k[0]) << 8 | Int(k[1])] = true }
    return table
  }()

  static func worthKeeping(_ text: String) -> Bool {
    var text = text
    return text.withUTF8 { worthKeeping($0) }
  }

  static func worthKeeping(_ bytes: [UInt8]) -> Bool { bytes.withUnsafeBufferPointer { worthKeeping($0) } }

  static func worthKeeping(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
    do {
      guard p.count >= 4 else { return false }
      let starts = pairs
      for i in 0..<(p.count - 1) {
        // A keyword can start here only if its first two letters do (one table lookup per byte).
        guard starts[Int(p[i] | 0x20) << 8 | Int(p[i + 1] | 0x20)] else { continue }
        let c = p[i] | 0x20
        keyword: for k in keywords where k[0] == c && i + k.count <= p.count {
          for j in 1..<k.count where p[i + j] | 0x20 != k[j] && !(k[j] == 0x20 && p[i + j] == 0x20) { continue keyword }
          return true
        }
      }
      return false
    }
  }
}
