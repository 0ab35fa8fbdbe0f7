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
  /// The last few groups handed out, `last` first (a group found further on trades places with
  /// it): a file's module-level tests and its classes interleave (pytest runs them in the order
  /// they are defined).
  private var recent: [TestGroup] = []
  private static let recentCount = 16

  /// A group handed out lately with this prefix and suite (interleaved classes of one file).
  mutating func recent(prefix: String, suite: String) -> TestGroup? {
    recent { $0.idPrefix == prefix && $0.suite == suite }
  }

  /// A group handed out lately whose prefix is these bytes, for readers whose suite is a
  /// function of the prefix (pytest's node ids): the suite need not be made to be compared.
  mutating func recent(matchingPrefix prefix: Substring) -> TestGroup? {
    recent { $0.idPrefix.utf8Equals(prefix) }
  }

  /// The first of `recent` that `matches` (`last` is asked first: it is the first of them); one
  /// found further on trades places with the first.
  private mutating func recent(where matches: (TestGroup) -> Bool) -> TestGroup? {
    if let last, matches(last) { return last }
    for k in recent.indices.dropFirst() where matches(recent[k]) {
      recent.swapAt(0, k)
      last = recent[0]
      return recent[0]
    }
    return nil
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
    if recent.first !== group {
      recent.removeAll { $0 === group }
      recent.insert(group, at: 0)
      if recent.count > Self.recentCount { recent.removeLast() }
    }
    return group
  }
}
