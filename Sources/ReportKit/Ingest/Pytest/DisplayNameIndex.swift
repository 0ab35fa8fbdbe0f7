import Foundation

/// Test positions by the name pytest titles their blocks with (`T.t[p]`), for matching blocks to
/// tests: one array of hashes sorted once, not a dictionary of strings and arrays (with 85k
/// failures that dictionary was ~20 MB at the moment the log's memory peaks).
struct DisplayNameIndex {
  /// Sorted by hash, then position: a name's positions come out in test order.
  private var entries: [(hash: Int, position: Int32)] = []
  /// Positions added while blocks were matched (tests the blocks named first), by name.
  private var added: [String: [Int]] = [:]

  /// Indexes `positions` under the names `name` gives them, on this thread (the reference the
  /// tests hold the index made on several threads to).
  init(positions: some Sequence<Int>, name: (Int) -> String) {
    entries = positions.map { (Self.hash(name($0)), Int32($0)) }
    entries.sort(by: Self.inOrder)
  }

  /// Indexes the positions of `0..<count` that `include` takes, under the names `name` gives
  /// them, the names made and hashed on `workers` threads (each over its own part of the range).
  /// The index is the one `init(positions:name:)` makes of the same positions.
  init(count: Int, workers: Int, include: @Sendable (Int) -> Bool, name: @Sendable (Int) -> String) {
    let parts = Concurrently.results(workers) { w in
      var part: [(hash: Int, position: Int32)] = []
      for p in Concurrently.part(w, of: workers, in: count) where include(p) { part.append((Self.hash(name(p)), Int32(p))) }
      return part
    }
    entries = Array(parts.joined())
    entries.sort(by: Self.inOrder)
  }

  private static func inOrder(_ a: (hash: Int, position: Int32), _ b: (hash: Int, position: Int32)) -> Bool {
    a.hash != b.hash ? a.hash < b.hash : a.position < b.position
  }

  /// Every position named `title`, in test order, then those added under it.
  func positions(of title: String, name: (Int) -> String) -> [Int] {
    let indexed = indexedPositions(of: title, name: name)
    guard let more = added[title] else { return indexed }
    return indexed + more
  }

  /// The positions the index was made with that are named `title`, in test order (without
  /// those added since): they never change, so they can be asked on any thread.
  func indexedPositions(of title: String, name: (Int) -> String) -> [Int] {
    let h = Self.hash(title)
    var lo = entries.partitionPoint { $0.hash < h }
    var out: [Int] = []
    while lo < entries.count && entries[lo].hash == h {
      let p = Int(entries[lo].position)
      if name(p) == title { out.append(p) }  // the same hash, another name: not this one
      lo += 1
    }
    return out
  }

  mutating func add(_ position: Int, title: String) { added[title, default: []].append(position) }

  private static func hash(_ s: String) -> Int {
    var h = Hasher()
    h.combine(s)
    return h.finalize()
  }
}
