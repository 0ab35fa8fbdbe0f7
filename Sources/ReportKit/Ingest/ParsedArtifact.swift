/// What one parser read from one file, before the run is assembled.
struct ParsedArtifact {
  var path: String
  var format: InputFormat
  var tests: [TestResult] = []
  var requests: [HTTPExchange] = []
  var warnings: [Diagnostic] = []
}
