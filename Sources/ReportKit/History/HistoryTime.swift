import Foundation

/// Times as the history stores them (seconds since 1970, UTC) and as its outputs print them.
enum HistoryTime {
  /// `2026-01-01T00:00:00Z` (fractional seconds allowed, and dropped) as seconds since 1970.
  static func parse(_ text: String) -> Int64? {
    let f = ISO8601DateFormatter()
    f.formatOptions = [.withInternetDateTime]
    if let d = f.date(from: text) { return Int64(d.timeIntervalSince1970.rounded(.down)) }
    f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    return f.date(from: text).map { Int64($0.timeIntervalSince1970.rounded(.down)) }
  }

  /// `2026-01-01T00:00:00Z`.
  static func iso(_ seconds: Int64) -> String {
    let f = ISO8601DateFormatter()
    f.formatOptions = [.withInternetDateTime]
    f.timeZone = TimeZone(identifier: "UTC")
    return f.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
  }

  /// `2026-01-01 00:00`: a time for prose and tables.
  static func short(_ seconds: Int64) -> String {
    let s = iso(seconds)
    return String(s.prefix(10)) + " " + String(s.dropFirst(11).prefix(5))
  }

  /// `3 d 4 h`, `5 h 10 min`, `12 min`: a duration for prose.
  static func span(_ seconds: Int64) -> String {
    let m = seconds / 60
    let (d, h, min) = (m / 1440, m / 60 % 24, m % 60)
    if d > 0 { return h > 0 ? "\(d) d \(h) h" : "\(d) d" }
    if h > 0 { return min > 0 ? "\(h) h \(min) min" : "\(h) h" }
    return "\(min) min"
  }
}
