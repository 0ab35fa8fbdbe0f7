/// The tests of a record, read in place from the run or the decoded report.json: a store asks
/// for each by index while it writes, and no row is built for the whole run at once.
enum HistoryTests: Sendable {
  case run(Run, Findings)
  case document([ReportSchema.Test])

  /// One test as it is stored: its id in two parts (a run's shared prefix and the name, joined
  /// only when written), its outcome and, for a failure, its cluster and category.
  struct Row {
    var prefix: String
    var name: Substring
    var status: TestStatus
    /// Seconds, rounded as report.json rounds them.
    var duration: Double?
    var cluster: String?
    var category: String?

    /// The id's key: FNV-1a 64 over its UTF-8 bytes, as a signed integer (both stores' BIGINT).
    var key: Int64 { HistoryTests.key(prefix, name) }
    var id: String { prefix + name }
  }

  var count: Int {
    switch self {
    case .run(let run, _): run.tests.count
    case .document(let tests): tests.count
    }
  }

  subscript(i: Int) -> Row {
    switch self {
    case .run(let run, let findings):
      let t = run.tests[i]
      var row = Row(
        prefix: t.idPrefix, name: t.nameSlice, status: t.status, duration: t.durationSeconds.map { JSONWriter.rounded($0, 6) })
      if t.status.isFailure, let c = findings.classifications[i] {
        row.category = c.category.rawValue
        row.cluster = findings.clusterOf[i].map { findings.clusters[$0].id }
      }
      return row
    case .document(let tests):
      let t = tests[i]
      return Row(
        prefix: t.id, name: "", status: TestStatus(rawValue: t.status) ?? .error, duration: t.duration_s, cluster: t.cluster,
        category: t.category)
    }
  }

  /// Calls `body` with each test's index, key, status and duration (rounded as report.json
  /// rounds it), in test order, building nothing per test. Tests of one class share their prefix
  /// (one interned string): its hash is taken once and carried on into each name.
  func forEach(_ body: (Int, Int64, TestStatus, Double?) throws -> Void) rethrows {
    switch self {
    case .run(let run, _):
      var lastPrefix = ""
      var prefixHash = Self.basis
      for i in run.tests.indices {
        let prefix = run.tests[i].idPrefix
        if prefix != lastPrefix || i == 0 {
          lastPrefix = prefix
          prefixHash = Self.fnv(Self.basis, prefix[...])
        }
        let key = Int64(bitPattern: Self.fnv(prefixHash, run.tests[i].nameSlice))
        try body(i, key, run.tests[i].status, run.tests[i].durationSeconds.map { JSONWriter.rounded($0, 6) })
      }
    case .document(let tests):
      for (i, t) in tests.enumerated() {
        try body(i, Self.key(t.id, ""), TestStatus(rawValue: t.status) ?? .error, t.duration_s)
      }
    }
  }

  /// The indices of the tests whose keys are in `buckets`, in the order of their keys, near
  /// enough: sorted by the key's top 40 bits, the index packed in the low 24 (8 bytes a test),
  /// so that ids go into a B-tree keyed by test key without splitting its pages at random.
  /// More than 2^24 tests: test order.
  func indicesByKey(in buckets: Set<Int>) -> [UInt64] {
    var packed: [UInt64] = []
    forEach { i, key, _, _ in
      guard buckets.contains(NameBuckets.bucket(key)) else { return }
      // The sign bit flipped: unsigned order of the packed values is the signed order of the keys.
      packed.append(count < 1 << 24 ? (UInt64(bitPattern: key) ^ 1 << 63) & ~0xFF_FFFF | UInt64(i) : UInt64(i))
    }
    guard count < 1 << 24 else { return packed }
    packed.sort()
    for j in packed.indices { packed[j] &= 0xFF_FFFF }  // in place: no second array of a million
    return packed
  }

  /// Appends test `i`'s id to `bytes`, from its two parts.
  func appendID(_ i: Int, to bytes: inout [UInt8]) {
    switch self {
    case .run(let run, _):
      bytes.append(contentsOf: run.tests[i].idPrefix.utf8)
      bytes.append(contentsOf: run.tests[i].nameSlice.utf8)
    case .document(let tests): bytes.append(contentsOf: tests[i].id.utf8)
    }
  }

  /// FNV-1a 64 over `prefix` then `name`: the key of the id they make, without joining them.
  /// Two ids share a key with odds of about 1 in 3·10^7 for a run of a million tests.
  static func key(_ prefix: String, _ name: Substring) -> Int64 {
    Int64(bitPattern: fnv(fnv(basis, prefix[...]), name))
  }

  static let basis: UInt64 = 0xcbf2_9ce4_8422_2325

  static func fnv(_ start: UInt64, _ text: Substring) -> UInt64 {
    var h = start
    var text = text
    text.withUTF8 { bytes in
      for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
    }
    return h
  }
}
