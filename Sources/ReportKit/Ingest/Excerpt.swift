/// Caps long text for the model and for evidence lines, working on UTF-8 so it stays cheap.
enum Excerpt {
  /// `s` cut to about its first `head` and last `tail` bytes (on character boundaries), with a
  /// marker where text was dropped (`s` itself when it is short enough).
  static func cap(_ s: String, head: Int, tail: Int) -> String {
    let utf8 = s.utf8
    guard utf8.count > head + tail + 64 else { return s }
    let headEnd = boundary(s, utf8.index(utf8.startIndex, offsetBy: head))
    let tailStart = boundary(s, utf8.index(utf8.endIndex, offsetBy: -tail))
    let dropped = utf8.distance(from: headEnd, to: tailStart)
    return (String(s[..<headEnd]) + "\n… [\(dropped) bytes cut] …\n" + String(s[tailStart...])).exactSized
  }

  /// `cap` for text the model keeps (a detail, message or output built by joining or appending
  /// lines): in storage of its own size either way (`exactSized`).
  static func keep(_ s: String, head: Int, tail: Int) -> String {
    s.utf8.count > head + tail + 64 ? cap(s, head: head, tail: tail) : s.exactSized
  }

  /// The first non-blank line of `s`, trimmed and cut to `limit` bytes: the text of an evidence item.
  static func line(_ s: String, limit: Int = 300) -> String {
    let u = s.utf8
    var start = u.startIndex
    while true {
      while start < u.endIndex, u[start] == 0x20 || u[start] == 0x09 || u[start] == 0x0A || u[start] == 0x0D {
        start = u.index(after: start)
      }
      var end = start
      while end < u.endIndex, u[end] != 0x0A && u[end] != 0x0D { end = u.index(after: end) }
      var last = end
      while last > start, u[u.index(before: last)] == 0x20 || u[u.index(before: last)] == 0x09 { last = u.index(before: last) }
      if last > start || end == u.endIndex {
        if start == u.startIndex && last == u.endIndex && u.count <= limit { return s }  // share, don't copy
        guard u.distance(from: start, to: last) > limit else { return String(s[start..<last]) }
        return String(s[start..<boundary(s, u.index(start, offsetBy: limit))]) + "…"
      }
      start = end
    }
  }

  /// The nearest character boundary at or before `i`.
  private static func boundary(_ s: String, _ i: String.Index) -> String.Index {
    var i = i
    while i > s.startIndex, s.index(i, offsetBy: 0, limitedBy: s.endIndex).map({ $0.samePosition(in: s) == nil }) ?? false {
      i = s.utf8.index(before: i)
    }
    return i
  }
}
