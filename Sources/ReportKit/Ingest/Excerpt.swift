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
    // The line's bounds as byte offsets, read from the buffer (every evidence item of a trace
    // goes through here); the cut is then made once, at offsets next to ASCII bytes or the ends.
    var text = s
    let (a, b) = text.withUTF8 { p -> (Int, Int) in
      var start = 0
      while true {
        while start < p.count, p[start] == 0x20 || p[start] == 0x09 || p[start] == 0x0A || p[start] == 0x0D { start += 1 }
        var end = start
        while end < p.count, p[end] != 0x0A && p[end] != 0x0D { end += 1 }
        var last = end
        while last > start, p[last - 1] == 0x20 || p[last - 1] == 0x09 { last -= 1 }
        if last > start || end == p.count { return (start, last) }
        start = end
      }
    }
    let u = s.utf8
    if a == 0 && b == u.count && u.count <= limit { return s }  // share, don't copy
    let start = u.index(u.startIndex, offsetBy: a)
    guard b - a > limit else { return String(s[start..<u.index(u.startIndex, offsetBy: b)]) }
    return String(s[start..<boundary(s, u.index(start, offsetBy: limit))]) + "…"
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
