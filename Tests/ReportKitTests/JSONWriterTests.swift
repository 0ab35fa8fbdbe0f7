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

  /// Numbers are written as `String(n)` spells them, at every length and sign and across the
  /// buffer's end (200,000 numbers fill it several times over).
  @Test func theSinkWritesNumbersAsStringsSpellThem() throws {
    let dir = TempDir()
    let path = dir.path + "/numbers.txt"
    let sink = try #require(OutputSink(path: path))
    var rng = DamagedInputTests.SplitMix(state: 17)
    var numbers = [0, 1, -1, 9, 10, -10, 99, 100, Int.max, Int.min, Int.max - 1, Int.min + 1]
    for k in 0..<200_000 { numbers.append(Int(truncatingIfNeeded: rng.next()) >> (k % 64)) }
    var expected = ""
    for n in numbers {
      sink.decimal(n)
      sink.byte(UInt8(ascii: ","))
      expected += String(n) + ","
    }
    #expect(sink.finish())
    #expect(try String(contentsOfFile: path, encoding: .utf8) == expected)
  }

  /// A file appended to a sink follows what was buffered, whatever its size against the buffer;
  /// a file that cannot be read fails the sink.
  @Test func theSinkAppendsAFileAfterWhatItHolds() throws {
    let dir = TempDir()
    var rng = DamagedInputTests.SplitMix(state: 9)
    for size in [0, 1, 1000, (1 << 20) - 1, 1 << 20, 3 << 20 + 5] {
      let piece = (0..<size).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
      let part = dir.file("part.bin", bytes: piece)
      let path = dir.path + "/out.bin"
      let sink = try #require(OutputSink(path: path))
      sink.write("head ")
      #expect(sink.append(contentsOf: part))
      sink.write(" tail")
      #expect(sink.finish())
      #expect(try Array(Data(contentsOf: URL(fileURLWithPath: path))) == Array("head ".utf8) + piece + Array(" tail".utf8))
    }
    let sink = try #require(OutputSink(path: dir.path + "/other.bin"))
    #expect(!sink.append(contentsOf: dir.path + "/missing.bin") && !sink.finish() && sink.errorText.contains("No such file"))
  }

  /// report.json's analysis part is written apart, then appended: the folder holds the four
  /// files and nothing else, and report.json is whole (it decodes, the analysis at its end).
  @Test func reportJSONIsWholeAndNoPartIsLeft() throws {
    let dir = TempDir()
    let o = ReportBuilder.Options(
      inputs: [AnalyzeTests.examples + "/logs"], outDir: dir.path, runID: "r", now: Date(timeIntervalSince1970: 0))
    _ = try ReportBuilder().build(o)
    let folder = dir.path + "/r"
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["issue.md", "report.html", "report.json", "report.md"])
    let data = try Data(contentsOf: URL(fileURLWithPath: folder + "/report.json"))
    let doc = try JSONDecoder().decode(ReportSchema.Document.self, from: data)
    #expect(doc.clusters?.isEmpty == false && doc.actions?.isEmpty == false)
    #expect(String(decoding: data.suffix(20), as: UTF8.self).hasSuffix("\"warnings\":[]\n}\n"))
  }

  @Test func wordMaskFlagsExactlyTheBytesToEscape() {
    // Each byte value at each of the eight places, among fillers that sit near the edges of
    // the bit tricks (0x21 just above a control byte, 0xFF and 0x80 with the high bit set, 0x00
    // and 0x01 whose neighbours a borrow would flag), and seeded random words.
    let words = TestWords.words(
      fillers: [UInt8(ascii: "a"), 0x21, 0x23, 0x5B, 0x5D, 0x80, 0xFF, 0x7F, 0x00, 0x01, 0x20, 0x1F],
      drawn: [0x00, 0x01, 0x1F, 0x20, 0x22, 0x5C, 0x5D, 0xA2, 0xDC, 0x61], seed: 9)
    for bytes in words {
      let expected = TestWords.mask(bytes, Self.mustEscape)
      #expect(JSONWriter.escapeMask(TestWords.load(bytes)) == expected, "\(bytes)")
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
    let written = try Data(contentsOf: URL(fileURLWithPath: path))
    let read = try JSONSerialization.jsonObject(with: written) as? [String]
    #expect(read == texts)
    // Byte for byte as escaping one byte at a time writes them.
    var expected = Array("[".utf8)
    for (k, t) in texts.enumerated() {
      if k > 0 { expected.append(UInt8(ascii: ",")) }
      expected += Self.escapedByteByByte(t)
    }
    #expect(Array(written) == expected + Array("]".utf8))
  }

  /// `"text"` escaped one byte at a time: `\"`, `\\`, `\n`, `\r`, `\t`, other control bytes `\u00XX`.
  static func escapedByteByByte(_ text: String) -> [UInt8] {
    var out = Array("\"".utf8)
    for b in text.utf8 {
      switch b {
      case 0x22: out += Array("\\\"".utf8)
      case 0x5C: out += Array("\\\\".utf8)
      case 0x0A: out += Array("\\n".utf8)
      case 0x0D: out += Array("\\r".utf8)
      case 0x09: out += Array("\\t".utf8)
      case ..<0x20: out += Array(String(format: "\\u%04x", b).utf8)
      default: out.append(b)
      }
    }
    return out + Array("\"".utf8)
  }
}
