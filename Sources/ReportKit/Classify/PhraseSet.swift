/// Finds which of many literal phrases occur in a text in one pass (Aho-Corasick over bytes).
///
/// Every rule's literal phrases go into one automaton, so classifying a failure reads its text
/// once instead of once per phrase per rule.
final class PhraseSet: Sendable {
  let phrases: [String]
  let ids: [String: Int]
  /// `next[state * 256 + byte]`: the full transition table, failure links folded in.
  private let next: [Int32]
  /// The phrases that end at each state (own and inherited through failure links).
  private let outputStart: [Int32]
  /// Flattened: state `s` owns `outputIDs[outputStart[s]..<outputStart[s + 1]]`.
  private let outputIDs: [Int32]

  init(_ list: [String]) {
    var unique: [String] = []
    var ids: [String: Int] = [:]
    for p in list where !p.isEmpty && ids[p] == nil {
      ids[p] = unique.count
      unique.append(p)
    }
    phrases = unique
    self.ids = ids
    var goto: [[Int32]] = [Array(repeating: -1, count: 256)]
    var out: [[Int32]] = [[]]
    for (id, p) in unique.enumerated() {
      var s = 0
      for b in p.utf8 {
        if goto[s][Int(b)] < 0 {
          goto[s][Int(b)] = Int32(goto.count)
          goto.append(Array(repeating: -1, count: 256))
          out.append([])
        }
        s = Int(goto[s][Int(b)])
      }
      out[s].append(Int32(id))
    }
    // Breadth-first: failure links, then fold them into a complete table.
    var fail = Array(repeating: 0, count: goto.count)
    var queue: [Int] = []
    for b in 0..<256 {
      if goto[0][b] < 0 { goto[0][b] = 0 } else { queue.append(Int(goto[0][b])) }
    }
    var head = 0
    while head < queue.count {
      let s = queue[head]
      head += 1
      out[s] += out[fail[s]]
      for b in 0..<256 {
        let t = goto[s][b]
        if t < 0 {
          goto[s][b] = goto[fail[s]][b]
        } else {
          fail[Int(t)] = Int(goto[fail[s]][b])
          queue.append(Int(t))
        }
      }
    }
    next = goto.flatMap { $0 }
    var start: [Int32] = [0]
    var total: Int32 = 0
    for o in out {
      total += Int32(o.count)
      start.append(total)
    }
    outputStart = start
    outputIDs = out.flatMap { $0 }
  }

  /// The ids of the phrases found in `text` (which the caller has lower-cased).
  func find(in text: String) -> Found {
    var found = Found(count: phrases.count)
    var s = 0
    for b in text.utf8 {
      s = Int(next[s &* 256 &+ Int(b)])
      var k = Int(outputStart[s])
      let end = Int(outputStart[s + 1])
      while k < end {
        found.insert(Int(outputIDs[k]))
        k += 1
      }
    }
    return found
  }

  /// A set of phrase ids, as bits.
  struct Found: Sendable {
    private var bits: [UInt64]
    init(count: Int) { bits = Array(repeating: 0, count: (count + 63) / 64) }
    mutating func insert(_ i: Int) { bits[i >> 6] |= 1 << UInt64(i & 63) }
    func contains(_ i: Int) -> Bool { bits[i >> 6] & (1 << UInt64(i & 63)) != 0 }
  }
}
