import Foundation
import Testing

@testable import ReportKit

/// Every real fixture, cut short and with bytes flipped, must read without a crash (a crash kills
/// the test process): damaged input is a warning, never a failure of the tool.
@Suite struct DamagedInputTests {
  /// A small deterministic generator, so a failure can be replayed.
  struct SplitMix {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
  }

  static let inputs: [String] = {
    let fm = FileManager.default
    var files: [String] = []
    for dir in [Fixtures.root, Fixtures.root + "/../../examples/logs"] {
      for rel in fm.subpaths(atPath: dir) ?? [] where !rel.hasPrefix(".") {
        var isDir: ObjCBool = false
        if fm.fileExists(atPath: dir + "/" + rel, isDirectory: &isDir), !isDir.boolValue { files.append(dir + "/" + rel) }
      }
    }
    return files.sorted()
  }()

  @Test func truncatedAndCorruptedInputsNeverCrash() throws {
    var rng = SplitMix(state: 20_261_121)
    let nasty: [UInt8] = [0x3C, 0x3E, 0x26, 0x00, 0xFF, 0x0D, 0x0A, 0x22, 0x5D, 0x1B, 0xC3]
    let dir = TempDir()
    #expect(Self.inputs.count >= 15)
    for input in Self.inputs {
      let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: input)))
      guard bytes.count > 16 else { continue }
      for variant in 0..<12 {
        var damaged = bytes
        if variant < 6 {
          damaged = Array(bytes.prefix(Int(rng.next() % UInt64(bytes.count))))
        } else {
          for _ in 0..<(1 + Int(rng.next() % 20)) {
            damaged[Int(rng.next() % UInt64(damaged.count))] = nasty[Int(rng.next() % UInt64(nasty.count))]
          }
        }
        let path = dir.file("case-\(variant)-" + (input as NSString).lastPathComponent, bytes: damaged)
        let run = try? ReportBuilder().read([path])
        // Whatever was read stays consistent: totals add up, every failure carries evidence.
        if let run {
          let t = run.totals
          #expect(t.passed + t.failed + t.errors + t.skipped + t.xfailed + t.xpassed + t.flaky == t.tests)
          #expect(run.tests.filter { $0.status.isFailure }.allSatisfy { !($0.details?.evidence.isEmpty ?? true) || $0.anonymous })
        }
      }
    }
  }
}
