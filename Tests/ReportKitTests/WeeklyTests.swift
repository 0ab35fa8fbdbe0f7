import Foundation
import Testing

@testable import ReportKit

/// The weekly review's period, its outputs and their schema.
@Suite struct WeeklyTests {
  static let jan8 = Int64(1_767_830_400)  // 2026-01-08T00:00:00Z

  @Test func thePeriodTakesSpansDatesAndTimes() throws {
    let week = try WeeklyPeriod(since: nil, until: nil, now: Self.jan8)
    #expect(week.until == Self.jan8 && week.since == Self.jan8 - 7 * 86_400)
    let days = try WeeklyPeriod(since: "2026-01-01", until: "2026-01-07", now: 0)
    #expect(HistoryTime.iso(days.since) == "2026-01-01T00:00:00Z" && HistoryTime.iso(days.until) == "2026-01-07T23:59:59Z")
    #expect(try WeeklyPeriod(since: "36h", until: "2026-01-08T00:00:00Z", now: 0).since == Self.jan8 - 36 * 3600)
    #expect(try WeeklyPeriod(since: "2w", until: nil, now: Self.jan8).since == Self.jan8 - 14 * 86_400)
    for (since, until) in [("yesterday", nil), ("7x", nil), ("2026-01-09", "2026-01-08")] as [(String, String?)] {
      #expect(throws: WeeklyPeriod.Invalid.self) { try WeeklyPeriod(since: since, until: until, now: Self.jan8) }
    }
  }

  func review() throws -> WeeklyReview {
    let dir = TempDir()
    let history = try History.open(.sqlite(path: dir.path + "/h.sqlite"), create: true)
    defer { history.close() }
    for r in try ExampleRuns.week() { _ = try history.record(HistoryRecord(report: r)) }
    return try history.weekly(since: Self.jan8 - 7 * 86_400, until: Self.jan8 + 86_399, now: Self.jan8 + 86_399)
  }

  /// weekly.json is described once: what the writer streams decodes into the document it wrote.
  @Test func weeklyJSONReadsBackAsTheSameDocument() throws {
    let r = try review()
    let dir = TempDir()
    try WeeklyWriter(formats: [.json]).write(r, into: dir.path)
    let data = try Data(contentsOf: URL(fileURLWithPath: dir.path + "/weekly.json"))
    let decoded = try JSONDecoder().decode(WeeklySchema.Document.self, from: data)
    let expected = WeeklySchema.document(r)
    #expect(decoded.runs == expected.runs)
    #expect(decoded.clusters == expected.clusters)
    #expect(decoded.open_actions == expected.open_actions)
    #expect(decoded == expected)
    #expect(decoded.schema == "weekly/1" && decoded.runs.count == 8 && !decoded.persisting.isEmpty && !decoded.flaky_tests.isEmpty)
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["weekly.json"], "no temporary file left")
  }

  @Test func weeklyMarkdownAndPageShowTheReview() throws {
    let r = try review()
    let dir = TempDir()
    #expect(try WeeklyWriter().write(r, into: dir.path) == ["weekly.md", "weekly.html", "weekly.json"])
    let md = try String(contentsOfFile: dir.path + "/weekly.md", encoding: .utf8)
    #expect(md.hasPrefix("# Weekly review: 2026-01-01 to 2026-01-08\n"))
    #expect(md.contains("- 8 runs from 2026-01-01 09:00 to 2026-01-08 09:00. The pass rate went from 7.7% (`day1`) to 30.8% (`day8`)"))
    #expect(md.contains("| `day4` | 2026-01-04 09:00 | 15 | 1 | 12 | 1 | 0 | 7.7% | ▼ -23.1 pts | 10 |"))
    for c in r.persisting { #expect(md.contains("`\(c.id)`") && md.contains("open since")) }
    #expect(md.contains("### Resolved this period\n\n- ✅ `"))
    let html = try String(contentsOfFile: dir.path + "/weekly.html", encoding: .utf8)
    #expect(html.contains("<title>Weekly review: 2026-01-01 to 2026-01-08</title>"))
    #expect(html.contains("<polyline") && html.contains("<title>day4: 7.7%</title>"))
    #expect(html.contains("<table>") && html.components(separatedBy: "<script").count == 2, "only the page's print helper")
  }

  @Test func anEmptyPeriodSaysSo() throws {
    let dir = TempDir()
    let history = try History.open(.sqlite(path: dir.path + "/h.sqlite"), create: true)
    defer { history.close() }
    let r = try history.weekly(since: 0, until: Self.jan8, now: Self.jan8)
    #expect(r.runs.isEmpty && r.terminalLines.count == 1)
    try WeeklyWriter(formats: [.markdown]).write(r, into: dir.path + "/w")
    let md = try String(contentsOfFile: dir.path + "/w/weekly.md", encoding: .utf8)
    #expect(md.contains("- No run was recorded from 1970-01-01 00:00 to 2026-01-08 00:00."))
    #expect(md.contains("No run in this period.") && md.contains("## Open actions carried over\n\nNone"))
  }

  /// Titles and ids come from logs: they stay code, whatever they hold.
  @Test func textFromLogsCannotBreakTheMarkdown() {
    #expect(WeeklyViewBuilder.markdown(phrase: "Fix `a|b` or <script>x</script>") == "Fix `a\\|b` or \\<script\\>x\\</script\\>")
    #expect(WeeklyViewBuilder.markdown(phrase: "odd ` tick", table: false) == "odd ` tick`")
  }

  @Test func theTrendChartPlotsEveryMeasuredRun() throws {
    let svg = try #require(
      Charts.trend([.init(label: "a<b", value: 0.5), .init(label: "b", value: nil), .init(label: "c", value: 1)], title: "t"))
    #expect(svg.components(separatedBy: "<circle").count == 3, "no point for a run without a pass rate")
    #expect(svg.contains("<title>c: 100%</title>") && svg.contains(">a&lt;b</text>") && svg.contains(">c</text>"))
    #expect(!svg.contains("a<b"))
    #expect(Charts.trend([.init(label: "a", value: nil)], title: "t") == nil)
  }
}
