import Testing

@testable import ReportKit

/// `Excerpt.line` reads the line's bounds from the bytes as the UTF-8 view walk it replaced did.
@Suite struct ExcerptTests {
  /// The walk by `String.UTF8View` indices that `Excerpt.line` was before.
  static func byIndices(_ s: String, limit: Int) -> String {
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
        if start == u.startIndex && last == u.endIndex && u.count <= limit { return s }
        guard u.distance(from: start, to: last) > limit else { return String(s[start..<last]) }
        var cut = u.index(start, offsetBy: limit)
        while cut > s.startIndex, s.index(cut, offsetBy: 0, limitedBy: s.endIndex).map({ $0.samePosition(in: s) == nil }) ?? false {
          cut = u.index(before: cut)
        }
        return String(s[start..<cut]) + "…"
      }
      start = end
    }
  }

  @Test func lineIsTheIndexWalks() {
    let pieces = [" ", "\t", "\n", "\r", "\r\n", "x", "abc", "é", "😀", "中文", "E   assert 1 == 2", "  ", "\n\n", "z"]
    var rng = DamagedInputTests.SplitMix(state: 67)
    for _ in 0..<20_000 {
      let text = (0..<Int(rng.next() % 10)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()
      for limit in [1, 3, 7, 300] {
        #expect(Excerpt.line(text, limit: limit) == Self.byIndices(text, limit: limit), "\(text.debugDescription) \(limit)")
      }
    }
  }
}
