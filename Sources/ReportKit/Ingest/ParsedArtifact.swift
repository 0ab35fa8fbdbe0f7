/// What one parser read from one file, before the run is assembled.
struct ParsedArtifact {
  var path: String
  var format: InputFormat
  var tests: [TestResult] = []
  /// The key hash of each test, computed where the test was made (on a parse thread), or empty.
  var hashes: [Int] = []
  var requests: [HTTPExchange] = []
  var warnings: [Diagnostic] = []
  var environment: Evidence?
  /// Lines that say how the tool ran (pytest's header, a JUnit suite's timestamp and host).
  var setup: [Evidence] = []
}
