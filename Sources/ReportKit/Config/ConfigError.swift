/// A problem in report.yml, with the file, line and key it concerns.
public struct ConfigError: Error, Sendable, CustomStringConvertible {
  public var path: String
  public var line: Int?
  public var key: String
  public var message: String

  public var description: String {
    "\(path)\(line.map { ":\($0)" } ?? ""): error: \(key.isEmpty ? "" : "\(key): ")\(message)"
  }
}
