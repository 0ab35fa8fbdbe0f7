import Foundation

/// Reads many input files at once: a pool of one worker per core takes the small files in turn,
/// then the large ones are read one at a time (each already spreads over two threads, and two
/// of them at once would double the peak memory). Results keep the order of `files`, so the run
/// is the same, byte for byte, whatever the number of cores.
enum ParallelReader {
  /// Files at least this large are read alone, after the pool (`JUnitSplitReader` splits them).
  static let largeFile = 32 << 20

  static func read(_ files: [InputFile], workers: Int = ProcessInfo.processInfo.activeProcessorCount) -> [ParsedArtifact] {
    var slots = [[ParsedArtifact]](repeating: [], count: files.count)
    let sizes = files.map { (try? FileManager.default.attributesOfItem(atPath: $0.path)[.size] as? Int) ?? 0 }
    let small = files.indices.filter { sizes[$0] < largeFile }
    let workers = max(1, min(workers, small.count))
    if workers == 1 {
      for i in small { slots[i] = ArtifactReader.read(files[i]) }
    } else {
      let next = NextIndex()
      slots.withUnsafeMutableBufferPointer { out in
        let out = Slots(base: out)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
          while let k = next.take(below: small.count) {
            let i = small[k]
            out.base[i] = ArtifactReader.read(files[i])  // each slot is written by one worker only
          }
        }
      }
    }
    for i in files.indices where sizes[i] >= largeFile { slots[i] = ArtifactReader.read(files[i]) }
    return slots.flatMap { $0 }
  }
}

/// The next file to read, handed out once to whichever worker asks first.
private final class NextIndex: @unchecked Sendable {
  private let lock = NSLock()
  private var value = 0

  func take(below count: Int) -> Int? {
    lock.lock()
    defer { lock.unlock() }
    guard value < count else { return nil }
    value += 1
    return value - 1
  }
}

/// The result slots, one per file, shared by the workers (each writes its own slots only).
private struct Slots: @unchecked Sendable {
  let base: UnsafeMutableBufferPointer<[ParsedArtifact]>
}
