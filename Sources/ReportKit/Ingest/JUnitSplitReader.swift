import Dispatch
import Foundation

/// Reads a large JUnit file with two threads: the head up to a `<testcase>` after the middle on
/// this thread, the tail on another, each with its own handler.
///
/// The tail reader assumes the context seen at the file's first testcase (open suites, pytest
/// dialect). The split is kept only when the head reader, on reaching the split, is in exactly
/// that context and undamaged; otherwise `read()` returns nil and the caller reads the file with
/// one thread. Either way the tests, their order and every line number are the same.
struct JUnitSplitReader {
  let path: String
  let displayPath: String
  private let split: Int
  private let size: Int
  private let assumed: JUnitHandler.Context

  /// How many tests the whole file likely holds (from the first 256 KiB), to size one array for all.
  private let expectedTests: Int

  init?(path: String, displayPath: String, threshold: Int = JUnitXMLParser.parallelThreshold, sample: Int = 256 << 10) {
    guard let size = SplitFile.size(of: path, threshold: threshold, allowingBOM: true),
      let (context, sampled) = Self.firstContext(path: path), let split = Self.splitPoint(path: path, size: size)
    else { return nil }
    self.path = path
    self.displayPath = displayPath
    self.size = size
    self.split = split
    self.assumed = context
    self.expectedTests = min(size / 40, Int(Double(sampled) * Double(size) / Double(Self.sample) * 1.05))
  }

  private static let sample = 256 << 10

  func read() -> JUnitXMLParser.Read? {
    let (path, displayPath, split, size, assumed) = (self.path, self.displayPath, self.split, self.size, self.assumed)
    let tailTests = Int(Double(expectedTests) * Double(size - split) / Double(size))
    let second = Background { () -> (JUnitHandler, XMLDamage?, [String])? in
      guard let scanner = XMLScanner(path: path, range: split..<size, part: .tail) else { return nil }
      let handler = JUnitHandler(path: displayPath, context: assumed)
      // Sized up front as the head is: grown by doubling, the tail's arrays were copied and
      // their pages faulted in again at each step, and it ended ~50 ms after the head.
      handler.reserve(tailTests)
      let damage = scanner.scan(handler)
      return (handler, damage, scanner.closedInherited)
    }
    guard let scanner = XMLScanner(path: path, range: 0..<split, part: .head) else { _ = second.wait(); return nil }
    let head = JUnitHandler(path: displayPath)
    head.reserve(expectedTests)
    let headDamage = scanner.scan(head)
    let tailRead = second.wait()
    guard headDamage == nil, head.context == assumed, let (tail, tailDamage, closed) = tailRead else { return nil }
    // The tail must close exactly what the head left open (or stop early, damaged).
    let open = scanner.openElementNames
    guard closed.count <= open.count, Array(open.reversed().prefix(closed.count)) == closed else { return nil }
    if tailDamage == nil && closed.count != open.count { return nil }
    let offset = scanner.line - 1
    let damage = tailDamage.map { XMLDamage(line: $0.line + offset, message: $0.message) }
    var declared = head.declaredOnRoot
    if declared == nil, let a = head.declaredChildSum, let b = tail.declaredChildSum, a + b > 0 { declared = a + b }
    var tests = head.takeTests()
    Self.append(tail.takeTests(), to: &tests, shiftingLinesBy: offset)
    var hashes = head.takeHashes()
    hashes.append(contentsOf: tail.takeHashes())
    return JUnitXMLParser.Read(
      handler: head, tests: tests, hashes: hashes,
      testcaseElements: head.testcaseElements + tail.testcaseElements,
      declaredTests: declared, damage: damage,
      declaredOnly: head.declaredOnly
        + tail.declaredOnly.map {
          var s = $0; s.line += offset; return s
        })
  }

  /// The tail's tests moved behind the head's (into the room reserved up front), their evidence
  /// lines counted on from the head's, by two threads. Appending them copied each test (a
  /// retain per reference), then released the tail's array: ~50 ms on a million tests while
  /// the other core waited. They are swapped with copies of one test instead, whose references
  /// are retained and released on objects already in the cache.
  static func append(_ tail: consuming [TestResult], to tests: inout [TestResult], shiftingLinesBy offset: Int) {
    guard var filler = tail.first else { return }
    filler.details = nil
    let start = tests.count
    tests.append(contentsOf: repeatElement(filler, count: tail.count))
    tests.withUnsafeMutableBufferPointer { all in
      let all = UncheckedBuffer(all)
      // The tail is owned here (consumed): changed in place, never copied.
      tail.withUnsafeMutableBufferPointer { moved in
        let moved = UncheckedBuffer(moved)
        DispatchQueue.concurrentPerform(iterations: 2) { w in
          for i in Concurrently.part(w, of: 2, in: moved.base.count) {
            if let d = moved.base[i].details { for k in d.evidence.indices { d.evidence[k].line += offset } }
            swap(&all.base[start + i], &moved.base[i])
          }
        }
      }
    }
  }

  /// The context at the first `<testcase>` and the testcases in the first 256 KiB.
  private static func firstContext(path: String) -> (JUnitHandler.Context, Int)? {
    guard let scanner = XMLScanner(path: path, range: 0..<sample, part: .head) else { return nil }
    let handler = JUnitHandler(path: path)
    _ = scanner.scan(handler)
    guard let context = handler.firstTestcaseContext, handler.testcaseElements > 0 else { return nil }
    return (context, handler.testcaseElements)
  }

  /// The offset of a `<testcase` start tag after the middle of the file.
  private static func splitPoint(path: String, size: Int) -> Int? {
    let from = size / 2
    guard let chunks = ByteChunks(path: path, chunkSize: 1 << 20, range: from..<size) else { return nil }
    let window = chunks.next()
    let needle = Array("<testcase".utf8)
    var i = 0
    while i + needle.count < window.count {
      if window[i] == needle[0], window[i..<(i + needle.count)].elementsEqual(needle) {
        let next = window[i + needle.count]
        if next == 0x20 || next == UInt8(ascii: ">") || next == UInt8(ascii: "/") || next == 0x0A || next == 0x09 { return from + i }
      }
      i += 1
    }
    return nil
  }
}
