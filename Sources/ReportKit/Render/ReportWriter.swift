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
    DispatchQueue.global().async { job.render(run, findings, meta) }
    return job
  }

  /// Writes the chosen files; `json` is report.json as `beginJSON` started it (nil: started here).
  func write(_ report: Report, into dir: String, json begun: JSONJob? = nil) throws {
    var timer = PhaseTimer()
    let json = try begun ?? beginJSON(report.run, report.findings, report.meta, into: dir)
    try json?.finish(report, into: dir)
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

  static func cannotCreate(_ path: String) -> Failure {
    Failure(description: "\(path): \(String(cString: strerror(errno)))")
  }
}
