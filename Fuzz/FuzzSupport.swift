// Shared by the fuzz targets: the input as a file (parsers read paths), and the checks every
// parse must pass whatever the bytes: tests well formed, evidence inside the file.
import Foundation

enum FuzzInput {
  nonisolated(unsafe) static var counter = 0
  static let dir: String = {
    let d = (FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()) + "/report-fuzz-\(getpid())"
    try? FileManager.default.createDirectory(atPath: d, withIntermediateDirectories: true)
    return d
  }()

  static func withFile(_ data: UnsafePointer<UInt8>, _ size: Int, _ body: (String) -> Void) {
    let path = dir + "/input"
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    guard fd >= 0 else { return }
    var written = 0
    while written < size {
      let n = write(fd, data + written, size - written)
      if n <= 0 { break }
      written += n
    }
    close(fd)
    body(path)
  }

  /// What holds for any input: evidence cites a line of the file, durations are not negative.
  static func check(_ a: ParsedArtifact) {
    for t in a.tests {
      precondition((t.durationSeconds ?? 0) >= 0, "negative duration")
      for e in t.details?.evidence ?? [] { precondition(e.line >= 0, "evidence before line 0") }
    }
    for r in a.requests { for e in r.evidence { precondition(e.line >= 0, "evidence before line 0") } }
  }
}
