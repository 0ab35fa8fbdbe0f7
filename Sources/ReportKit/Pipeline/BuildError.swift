/// Errors that stop a build before any file is written.
public enum BuildError: Error, CustomStringConvertible {
  case noReadableInput([Diagnostic])
  case cannotWrite(String)
  /// `--baseline` named neither a logs folder nor a report.json.
  case badBaseline(String)

  public var description: String {
    switch self {
    case .noReadableInput: "no readable input: no file held a pytest log, JUnit XML, CTRF report or curl trace"
    case .cannotWrite(let why): "cannot write the report: \(why)"
    case .badBaseline(let why): "bad baseline: \(why)"
    }
  }
}
