import Foundation

/// What report/3 leaves out because a reader can work it out again (docs/report-json.md): the
/// writer leaves a field out only when these give back exactly its value, and the reader calls
/// the same functions, so the file is lossless by construction.
extension ReportSchema {
  /// A test's name from its id: the part after the last `::` outside brackets (`t[x::y]` of
  /// `a.py::T::t[x::y]`); the whole id when it has none.
  static func derivedName(id: String) -> String { String(TestID.split(id).name) }

  /// Whether `name == derivedName(id: id)`, without making the derived name: bytes first (the
  /// writer asks it of every listed test), then as Strings compare when the bytes differ.
  static func isDerivedName(_ name: String, id: String) -> Bool {
    let derived = TestID.split(id).name
    return name.utf8Equals(derived) || name == derived
  }

  /// A test's suite from its id, as JUnit's classname reads: `tests/a.py::T::t` → `tests.a.T`
  /// (pytest's module path, dotted); `com.x.ATest::t` → `com.x.ATest`. Nil for an id without
  /// `::`.
  static func derivedSuite(id: String) -> String? {
    withDerivedSuite(id: id) { $0.map { String(decoding: $0, as: UTF8.self) } }
  }

  /// Whether `suite == derivedSuite(id: id)`, without making the derived suite: bytes first,
  /// then as Strings compare when the bytes differ.
  static func isDerivedSuite(_ suite: String?, id: String) -> Bool {
    withDerivedSuite(id: id) { derived in
      guard let derived, let suite else { return derived == nil && suite == nil }
      return suite.utf8Equals(derived) || suite == String(decoding: derived, as: UTF8.self)
    }
  }

  /// `body` with the bytes of `derivedSuite(id:)` (nil for none), made in place: the owner's
  /// own bytes when they are the suite, else a temporary buffer.
  private static func withDerivedSuite<R>(id: String, _ body: (UnsafeBufferPointer<UInt8>?) -> R) -> R {
    var prefix = TestID.split(id).prefix
    return prefix.withUTF8 { p -> R in
      guard p.count >= 2, p[p.count - 1] == colon, p[p.count - 2] == colon else { return body(nil) }
      let owner = UnsafeBufferPointer(rebasing: p[..<(p.count - 2)])
      var file = 0  // the first part's end: the first `::`
      while file < owner.count && !(owner[file] == colon && file + 1 < owner.count && owner[file + 1] == colon) { file += 1 }
      guard file >= 3, owner[file - 3] == dot, owner[file - 2] == UInt8(ascii: "p"), owner[file - 1] == UInt8(ascii: "y") else {
        return body(owner)
      }
      return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: owner.count) { out in
        var n = 0
        for c in owner[..<(file - 3)] {
          out[n] = c == UInt8(ascii: "/") ? dot : c
          n += 1
        }
        var k = file
        while k < owner.count {  // each further `::` becomes a dot
          if owner[k] == colon && k + 1 < owner.count && owner[k + 1] == colon {
            out[n] = dot
            k += 2
          } else {
            out[n] = owner[k]
            k += 1
          }
          n += 1
        }
        return body(UnsafeBufferPointer(rebasing: out[..<n]))
      }
    }
  }

  /// A failure's message from its detail. Where the detail has pytest's `E` lines (the
  /// exception as pytest shows it under the failing line), their text without the `E` and the
  /// indentation they share, joined by newlines; otherwise the detail's first line, without
  /// `exception_type: ` in front. Nil without a detail.
  /// Lines end at each `\n` byte (a `\r` before it stays on the line).
  static func derivedMessage(detail: String?, exceptionType: String?) -> String? {
    guard var detail else { return nil }
    return detail.withUTF8 { d in
      var marked: [Range<Int>] = []  // each `E` line without its `E`
      var firstEnd = d.count
      var start = 0
      while start <= d.count {
        // Each line's end found by memchr (report.json's thread reads every failure's detail).
        let end =
          d.baseAddress.flatMap { base in
            memchr(base + start, Int32(newline), d.count - start).map { UnsafeRawPointer(base).distance(to: UnsafeRawPointer($0)) }
          } ?? d.count
        if start == 0 { firstEnd = end }
        if end > start && d[start] == UInt8(ascii: "E") && (end == start + 1 || d[start + 1] == space) { marked.append(start + 1..<end) }
        start = end + 1
      }
      guard marked.isEmpty else {
        func spaces(_ r: Range<Int>) -> Int { r.prefix { d[$0] == space }.count }
        let indent = marked.filter { spaces($0) < $0.count }.map(spaces).min() ?? 0
        var out: [UInt8] = []
        for (k, r) in marked.enumerated() {
          if k > 0 { out.append(newline) }
          out.append(contentsOf: d[(r.lowerBound + min(indent, spaces(r)))..<r.upperBound])
        }
        return String(decoding: out, as: UTF8.self)
      }
      var first = UnsafeBufferPointer(rebasing: d[..<firstEnd])
      if var type = exceptionType {
        let n = type.withUTF8 { t in
          t.count + 2 <= first.count && first[t.count] == colon && first[t.count + 1] == space
            && t.elementsEqual(first[..<t.count]) ? t.count + 2 : 0
        }
        first = UnsafeBufferPointer(rebasing: first[n...])
      }
      return String(decoding: first, as: UTF8.self)
    }
  }

  private static let colon = UInt8(ascii: ":")
  private static let dot = UInt8(ascii: ".")
  private static let space = UInt8(ascii: " ")
  private static let newline = UInt8(ascii: "\n")

  /// The path of a list of one (a run's only input, a test's only source): report/3 leaves it
  /// out of the evidence that names it. Nil for none or several.
  static func sole(_ paths: [String]) -> String? { paths.count == 1 ? paths[0] : nil }

  /// The sources of a test that lists none in report/3: the run's only input, or none.
  static func defaultSources(inputs: [String]) -> [String] { inputs.count == 1 ? inputs : [] }

  /// How many leading bytes of `b` report/3's `passed` may take from `a` (the previous group's
  /// prefix), counted in code points for readers: the bytes both share, cut back to a whole
  /// character and to before any character beyond U+FFFF (one code point but two UTF-16 units:
  /// JavaScript and jq would count it apart). Returns (bytes, code points).
  static func sharedLead(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> (bytes: Int, codePoints: Int) {
    var n = 0
    let limit = min(a.count, b.count)
    while n < limit && a[n] == b[n] { n += 1 }
    while n > 0 && n < b.count && b[n] & 0xC0 == 0x80 { n -= 1 }  // not inside a character
    var points = 0
    var k = 0
    while k < n {
      if b[k] >= 0xF0 { return (k, points) }  // a four-byte character: stop before it
      if b[k] & 0xC0 != 0x80 { points += 1 }
      k += 1
    }
    return (n, points)
  }
}
