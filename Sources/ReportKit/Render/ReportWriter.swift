import Foundation

/// Writes the chosen files of a report into a folder: report.json on a second thread while the
/// Markdown, HTML and issue body are made on this one.
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

  func write(_ report: Report, into dir: String) throws {
    var timer = PhaseTimer()
    let group = DispatchGroup()
    var json: JSONJob?
    if formats.contains(.json) {
      guard let sink = OutputSink(path: dir + "/report.json") else { throw Self.cannotCreate(dir + "/report.json") }
      let job = JSONJob(report: report, sink: sink)
      json = job
      DispatchQueue.global().async(group: group) { job.render() }
    }
    let views = ReportViewBuilder(report: report, reportURL: reportURL)
    var full: ReportView?
    if formats.contains(.markdown) || formats.contains(.html) {
      let view = views.view()
      full = view  // issue.md starts from the same view
      let markdown = templates.render("report.md", view)
      if formats.contains(.markdown) { try save(markdown, dir + "/report.md") }
      if formats.contains(.html) {
        let html = PageRenderer(templates: templates).page(markdown: markdown, report: report)
        try save(html, dir + "/report.html")
      }
    }
    if formats.contains(.issue) {
      let issue = IssueBody(views: views, templates: templates, limit: issueLimit).render(full: full)
      try save(issue, dir + "/issue.md")
    }
    timer.lap("report.md + report.html + issue.md")
    if formats.contains(.ctrf) { try stream(.ctrf, into: dir) { CTRFWriter().write(report, to: $0) } }
    if formats.contains(.codeQuality) { try stream(.codeQuality, into: dir) { CodeQualityWriter().write(report, to: $0) } }
    group.wait()
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

/// Renders report.json on another thread. The report is only read (never mutated) while it
/// runs, and the caller waits for it before touching the result.
private final class JSONJob: @unchecked Sendable {
  let report: Report
  let sink: OutputSink
  private(set) var succeeded = false

  init(report: Report, sink: OutputSink) {
    self.report = report
    self.sink = sink
  }

  func render() {
    JSONRenderer().write(report, to: sink)
    succeeded = sink.finish()
  }
}
