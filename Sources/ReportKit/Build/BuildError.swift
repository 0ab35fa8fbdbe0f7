/// Errors that stop a build before any file is written.
public enum BuildError: Error, CustomStringConvertible {
  case noReadableInput([Diagnostic])
  case cannotWrite(String)

  public var description: String {
    switch self {
    case .noReadableInput: "no readable input: no file held a pytest log, JUnit XML or curl trace"
    case .cannotWrite(let why): "cannot write the report: \(why)"
    }
  }
}
