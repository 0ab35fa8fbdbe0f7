import Foundation

/// Writes the chosen files of a report into a folder: report.json on a second thread, begun
/// before the analysis (`beginJSON`), while the analysis and then the Markdown, HTML and issue
/// body are made on this one.
struct ReportWriter {
  var formats: Set<OutputFormat>
  var templates: TemplateSet
  /// issue.md's size limit in characters.
  var issueLimit: Int
  /// Where the full report is read (`--report-url`), linked from issue.md.
  var reportURL: String?

  /// A file of the report that could not be written.
  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  /// Starts report.json on a second thread: the part the run and its findings hold is written
  /// now, the rest once `write(_:into:json:)` hands it the report. Nil when json is not chosen.
  func beginJSON(_ run: Run, _ findings: Findings, _ meta: RunMeta, into dir: String) throws -> JSONJob? {
    guard formats.contains(.json) else { return nil }
    guard let sink = OutputSink(path: dir + "/report.json") else { throw Self.cannotCreate(dir + "/report.json") }
    let job = JSONJob(sink: sink)
    job.done.enter()
    Detached.run {
      job.render(run, findings, meta)
      job.done.leave()
    }
    return job
  }

  /// Writes the chosen files; `json` is report.json as `beginJSON` started it (nil: started here).
  func write(_ report: Report, into dir: String, json begun: JSONJob? = nil) throws {
    var timer = PhaseTimer()
    let json = try begun ?? beginJSON(report.run, report.findings, report.meta, into: dir)
    if let json, json.runWritten {
      // The job's thread has written the run's part and waits (curl traces: no verdict to wait
      // for, so it began early): it writes the analysis straight after it, while this thread
      // makes the pages. Written here first, the pages waited for it (~30 ms on curl 100k).
      json.finish(with: report)
    } else if let json {
      // report.json's second part (the analysis) is written here, into a file of its own, while
      // the job's thread writes the run's part, which is the longer one: the job then appends it
      // (this thread would otherwise wait for the job at the end).
      let tailPath = dir + "/" + JSONJob.tailName
      let tail = OutputSink(path: tailPath)
      if let tail { JSONRenderer().writeAnalysis(report, to: tail) }
      let written = tail?.finish(sync: false) == true
      json.finish(withTail: written ? tailPath : nil)
      if !written {
        json.done.wait()
        throw tail.map { Failure(description: "\(dir)/report.json: \($0.errorText)") } ?? Self.cannotCreate(tailPath)
      }
    }
    let views = ReportViewBuilder(report: report, reportURL: reportURL)
    let page = formats.contains(.markdown) || formats.contains(.html)
    let full = page ? views.view() : nil  // issue.md starts from the same view
    // issue.md is made on another thread while report.md and report.html are made here.
    let (templates, limit) = (templates, issueLimit)
    let issue =
      formats.contains(.issue) ? Background { IssueBody(views: views, templates: templates, limit: limit).render(full: full) } : nil
    if let full {
      let markdown = templates.render("report.md", full)
      if formats.contains(.markdown) { try save(markdown, dir + "/report.md") }
      if formats.contains(.html) {
        let html = PageRenderer(templates: templates).page(markdown: markdown, report: report)
        try save(html, dir + "/report.html")
      }
    }
    if let issue { try save(issue.wait(), dir + "/issue.md") }
    timer.lap("report.md + report.html + issue.md")
    if formats.contains(.ctrf) { try stream(.ctrf, into: dir) { CTRFWriter().write(report, to: $0) } }
    if formats.contains(.codeQuality) { try stream(.codeQuality, into: dir) { CodeQualityWriter().write(report, to: $0) } }
    json?.done.wait()
    timer.lap("report.json (after)")
    if let json, !json.succeeded { throw Failure(description: "\(dir)/report.json: \(json.sink.errorText)") }
  }

  /// Writes one streamed file of the report.
  private func stream(_ format: OutputFormat, into dir: String, _ body: (OutputSink) -> Void) throws {
    let path = dir + "/" + format.fileName
    guard let sink = OutputSink(path: path) else { throw Self.cannotCreate(path) }
    body(sink)
    guard sink.finish() else { throw Failure(description: "\(path): \(sink.errorText)") }
  }

  /// Writes `text` to `path`, with the reason in words when it fails (a full disk, a removed folder).
  private func save(_ text: String, _ path: String) throws {
    guard let sink = OutputSink(path: path) else { throw Self.cannotCreate(path) }
    sink.write(text)
    guard sink.finish() else { throw Failure(description: "\(path): \(sink.errorText)") }
  }

  private static func cannotCreate(_ path: String) -> Failure {
    Failure(description: "\(path): \(String(cString: strerror(errno)))")
  }
}

/// Renders report.json on another thread: begun with the run and its findings, finished once
/// handed the rest (`finish(with:)` or `finish(withTail:)`, one of which follows every
/// `beginJSON`). They are only read (never mutated) while it runs, and the caller waits for
/// `done` before touching the result.
final class JSONJob: @unchecked Sendable {
  let sink: OutputSink
  /// Left when the file is written.
  let done = DispatchGroup()
  private(set) var succeeded = false
  /// What the job is handed to finish with (set before `ready` is signalled).
  private var rest: Rest?
  private let ready = DispatchSemaphore(value: 0)
  /// Left once the run's part is written.
  private let runPart = DispatchGroup()

  /// The rest of report.json: the report, to write the analysis part from, or the file it was
  /// written to (nil when that could not be written: the job then stops).
  private enum Rest {
    case report(Report)
    case tail(String?)
  }

  /// The file, next to report.json, that the analysis part is written to before it is appended.
  static let tailName = ".report.json.analysis"

  init(sink: OutputSink) {
    self.sink = sink
    runPart.enter()
  }

  /// Whether the run's part is written: the job's thread then waits for the rest, idle.
  var runWritten: Bool { runPart.wait(timeout: .now()) == .success }

  /// On the job's thread: the run's part, then, once the rest is handed over, the rest appended
  /// (and its file removed).
  func render(_ run: Run, _ findings: Findings, _ meta: RunMeta) {
    var timer = PhaseTimer()
    JSONRenderer().writeRun(run, findings, meta, to: sink)
    timer.lap("report.json's tests (second thread)")
    runPart.leave()
    ready.wait()
    switch rest {
    case .report(let report):
      JSONRenderer().writeAnalysis(report, to: sink)
      succeeded = sink.finish()
    case .tail(let tail?):
      succeeded = sink.append(contentsOf: tail) && sink.finish()
      unlink(tail)
    case .tail(nil), nil:
      return
    }
  }

  /// Hands over the report: the job writes the analysis part itself (the semaphore orders the
  /// hand-over before the job reads it).
  func finish(with report: Report) {
    rest = .report(report)
    ready.signal()
  }

  /// Hands over the file holding the analysis part, nil when it could not be written (the job
  /// then stops).
  func finish(withTail path: String?) {
    rest = .tail(path)
    ready.signal()
  }
}
