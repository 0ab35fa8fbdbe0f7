/// Quotes each log line once per document: the first mention of a line shows its file, line and
/// text; every later one only `file:line`, which the reader finds above. Views are built in the
/// order the document reads, so "above" holds.
final class QuoteBook {
  private var quoted = Set<Key>()
  /// How long a quoted line may be before it is cut.
  let limit: Int

  private struct Key: Hashable {
    var path: String
    var line: Int
  }

  init(limit: Int) { self.limit = limit }

  /// `path:line` and, the first time, the line's text, as code.
  func cite(_ e: Evidence, table: Bool = false) -> String {
    let ref = Markdown.code("\(e.path):\(e.line)", table: table)
    guard quoted.insert(Key(path: e.path, line: e.line)).inserted else { return ref }
    return ref + " " + Markdown.code(e.text, limit: limit, table: table)
  }

  /// Only `path:line`, and the line counts as quoted (its text is shown another way, in a fence).
  func reference(_ e: Evidence, table: Bool = false) -> String {
    quoted.insert(Key(path: e.path, line: e.line))
    return Markdown.code("\(e.path):\(e.line)", table: table)
  }

  /// Whether the line was quoted already.
  func hasQuoted(_ e: Evidence) -> Bool { quoted.contains(Key(path: e.path, line: e.line)) }
}
