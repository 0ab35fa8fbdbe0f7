/// A problem with one input that did not stop the build: printed as `path:line: warning: message`.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
  public var path: String
  public var line: Int?
  public var message: String

  public init(path: String, line: Int?, message: String) {
    self.path = path
    self.line = line
    self.message = message
  }

  public var description: String {
    if let line { return "\(path):\(line): warning: \(message)" }
    return "\(path): warning: \(message)"
  }
}
