import Foundation

/// Writes a run's output folder all at once: files go to a hidden work folder first, which is
/// renamed into place, so a reader never sees a half-written report; `latest` is swapped the same
/// way. Work folders that a killed build left behind (`.ID.tmp-PID` of a process that is gone) are
/// removed by the next build.
struct ReportFiles {
  let outDir: String
  let runID: String

  var finalPath: String { outDir + "/" + runID }

  /// A folder or file of the report that could not be written, said plainly.
  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  /// Creates the work folder and lets `fill` fill it; then moves it into place. Returns what
  /// `fill` returned, and warnings (a `latest` that is not ours, left alone).
  func write<T>(_ fill: (String) throws -> T) throws -> (value: T, warnings: [Diagnostic]) {
    let fm = FileManager.default
    do { try fm.createDirectory(atPath: outDir, withIntermediateDirectories: true) } catch {
      throw Failure(description: Self.explain(error, outDir))
    }
    removeStaleWork()
    let staging = outDir + "/.\(runID).tmp-\(getpid())"
    try? fm.removeItem(atPath: staging)
    do { try fm.createDirectory(atPath: staging, withIntermediateDirectories: false) } catch {
      throw Failure(description: Self.explain(error, staging))
    }
    let value: T
    do {
      value = try fill(staging)
    } catch {
      try? fm.removeItem(atPath: staging)
      throw error
    }
    do {
      if fm.fileExists(atPath: finalPath) {
        let old = outDir + "/.\(runID).old-\(getpid())"
        try fm.moveItem(atPath: finalPath, toPath: old)
        try fm.moveItem(atPath: staging, toPath: finalPath)
        try? fm.removeItem(atPath: old)
      } else {
        try fm.moveItem(atPath: staging, toPath: finalPath)
      }
    } catch {
      try? fm.removeItem(atPath: staging)
      throw Failure(description: Self.explain(error, finalPath))
    }
    return (value, pointLatest())
  }

  /// `outDir/latest` → the run folder (a relative symlink, replaced atomically by rename). A
  /// `latest` that is a real file or folder is someone's: it is left alone, with a warning.
  private func pointLatest() -> [Diagnostic] {
    let link = outDir + "/latest"
    var st = stat()
    if lstat(link, &st) == 0 && (st.st_mode & S_IFMT) != S_IFLNK {
      let what = (st.st_mode & S_IFMT) == S_IFDIR ? "a folder" : "a file"
      return [
        Diagnostic(
          path: link, line: nil,
          message: "is \(what), not the link to the newest run: left as it is (the newest run is \(finalPath))")
      ]
    }
    let temp = outDir + "/.latest.tmp-\(getpid())"
    try? FileManager.default.removeItem(atPath: temp)
    guard symlink(runID, temp) == 0, rename(temp, link) == 0 else {
      let why = String(cString: strerror(errno))
      try? FileManager.default.removeItem(atPath: temp)
      return [Diagnostic(path: link, line: nil, message: "not updated (\(why)); the newest run is \(finalPath)")]
    }
    return []
  }

  /// Removes the work folders (`.ID.tmp-PID`, `.ID.old-PID`, `.latest.tmp-PID`) of builds whose
  /// process is gone: a build killed mid-write leaves one behind. A live process's are its own.
  func removeStaleWork() {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: outDir) else { return }
    for name in names where name.hasPrefix(".") {
      guard let pid = Self.workFolderPID(name), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
      try? FileManager.default.removeItem(atPath: outDir + "/" + name)
    }
  }

  /// The process id in a work folder's name (`.20261121T052643Z.tmp-4242` → 4242), or nil.
  static func workFolderPID(_ name: String) -> pid_t? {
    for marker in [".tmp-", ".old-"] {
      guard let r = name.range(of: marker, options: .backwards) else { continue }
      let digits = name[r.upperBound...]
      guard !digits.isEmpty, digits.allSatisfy(\.isNumber), let pid = pid_t(digits) else { return nil }
      return pid
    }
    return nil
  }

  /// What went wrong, in words and with the path: not Foundation's error dump.
  static func explain(_ error: Error, _ path: String) -> String {
    if let ours = error as? Failure { return ours.description }
    if let ours = error as? ReportWriter.Failure { return ours.description }
    let ns = error as NSError
    if let posix = (ns.userInfo[NSUnderlyingErrorKey] as? NSError).flatMap({ $0.domain == NSPOSIXErrorDomain ? $0.code : nil })
      ?? (ns.domain == NSPOSIXErrorDomain ? ns.code : nil)
    {
      return "\(path): \(String(cString: strerror(Int32(posix))))"
    }
    let words: String
    switch ns.code {
    case NSFileNoSuchFileError, NSFileReadNoSuchFileError: words = "no such file or folder (it was removed while the report was written?)"
    case NSFileWriteOutOfSpaceError: words = "no space left on the device"
    case NSFileWriteNoPermissionError, NSFileReadNoPermissionError: words = "permission denied"
    case NSFileWriteVolumeReadOnlyError: words = "the file system is read-only"
    case NSFileWriteFileExistsError: words = "something is already there"
    default: words = ns.localizedDescription
    }
    return "\(path): \(words)"
  }
}
