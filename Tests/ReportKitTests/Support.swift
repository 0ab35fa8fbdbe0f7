import Foundation
import Testing

@testable import ReportKit

/// A temporary folder for one test, removed when the value goes away.
final class TempDir {
  let path: String

  init() {
    path = NSTemporaryDirectory() + "report-tests-" + UUID().uuidString
    try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(atPath: path) }

  /// Writes `bytes` to `name` inside the folder and returns the full path.
  @discardableResult
  func file(_ name: String, bytes: [UInt8]) -> String {
    let full = path + "/" + name
    try! FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    _ = FileManager.default.createFile(atPath: full, contents: Data(bytes))
    return full
  }

  @discardableResult
  func file(_ name: String, _ text: String) -> String { file(name, bytes: Array(text.utf8)) }
}

/// The folder of fixtures made by real tools (see Tests/Fixtures/README.md).
enum Fixtures {
  static let root: String = {
    var url = URL(fileURLWithPath: #filePath)
    url.deleteLastPathComponent()
    url.deleteLastPathComponent()
    return url.path + "/Fixtures"
  }()

  static func path(_ name: String) -> String { root + "/" + name }
}

extension Run {
  func test(_ id: String) -> TestResult? { tests.first { $0.id == id } }
}

/// UTF-16 bytes of `text`, with a BOM.
func utf16(_ text: String, littleEndian: Bool = true) -> [UInt8] {
  var out: [UInt8] = littleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]
  for unit in text.utf16 {
    let lo = UInt8(unit & 0xFF), hi = UInt8(unit >> 8)
    out += littleEndian ? [lo, hi] : [hi, lo]
  }
  return out
}

/// A file's lines split on LF only (a CR stays at the end of its line), as `sed -n Np` shows them.
func rawLines(_ path: String) throws -> [String] {
  let data = try Data(contentsOf: URL(fileURLWithPath: path))
  return data.split(separator: 0x0A, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
}

/// A reader that can be told from what size on it reads a file with a second thread (the pytest
/// and curl readers), for the tests that read each fixture both ways.
protocol SplitReading {
  var splitThreshold: Int { get set }
  func parseNotingSplit() -> (artifact: ParsedArtifact, split: Bool)
}

extension PytestConsoleParser: SplitReading {}
extension CurlTraceParser: SplitReading {}

extension SplitReading {
  /// The file read with `threshold` (`.max`: one thread; 1: two wherever the file allows), and
  /// whether it was split.
  func read(threshold: Int) -> (ParsedArtifact, Bool) {
    var parser = self
    parser.splitThreshold = threshold
    return parser.parseNotingSplit()
  }

  /// The file read by one thread (checked not to have split) and by two.
  func readBothWays() -> (one: ParsedArtifact, two: ParsedArtifact) {
    let (one, splitOne) = read(threshold: .max)
    #expect(!splitOne)
    return (one, read(threshold: 1).0)
  }
}

/// Eight-byte words for the tests of the word-at-a-time scans (`ByteWord`): each byte value at
/// each place among `fillers`, then `random` words of bytes drawn from `drawn` (seeded).
enum TestWords {
  static func words(fillers: [UInt8], drawn: [UInt8], seed: UInt64, random: Int = 20_000) -> [[UInt8]] {
    var words: [[UInt8]] = []
    for filler in fillers {
      for place in 0..<8 {
        for b in 0...255 {
          var bytes = [UInt8](repeating: filler, count: 8)
          bytes[place] = UInt8(b)
          words.append(bytes)
        }
      }
    }
    var rng = DamagedInputTests.SplitMix(state: seed)
    for _ in 0..<random { words.append((0..<8).map { _ in drawn[Int(rng.next() % UInt64(drawn.count))] }) }
    return words
  }

  /// The word of `bytes`, the first byte lowest.
  static func load(_ bytes: [UInt8]) -> UInt64 { UInt64(littleEndian: bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }) }

  /// The high bit of each byte of `bytes` for which `flagged` holds, the first byte lowest.
  static func mask(_ bytes: [UInt8], _ flagged: (UInt8) -> Bool) -> UInt64 {
    bytes.indices.reduce(UInt64(0)) { $0 | (flagged(bytes[$1]) ? 0x80 << (8 * UInt64($1)) : 0) }
  }
}
