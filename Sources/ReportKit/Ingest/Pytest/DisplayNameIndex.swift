/// Test positions by the name pytest titles their blocks with (`T.t[p]`), for matching blocks to
/// tests: one array of hashes sorted once, not a dictionary of strings and arrays (with 85k
/// failures that dictionary was ~20 MB at the moment the log's memory peaks).
struct DisplayNameIndex {
  /// Sorted by hash, then position: a name's positions come out in test order.
  private var entries: [(hash: Int, position: Int32)] = []
  /// Positions added while blocks were matched (tests the blocks named first), by name.
  private var added: [String: [Int]] = [:]

  /// Indexes `positions` under the names `name` gives them.
  init(positions: some Sequence<Int>, name: (Int) -> String) {
    entries = positions.map { (Self.hash(name($0)), Int32($0)) }
    entries.sort { $0.hash != $1.hash ? $0.hash < $1.hash : $0.position < $1.position }
  }

  /// Every position named `title`, in test order, then those added under it.
  func positions(of title: String, name: (Int) -> String) -> [Int] {
    let h = Self.hash(title)
    var lo = entries.partitionPoint { $0.hash < h }
    var out: [Int] = []
    while lo < entries.count && entries[lo].hash == h {
      let p = Int(entries[lo].position)
      if name(p) == title { out.append(p) }  // the same hash, another name: not this one
      lo += 1
    }
    return out + (added[title] ?? [])
  }

  mutating func add(_ position: Int, title: String) { added[title, default: []].append(position) }

  private static func hash(_ s: String) -> Int {
    var h = Hasher()
    h.combine(s)
    return h.finalize()
  }
}
