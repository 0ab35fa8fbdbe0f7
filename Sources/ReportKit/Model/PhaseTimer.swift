import Foundation

/// Prints how long each phase of a build took, to stderr, when `REPORT_TIMINGS=1` is set.
struct PhaseTimer {
  private let enabled = ProcessInfo.processInfo.environment["REPORT_TIMINGS"] == "1"
  private var last = DispatchTime.now()

  /// The process's resident memory now, from /proc (0 where there is none).
  static func residentMiB() -> Int {
    guard let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8),
      let pages = statm.split(separator: " ").dropFirst().first.flatMap({ Int($0) })
    else { return 0 }
    return (pages * Int(getpagesize())) >> 20
  }

  mutating func lap(_ phase: String) {
    guard enabled else { return }
    let now = DispatchTime.now()
    let ms = Double(now.uptimeNanoseconds - last.uptimeNanoseconds) / 1e6
    FileHandle.standardError.write(Data("timing: \(phase) \(Int(ms)) ms, rss \(Self.residentMiB()) MiB\n".utf8))
    last = now
  }
}
