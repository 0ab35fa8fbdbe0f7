import Foundation

/// A compiled, case-insensitive regular expression (ICU syntax), shared between threads.
final class Pattern: @unchecked Sendable, CustomStringConvertible {
  // NSRegularExpression is immutable after creation and safe to use from several threads.
  let source: String
  private let regex: NSRegularExpression
  /// Literal words of which every match holds one (lower-case ASCII, any case in the text):
  /// ASCII text holding none of them cannot match and is not handed to ICU. Empty: no such list.
  let required: [String]
  /// A shape of bytes the matches that hold none of the `required` words have (every match, when
  /// there are none): ASCII text with neither is not handed to ICU either.
  let shape: (@Sendable (UnsafeBufferPointer<UInt8>) -> Bool)?
  /// A byte scanner that finds in ASCII text the capture of each match `allCaptures` gives (see
  /// `SignalScanners`): that text is not handed to ICU for them.
  let asciiCaptures: (@Sendable (UnsafeBufferPointer<UInt8>) -> [Range<Int>])?

  /// Compiles `source`; throws with ICU's reason when it is not a valid expression.
  init(_ source: String) throws {
    self.source = source
    required = []
    shape = nil
    asciiCaptures = nil
    regex = try NSRegularExpression(pattern: source, options: [.caseInsensitive])
  }

  /// For built-in patterns, which a test compiles: a typo there is a programming error.
  init(
    builtIn source: String, requiring required: [String] = [], orShape shape: (@Sendable (UnsafeBufferPointer<UInt8>) -> Bool)? = nil,
    asciiCaptures: (@Sendable (UnsafeBufferPointer<UInt8>) -> [Range<Int>])? = nil
  ) {
    self.source = source
    self.required = required
    self.shape = shape
    self.asciiCaptures = asciiCaptures
    do { regex = try NSRegularExpression(pattern: source, options: [.caseInsensitive]) } catch {
      preconditionFailure("built-in pattern does not compile: \(source)")
    }
  }

  var description: String { source }

  /// The text ready to be matched, or nil when `required` rules a match out: ASCII text (read
  /// once, for both) that holds none of its words.
  private func prepared(_ text: String) -> Cutter? {
    let cutter = Cutter(text)
    if cutter.ns == nil && (!required.isEmpty || shape != nil) && !required.contains(where: text.containsIgnoringASCIICase) {
      guard let shape else { return nil }
      if !text.withUTF8Bytes(shape) { return nil }
    }
    return cutter
  }

  /// The first match: its text and the text of each capture group (nil when a group took no part).
  func firstMatch(in text: String) -> (whole: String, groups: [String?])? {
    guard let cutter = prepared(text), let m = regex.firstMatch(in: text, range: NSRange(location: 0, length: cutter.length)) else {
      return nil
    }
    let groups = (0..<m.numberOfRanges).dropFirst().map { cutter.cut(m.range(at: $0)) }
    return (cutter.cut(m.range) ?? "", groups)
  }

  /// Every match, each as the text of its first capture group that took part.
  func allCaptures(in text: String) -> [String] {
    if let asciiCaptures {
      var text = text
      let found = text.withUTF8 { p in
        p.isASCII ? asciiCaptures(p).map { String(decoding: UnsafeBufferPointer(rebasing: p[$0]), as: UTF8.self) } : nil
      }
      if let found { return found }
    }
    guard let cutter = prepared(text) else { return [] }
    return regex.matches(in: text, range: NSRange(location: 0, length: cutter.length)).compactMap { m in
      for i in 1..<max(m.numberOfRanges, 1) where m.range(at: i).location != NSNotFound {
        return cutter.cut(m.range(at: i))
      }
      return nil
    }
  }

  func matches(_ text: String) -> Bool {
    guard let cutter = prepared(text) else { return false }
    return regex.firstMatch(in: text, range: NSRange(location: 0, length: cutter.length)) != nil
  }

  /// Every match, as the text of each of its capture groups (nil when a group took no part).
  func allMatches(in text: String) -> [[String?]] {
    guard let cutter = prepared(text) else { return [] }
    return regex.matches(in: text, range: NSRange(location: 0, length: cutter.length)).map { m in
      (1..<max(m.numberOfRanges, 1)).map { cutter.cut(m.range(at: $0)) }
    }
  }

  /// Cuts match ranges (UTF-16 offsets) out of a text: from its UTF-8 bytes when it is ASCII,
  /// where the offsets are the same, else through NSString (which maps the offsets on each cut:
  /// a third of a match's cost on ASCII text).
  private struct Cutter {
    let text: String
    /// The text as NSString, made only when it is not ASCII.
    let ns: NSString?

    init(_ text: String) {
      self.text = text
      ns = text.utf8IsASCII ? nil : text as NSString
    }

    /// The text's length in UTF-16 code units.
    var length: Int { ns?.length ?? text.utf8.count }

    /// The text of `r`; nil for a group that took no part.
    func cut(_ r: NSRange) -> String? {
      guard r.location != NSNotFound else { return nil }
      if let ns { return ns.substring(with: r) }
      var t = text
      return t.withUTF8 { String(decoding: UnsafeBufferPointer(rebasing: $0[r.location..<(r.location + r.length)]), as: UTF8.self) }
    }
  }
}
