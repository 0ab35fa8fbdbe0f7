import Foundation

/// One line on stderr that updates while a large build runs: files, megabytes read, phase. Shown
/// only when asked for (a terminal, not `--quiet`) and only for inputs of a few megabytes or
/// more; erased when the build is done, so the summary prints on a clean line.
final class ProgressLine: @unchecked Sendable {
  // `phase` and `shown` are only touched on `queue`.
  private let queue = DispatchQueue(label: "report.progress")
  private var timer: DispatchSourceTimer?
  private var phase = "reading"
  private var shown = false
  private let total: Int
  private let files: Int

  /// Inputs smaller than this finish before a line would help.
  static let threshold = 4 << 20

  /// Starts showing progress for `files` totalling `total` bytes, when `enabled` and large enough.
  init(files: Int, total: Int, enabled: Bool) {
    self.total = total
    self.files = files
    guard enabled, total >= Self.threshold else { return }
    ReadProgress.bytes.store(0, ordering: .relaxed)
    let t = DispatchSource.makeTimerSource(queue: queue)
    t.schedule(deadline: .now() + .milliseconds(300), repeating: .milliseconds(250))
    t.setEventHandler { [weak self] in self?.draw() }
    timer = t
    t.resume()
  }

  func enter(_ phase: String) { queue.async { self.phase = phase } }

  /// Stops and erases the line.
  func finish() {
    guard let timer else { return }
    queue.sync {
      timer.cancel()
      if shown { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
    }
    self.timer = nil
  }

  private func draw() {
    let read = min(ReadProgress.bytes.load(ordering: .relaxed), total)
    let mb = { (n: Int) in String(format: "%.0f", Double(n) / 1_048_576) }
    let line = "report: \(files) file\(files == 1 ? "" : "s"), \(mb(read)) of \(mb(total)) MB read · \(phase)…"
    FileHandle.standardError.write(Data(("\r\u{1B}[2K" + line).utf8))
    shown = true
  }
}
