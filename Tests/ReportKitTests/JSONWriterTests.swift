import Foundation
import Testing

@testable import ReportKit

/// report.json's strings: every byte that JSON requires escaped is escaped, the rest copied.
@Suite struct JSONWriterTests {
  static func mustEscape(_ b: UInt8) -> Bool { b < 0x20 || b == 0x22 || b == 0x5C }

  /// The sink's file holds every piece in order, whatever their sizes against its buffer (single
  /// bytes, strings, pieces up to twice the buffer), and a write that fails is reported.
  @Test func theSinkWritesEveryPieceInOrder() throws {
    let dir = TempDir()
    let path = dir.path + "/out.bin"
    let sink = try #require(OutputSink(path: path))
    var expected: [UInt8] = []
    var rng = DamagedInputTests.SplitMix(state: 3)
    for k in 0..<3000 {
      let size = k % 100 == 0 ? Int(rng.next() % (2 << 20)) : Int(rng.next() % 300)
      let piece = (0..<size).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
      switch k % 3 {
      case 0: piece.forEach(sink.byte)
      case 1: sink.write(bytes: piece)
      default: piece.withUnsafeBufferPointer { sink.write(bytes: $0) }
      }
      expected += piece
    }
    sink.write("é and the end")
    expected += Array("é and the end".utf8)
    #expect(sink.finish())
    #expect(try Array(Data(contentsOf: URL(fileURLWithPath: path))) == expected)
    let full = try #require(OutputSink(path: "/dev/full"))
    full.write(bytes: [UInt8](repeating: 1, count: 3 << 20))
    #expect(!full.finish() && full.errorText.contains("space"))
  }

  @Test func wordTestFlagsExactlyTheBytesToEscape() {
    // Each byte value at each of the eight places, among fillers that sit near the edges of
    // the bit tricks (0x21 just above a control byte, 0xFF and 0x80 with the high bit set).
    for filler: UInt8 in [UInt8(ascii: "a"), 0x21, 0x23, 0x5B, 0x5D, 0x80, 0xFF, 0x7F] {
      for place in 0..<8 {
        for b in 0...255 {
          var bytes = [UInt8](repeating: filler, count: 8)
          bytes[place] = UInt8(b)
          let w = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
          let expected = bytes.contains(where: Self.mustEscape)
          #expect(JSONWriter.needsEscape(w) == expected, "byte \(b) at \(place) among \(filler)")
        }
      }
    }
  }

  @Test func stringsReadBackAsWritten() throws {
    // Texts of every length around the eight-byte steps, with escapes at every place.
    var rng = DamagedInputTests.SplitMix(state: 5)
    let alphabet: [String] = ["a", "\"", "\\", "\n", "\t", "\u{1}", "\u{1F}", " ", "é", "😀", "\r", "~", "\u{7F}"]
    var texts: [String] = ["", "plain ascii text longer than eight bytes", String(repeating: "\\", count: 17)]
    for n in 0..<200 {
      texts.append(String((0..<(n % 37)).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }.joined()))
    }
    let dir = TempDir()
    let path = dir.path + "/s.json"
    let sink = try #require(OutputSink(path: path))
    let w = JSONWriter(sink: sink)
    sink.write("[")
    for (k, t) in texts.enumerated() {
      if k > 0 { sink.write(",") }
      w.string(t)
    }
    sink.write("]")
    #expect(sink.finish())
    let read = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String]
    #expect(read == texts)
  }
}
