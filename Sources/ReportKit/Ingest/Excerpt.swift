import Foundation

/// Caps long text for the model and for evidence lines.
enum Excerpt {
  /// `s` cut to its first `head` and last `tail` characters, with a marker where text was dropped.
  static func cap(_ s: String, head: Int, tail: Int) -> String {
    guard s.count > head + tail + 32 else { return s }
    let dropped = s.count - head - tail
    return String(s.prefix(head)) + "\n… [\(dropped) characters cut] …\n" + String(s.suffix(tail))
  }

  /// The first line of `s`, trimmed and cut to `limit` characters: the text of an evidence item.
  static func line(_ s: String, limit: Int = 300) -> String {
    let first = s.split(omittingEmptySubsequences: true, whereSeparator: \.isNewline).first.map(String.init) ?? s
    let trimmed = first.trimmingCharacters(in: .whitespaces)
    return trimmed.count > limit ? String(trimmed.prefix(limit)) + "…" : trimmed
  }
}
