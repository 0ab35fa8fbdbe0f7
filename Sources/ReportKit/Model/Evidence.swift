/// A line of an input artifact that proves a claim: the file, the 1-based line and its text.
public struct Evidence: Sendable, Hashable, Comparable {
  public var path: String
  public var line: Int
  public var text: String

  public init(path: String, line: Int, text: String) {
    self.path = path
    self.line = line
    self.text = text
  }

  public static func < (a: Evidence, b: Evidence) -> Bool {
    (a.path, a.line, a.text) < (b.path, b.line, b.text)
  }
}
