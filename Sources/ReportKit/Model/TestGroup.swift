/// The id prefix and suite that the tests of one class or file share, held once for all of them.
///
/// A test keeps one reference to its group instead of two strings: a million tests take 24 MB
/// less (`TestResult` was 48 bytes, not 72; 40 since its name is held by one reference). Readers hand out shared groups (`GroupInterner`).
final class TestGroup: Sendable {
  /// The id up to and including the last `::` (`tests/test_api.py::TestUsers::`).
  let idPrefix: String
  /// The suite or class the tool reported.
  let suite: String

  init(idPrefix: String, suite: String) {
    self.idPrefix = idPrefix
    self.suite = suite
  }
}

/// Hands out one `TestGroup` per distinct prefix and suite, so tests of one class share it.
struct GroupInterner {
  private struct Key: Hashable {
    let prefix: String
    let suite: String
  }
  private var table: [Key: TestGroup] = [:]
  private var last: TestGroup?

  /// The last group handed out, when its prefix and suite are these bytes: the common case
  /// (tests of one class come together) needs no string made, interned or hashed.
  func last(matching prefix: Substring, _ suite: Substring) -> TestGroup? {
    guard let last, last.idPrefix.utf8Equals(prefix), last.suite.utf8Equals(suite) else { return nil }
    return last
  }

  /// The shared group of `prefix` and `suite`.
  mutating func callAsFunction(_ prefix: String, _ suite: String) -> TestGroup {
    // Consecutive tests of one class hand in the same (interned) strings: compared without hashing.
    if let last, last.idPrefix == prefix, last.suite == suite { return last }
    let key = Key(prefix: prefix, suite: suite)
    let group: TestGroup
    if let known = table[key] {
      group = known
    } else {
      if table.count > 200_000 { table.removeAll(keepingCapacity: true) }  // bound the table itself
      group = TestGroup(idPrefix: prefix, suite: suite)
      table[key] = group
    }
    last = group
    return group
  }
}
