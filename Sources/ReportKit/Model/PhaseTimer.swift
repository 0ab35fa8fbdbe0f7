import Foundation

/// Prints how long each phase of a build took, to stderr, when `REPORT_TIMINGS=1` is set.
struct PhaseTimer {
  private let enabled = ProcessInfo.processInfo.environment["REPORT_TIMINGS"] == "1"
  private var last = DispatchTime.now()

  mutating func lap(_ phase: String) {
    guard enabled else { return }
    let now = DispatchTime.now()
    let ms = Double(now.uptimeNanoseconds - last.uptimeNanoseconds) / 1e6
    FileHandle.standardError.write(Data("timing: \(phase) \(Int(ms)) ms\n".utf8))
    last = now
  }
}
