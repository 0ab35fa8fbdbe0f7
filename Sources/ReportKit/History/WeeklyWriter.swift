import Foundation

/// Writes a weekly review: weekly.md (the template), weekly.html (the same page as report.html:
/// its template, CSS and cmark-gfm rendering, with the pass-rate trend as inline SVG) and
/// weekly.json. Each file is written beside its final name and renamed into place.
public struct WeeklyWriter {
  /// The files `report weekly` can write (`--format md,html,json`).
  public enum Format: String, Sendable, CaseIterable {
    case markdown = "md", html, json

    public var fileName: String { "weekly." + (self == .markdown ? "md" : rawValue) }
  }

  public var formats: Set<Format>
  public var templates: TemplateSet

  public init(formats: Set<Format> = Set(Format.allCases), templates: TemplateSet = .builtIn) {
    self.formats = formats
    self.templates = templates
  }

  /// A file of the review that could not be written.
  public struct CannotWrite: Error, CustomStringConvertible {
    public var description: String
  }

  /// Writes the chosen files into `dir` (created if needed); returns their names.
  @discardableResult
  public func write(_ review: WeeklyReview, into dir: String) throws -> [String] {
    do { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) } catch {
      throw CannotWrite(description: "cannot create \(dir): \(error.localizedDescription)")
    }
    let markdown = templates.render("weekly.md", WeeklyViewBuilder(review: review).view())
    var written: [String] = []
    for format in Format.allCases where formats.contains(format) {
      let path = dir + "/" + format.fileName
      let temp = dir + "/.\(format.fileName).tmp-\(getpid())"
      switch format {
      case .markdown: try text(markdown, temp)
      case .html: try text(page(markdown, review), temp)
      case .json:
        guard let sink = OutputSink(path: temp) else { throw CannotWrite(description: "cannot create \(temp)") }
        WeeklySchema.document(review).write(to: sink)
        guard sink.finish() else { throw CannotWrite(description: "I/O error writing \(temp)") }
      }
      guard rename(temp, path) == 0 else { throw CannotWrite(description: "cannot move \(temp) to \(path)") }
      written.append(format.fileName)
    }
    return written
  }

  private func text(_ s: String, _ path: String) throws {
    do { try s.write(toFile: path, atomically: false, encoding: .utf8) } catch {
      throw CannotWrite(description: "cannot write \(path): \(error.localizedDescription)")
    }
  }

  /// weekly.html: page.html.mustache around the Markdown, with the pass-rate trend.
  func page(_ markdown: String, _ review: WeeklyReview) -> String {
    let points = review.runs.map { Charts.Point(label: $0.key, value: $0.passRate) }
    var charts: [PageRenderer.PageView.Chart] = []
    if let svg = Charts.trend(points, title: "Pass rate per run") { charts.append(.init(svg: svg, caption: "Pass rate per run")) }
    let title = "Weekly review: \(HistoryTime.short(review.since).prefix(10)) to \(HistoryTime.short(review.until).prefix(10))"
    let layout = PageLayout(html: HTMLRenderer.body(markdown))
    func entry(_ e: PageLayout.Entry) -> PageRenderer.PageView.TOCEntry { .init(id: e.id, text: e.text, children: e.children.map(entry)) }
    var tiles: [PageRenderer.PageView.Tile] = [.init(value: "\(review.runs.count)", label: "runs", kind: "")]
    if let last = review.runs.last?.passRate {
      tiles.append(.init(value: ReportKit.Format.percent(last), label: "pass rate, last run", kind: last < 1 ? "bad" : "ok"))
    }
    let view = PageRenderer.PageView(
      title: title, heading: layout.title, css: PageStyle.css, tiles: tiles, toc: layout.toc.map(entry), body: layout.body,
      charts: charts)
    return templates.render("page.html", view)
  }
}
