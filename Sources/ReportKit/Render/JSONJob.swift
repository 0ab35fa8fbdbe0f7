import Foundation

/// Renders report.json on a worker of Dispatch's global queue: begun with the run and its
/// findings (`ReportWriter.beginJSON`), finished once handed the rest (`finish(_:)`, which
/// follows every begin). They are only read (never mutated) while it runs, and the caller waits
/// for `done` before touching the result.
///
/// No worker ever waits for the rest: the queue runs as many blocks at once as there are cores,
/// and a worker blocked until the analysis was ready kept a block queued behind it from
/// starting (on a curl run, whose run part is written early, the false greens waited ~100 ms
/// while the main thread waited for them). The run's part is written, then whichever comes
/// second, the hand-over or the end of the run's part, writes the rest.
final class JSONJob: @unchecked Sendable {
  let sink: OutputSink
  /// Left when the file is written, or given up.
  let done = DispatchGroup()
  private(set) var succeeded = false
  private let lock = NSLock()
  /// Both under `lock`.
  private var written = false
  private var rest: Rest?

  /// The rest of report.json: the report, to write the analysis part from, or the file it was
  /// written to (nil when that could not be written: the job then stops).
  enum Rest {
    case report(Report)
    case tail(String?)
  }

  /// The file, next to report.json, that the analysis part is written to before it is appended.
  static let tailName = ".report.json.analysis"

  init(sink: OutputSink) {
    self.sink = sink
    done.enter()
  }

  /// Whether the run's part is written.
  var runWritten: Bool { lock.withLock { written } }

  /// The run's part; then the rest, when it was handed over meanwhile.
  func render(_ run: Run, _ findings: Findings, _ meta: RunMeta) {
    var timer = PhaseTimer()
    JSONRenderer().writeRun(run, findings, meta, to: sink)
    timer.lap("report.json's tests (second thread)")
    let handed = lock.withLock {
      written = true
      return rest
    }
    if let handed { write(handed) }
  }

  /// Hands over the analysis part of `report`. When the run's part is written already (curl
  /// traces: no verdict to wait for, so it began early), the job writes it on a worker while
  /// the caller makes the pages (written by the caller first, the pages waited ~30 ms on curl
  /// 100k). Otherwise the caller writes it here, into a file of its own in `dir`, while the
  /// job's thread writes the run's part, the longer one, and the job appends it. Throws when
  /// that file cannot be written (the job is then stopped and ended).
  func finish(_ report: Report, into dir: String) throws {
    if runWritten { return finish(.report(report)) }
    let path = dir + "/" + Self.tailName
    let tail = OutputSink(path: path)
    if let tail { JSONRenderer().writeAnalysis(report, to: tail) }
    let written = tail?.finish(sync: false) == true
    finish(.tail(written ? path : nil))
    guard written else {
      done.wait()
      throw tail.map { ReportWriter.Failure(description: "\(dir)/report.json: \($0.errorText)") } ?? ReportWriter.cannotCreate(path)
    }
  }

  /// Hands over the rest: written after the run's part by the job, or now on a worker of its
  /// own when the run's part is written already (the caller goes on meanwhile).
  func finish(_ r: Rest) {
    let ready = lock.withLock {
      rest = r
      return written
    }
    if ready { DispatchQueue.global().async { self.write(r) } }
  }

  /// Writes the rest after the run's part and ends the file.
  private func write(_ r: Rest) {
    switch r {
    case .report(let report):
      JSONRenderer().writeAnalysis(report, to: sink)
      succeeded = sink.finish()
    case .tail(let tail?):
      succeeded = sink.append(contentsOf: tail) && sink.finish()
      unlink(tail)
    case .tail(nil):
      break
    }
    done.leave()
  }
}
