import Foundation

/// Reads many input files at once: the small files spread over the cores (Dispatch hands each
/// file to the next free worker), then the large ones one at a time (each already spreads over
/// two threads, and two of them at once would double the peak memory). Results keep the order of
/// `files`, so the run is the same, byte for byte, whatever the number of cores.
enum ParallelReader {
  /// Files at least this large are read alone, after the others (`JUnitSplitReader` splits them).
  static let largeFile = 32 << 20

  /// `parallel: false` reads every file on the calling thread (the reference the tests compare
  /// with); `judge` judges failures where a reader can meanwhile (see `PrejudgedFailure`).
  static func read(_ files: [InputFile], parallel: Bool = true, prejudging judge: (any FailureJudge)? = nil) -> [ParsedArtifact] {
    var slots = [[ParsedArtifact]](repeating: [], count: files.count)
    let sizes = files.map { (try? FileManager.default.attributesOfItem(atPath: $0.path)[.size] as? Int) ?? 0 }
    let small = files.indices.filter { sizes[$0] < largeFile }
    if parallel && small.count > 1 {
      slots.withUnsafeMutableBufferPointer { out in
        let out = UncheckedBuffer(out)
        DispatchQueue.concurrentPerform(iterations: small.count) { k in
          out.base[small[k]] = ArtifactReader.read(files[small[k]], prejudging: judge)
        }
      }
    } else {
      for i in small { slots[i] = ArtifactReader.read(files[i], prejudging: judge) }
    }
    for i in files.indices where sizes[i] >= largeFile { slots[i] = ArtifactReader.read(files[i], prejudging: judge) }
    return slots.flatMap { $0 }
  }
}
