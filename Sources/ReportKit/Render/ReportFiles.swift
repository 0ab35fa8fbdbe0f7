import Foundation

/// Writes a run's output folder all at once: files go to a hidden temporary folder first, which is
/// renamed into place, so a reader never sees a half-written report; `latest` is swapped the same way.
struct ReportFiles {
  let outDir: String
  let runID: String

  var finalPath: String { outDir + "/" + runID }

  /// Creates the temporary folder and lets `write` fill it; then moves it into place.
  func write(_ fill: (String) throws -> Void) throws {
    let fm = FileManager.default
    try fm.createDirectory(atPath: outDir, withIntermediateDirectories: true)
    let staging = outDir + "/.\(runID).tmp-\(getpid())"
    try? fm.removeItem(atPath: staging)
    try fm.createDirectory(atPath: staging, withIntermediateDirectories: false)
    do {
      try fill(staging)
    } catch {
      try? fm.removeItem(atPath: staging)
      throw error
    }
    if fm.fileExists(atPath: finalPath) {
      let old = outDir + "/.\(runID).old-\(getpid())"
      try fm.moveItem(atPath: finalPath, toPath: old)
      try fm.moveItem(atPath: staging, toPath: finalPath)
      try? fm.removeItem(atPath: old)
    } else {
      try fm.moveItem(atPath: staging, toPath: finalPath)
    }
    try pointLatest()
  }

  /// `outDir/latest` → the run folder (a relative symlink, replaced atomically by rename).
  private func pointLatest() throws {
    let link = outDir + "/latest"
    let temp = outDir + "/.latest.tmp-\(getpid())"
    try? FileManager.default.removeItem(atPath: temp)
    guard symlink(runID, temp) == 0 else { return }
    if rename(temp, link) != 0 {
      // `latest` may be a real folder someone made; leave it alone rather than delete their files.
      try? FileManager.default.removeItem(atPath: temp)
    }
  }
}
