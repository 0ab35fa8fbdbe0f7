import Foundation

/// The period a weekly review covers: `--since DATE|7d` and `--until DATE`, both included.
/// A date alone is a whole day in UTC: `--since 2026-01-01` starts at its midnight,
/// `--until 2026-01-07` ends at its last second. A span (`7d`, `36h`, `2w`) counts back from
/// `until`, which defaults to `--now`.
public struct WeeklyPeriod: Sendable, Equatable {
  public var since: Int64
  public var until: Int64

  /// A bad `--since` or `--until`: the message names the option and the forms it takes.
  public struct Invalid: Error, CustomStringConvertible {
    public var description: String
  }

  public init(since: String?, until: String?, now: Int64) throws {
    let end = try until.map { text in
      guard let t = Self.time(text, endOfDay: true) else {
        throw Invalid(description: "--until: '\(text)' is not a date (2026-01-07), an ISO 8601 time or epoch seconds")
      }
      return t
    }
    self.until = end ?? now
    let text = since ?? "7d"
    if let span = Self.span(text) {
      self.since = self.until - span
    } else if let t = Self.time(text, endOfDay: false) {
      self.since = t
    } else {
      throw Invalid(description: "--since: '\(text)' is not a span (7d, 36h, 2w), a date, an ISO 8601 time or epoch seconds")
    }
    guard self.since <= self.until else {
      throw Invalid(description: "--since \(HistoryTime.iso(self.since)) is after --until \(HistoryTime.iso(self.until))")
    }
  }

  /// `7d`, `36h`, `2w`, `90m` in seconds.
  public static func span(_ text: String) -> Int64? {
    guard let unit = text.last, let n = Int64(text.dropLast()), n >= 0 else { return nil }
    switch unit {
    case "w": return n * 7 * 86_400
    case "d": return n * 86_400
    case "h": return n * 3_600
    case "m": return n * 60
    default: return nil
    }
  }

  /// A date (`2026-01-07`: its first or last second), an ISO 8601 time, or epoch seconds.
  public static func time(_ text: String, endOfDay: Bool) -> Int64? {
    if let seconds = Double(text) { return Int64(seconds.rounded(.down)) }
    if text.count == 10, let day = HistoryTime.parse(text + "T00:00:00Z") { return endOfDay ? day + 86_399 : day }
    return HistoryTime.parse(text)
  }
}
