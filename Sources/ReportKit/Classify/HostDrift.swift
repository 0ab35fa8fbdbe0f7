/// Groups the host names a run used and reports near-duplicates for the same service
/// (`api.staging.example.com` vs `api-staging.example.com`): a routing finding.
struct HostDrift {
  /// Where each host name was first seen.
  private var firstSeen: [String: Evidence] = [:]
  private var order: [String] = []
  /// Every spelling added so far, as given: one seen again (most are) is settled without
  /// lower-casing it again (every request of a curl run and every failure's hosts come here).
  private var given: Set<String> = []

  /// Notes `host` where `evidence` shows it (asked only for a spelling not seen before; a host
  /// without evidence is not noted).
  mutating func add(host: String, evidence: @autoclosure () -> Evidence?) {
    guard !given.contains(host), let evidence = evidence() else { return }
    given.insert(host)
    let h = host.lowercased()
    // A spelling new in its case only is settled by the table.
    guard !h.isEmpty, firstSeen[h] == nil, !Self.isAddress(h) else { return }
    firstSeen[h] = evidence
    order.append(h)
  }

  /// Every host seen, in first-seen order.
  var hosts: [String] { order }

  /// One finding per group of spellings that look like one service.
  func findings() -> [Suspicion] {
    var groups: [[String]] = []
    var placed = Set<String>()
    let shapes = order.map(Shape.init)
    for (i, a) in shapes.enumerated() where !placed.contains(a.host) {
      var group = [a.host]
      for b in shapes[(i + 1)...] where !placed.contains(b.host) && a.isNearDuplicate(of: b) { group.append(b.host) }
      guard group.count > 1 else { continue }
      placed.formUnion(group)
      groups.append(group)
    }
    return groups.map { g in
      Suspicion(
        kind: .hostDrift, category: .routing,
        summary: "Host names that look like one service are spelled \(g.count) ways: \(g.map { "'\($0)'" }.joined(separator: ", ")). "
          + "Check which one the environment serves; the others are configuration drift.",
        tests: [], evidence: g.compactMap { firstSeen[$0] }, hosts: g)
    }
  }

  /// Equal once `.`, `-` and `_` are ignored, or one letter apart (a digit apart is sharding, not drift).
  static func nearDuplicates(_ a: String, _ b: String) -> Bool { Shape(a).isNearDuplicate(of: Shape(b)) }

  /// A host name prepared once for pairwise comparison.
  private struct Shape {
    let host: String
    let stripped: String
    let chars: [Character]

    init(_ host: String) {
      self.host = host
      stripped = host.filter { $0 != "." && $0 != "-" && $0 != "_" }
      chars = Array(host)
    }

    func isNearDuplicate(of other: Shape) -> Bool {
      if stripped == other.stripped { return true }
      guard chars.count >= 8, other.chars.count >= 8, abs(chars.count - other.chars.count) <= 1 else { return false }
      return HostDrift.oneLetterApart(chars, other.chars)
    }
  }

  fileprivate static func oneLetterApart(_ a: [Character], _ b: [Character]) -> Bool {
    if abs(a.count - b.count) > 1 { return false }
    var i = 0
    while i < min(a.count, b.count) && a[i] == b[i] { i += 1 }
    var j = 0
    while j < min(a.count, b.count) - i && a[a.count - 1 - j] == b[b.count - 1 - j] { j += 1 }
    let da = a[i..<(a.count - j)]
    let db = b[i..<(b.count - j)]
    guard da.count <= 1 && db.count <= 1 && da.count + db.count >= 1 else { return false }
    return !(da + db).contains { $0.isNumber || $0 == "." }
  }

  private static func isAddress(_ h: String) -> Bool {
    h == "localhost" || h.containsCharacters(":") || h.allSatisfy { $0.isNumber || $0 == "." }
  }
}
