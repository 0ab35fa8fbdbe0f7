import Foundation

/// pytest's final line, `==== 9 failed, 178 passed, 1 error in 118.21s (0:01:58) ====`, as counts.
struct PytestSummary: Equatable {
  var counts: [String: Int] = [:]
  var seconds: Double?
  var line: Int

  /// Parses a separator title; nil when it is not a final summary.
  init?(title: String, line: Int) {
    self.line = line
    guard
      let inRange = title.range(of: " in ", options: .backwards)
        ?? (title.hasPrefix("no tests ran") ? title.range(of: "no tests ran") : nil)
    else { return nil }
    let head = title[..<inRange.lowerBound]
    var tail = title[inRange.upperBound...]
    if let space = tail.firstIndex(of: " ") { tail = tail[..<space] }
    if tail.hasSuffix("s") { seconds = Double(tail.dropLast()) }
    if head.hasPrefix("no tests ran") || title.hasPrefix("no tests ran") { return }
    for part in head.split(separator: ",") {
      let words = part.split(separator: " ")
      guard words.count == 2, let n = Int(words[0]) else { return nil }
      counts[Self.canonical(String(words[1])), default: 0] += n
    }
    guard !counts.isEmpty, seconds != nil else { return nil }
  }

  /// `errors` → `error`, `warnings` → `warning`, the rest as pytest writes them.
  static func canonical(_ word: String) -> String {
    switch word {
    case "errors": "error"
    case "warnings": "warning"
    case "reruns": "rerun"
    default: word
    }
  }

  /// The count pytest reports for an outcome.
  func count(_ status: TestStatus) -> Int {
    switch status {
    case .passed: counts["passed"] ?? 0
    case .failed: counts["failed"] ?? 0
    case .error: counts["error"] ?? 0
    case .skipped: counts["skipped"] ?? 0
    case .xfailed: counts["xfailed"] ?? 0
    case .xpassed: counts["xpassed"] ?? 0
    case .flaky: 0
    }
  }
}
