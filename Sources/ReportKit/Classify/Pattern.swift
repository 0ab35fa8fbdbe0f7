import Foundation

/// A compiled, case-insensitive regular expression (ICU syntax), shared between threads.
final class Pattern: @unchecked Sendable, CustomStringConvertible {
  // NSRegularExpression is immutable after creation and safe to use from several threads.
  let source: String
  private let regex: NSRegularExpression

  /// Compiles `source`; throws with ICU's reason when it is not a valid expression.
  init(_ source: String) throws {
    self.source = source
    regex = try NSRegularExpression(pattern: source, options: [.caseInsensitive])
  }

  /// For built-in patterns, which a test compiles: a typo there is a programming error.
  init(builtIn source: String) {
    self.source = source
    do { regex = try NSRegularExpression(pattern: source, options: [.caseInsensitive]) } catch {
      preconditionFailure("built-in pattern does not compile: \(source)")
    }
  }

  var description: String { source }

  /// The first match: its text and the text of each capture group (nil when a group took no part).
  func firstMatch(in text: String) -> (whole: String, groups: [String?])? {
    let ns = text as NSString
    guard let m = regex.firstMatch(in: text, range: NSRange(location: 0, length: ns.length)) else { return nil }
    let groups = (0..<m.numberOfRanges).dropFirst().map { i -> String? in
      let r = m.range(at: i)
      return r.location == NSNotFound ? nil : ns.substring(with: r)
    }
    return (ns.substring(with: m.range), groups)
  }

  /// Every match, each as the text of its first capture group that took part.
  func allCaptures(in text: String) -> [String] {
    let ns = text as NSString
    return regex.matches(in: text, range: NSRange(location: 0, length: ns.length)).compactMap { m in
      for i in 1..<max(m.numberOfRanges, 1) where m.range(at: i).location != NSNotFound {
        return ns.substring(with: m.range(at: i))
      }
      return nil
    }
  }

  func matches(_ text: String) -> Bool { firstMatch(in: text) != nil }

  /// Every match, as the text of each of its capture groups (nil when a group took no part).
  func allMatches(in text: String) -> [[String?]] {
    let ns = text as NSString
    return regex.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { m in
      (1..<max(m.numberOfRanges, 1)).map { i in m.range(at: i).location == NSNotFound ? nil : ns.substring(with: m.range(at: i)) }
    }
  }
}
