/// Distinct strings as ids in the order first seen, canonically equal ones one (as a
/// `Set<String>` holds them): request groups and endpoints key their parts by these numbers, each
/// string hashed once.
struct StringIDs {
  private var ids: [String: Int] = [:]
  /// Each id's string, as first seen.
  private(set) var names: [String] = []

  mutating func id(_ s: String) -> Int {
    if let id = ids[s] { return id }
    ids[s] = names.count
    names.append(s)
    return names.count - 1
  }
}
