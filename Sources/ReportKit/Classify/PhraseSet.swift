/// Finds which of many literal phrases occur in a text in one pass (Aho-Corasick over bytes).
///
/// Every rule's literal phrases go into one automaton, so classifying a failure reads its text
/// once instead of once per phrase per rule.
final class PhraseSet: Sendable {
  let phrases: [String]
  let ids: [String: Int]
  /// The class of each byte: bytes that occur in some phrase have one each, every other byte
  /// shares class 0 (it leads every state back to the root alike).
  private let classOf: [Int32]
  /// `classOf` with `A`-`Z` in the classes of `a`-`z` (`find(inLowercasing:)`).
  private let foldedClassOf: [Int32]
  /// How many classes there are: the width of a state's row in `next`.
  private let width: Int
  /// `next[state * width + class]`: the full transition table, failure links folded in. A row
  /// per state of the byte classes the phrases use, not of all 256 bytes: the built-in rules'
  /// automaton is 1 MiB instead of 8.
  private let next: [Int32]
  /// The phrases that end at each state (own and inherited through failure links).
  private let outputStart: [Int32]
  /// Flattened: state `s` owns `outputIDs[outputStart[s]..<outputStart[s + 1]]`.
  private let outputIDs: [Int32]

  /// The ids of each group of phrases given to `init` (asked together: any of them found).
  let groups: [[Int]]

  /// `groups`: lists of phrases asked as one (each also joins the set, after `list`).
  init(_ list: [String], groups: [[String]] = []) {
    var unique: [String] = []
    var ids: [String: Int] = [:]
    for p in list + groups.joined() where !p.isEmpty && ids[p] == nil {
      ids[p] = unique.count
      unique.append(p)
    }
    phrases = unique
    self.ids = ids
    self.groups = groups.map { $0.compactMap { ids[$0] } }
    var classOf = [Int32](repeating: 0, count: 256)
    var width = 1
    for p in unique {
      for b in p.utf8 where classOf[Int(b)] == 0 {
        classOf[Int(b)] = Int32(width)
        width += 1
      }
    }
    self.classOf = classOf
    foldedClassOf = (0..<256).map { classOf[Int(UInt8($0).lowercasedASCII)] }
    self.width = width
    // The trie, one row of `width` per state (-1: no edge yet).
    var goto = [Int32](repeating: -1, count: width)
    var out: [[Int32]] = [[]]
    for (id, p) in unique.enumerated() {
      var s = 0
      for b in p.utf8 {
        let edge = s * width + Int(classOf[Int(b)])
        if goto[edge] < 0 {
          goto[edge] = Int32(out.count)
          goto += repeatElement(-1, count: width)
          out.append([])
        }
        s = Int(goto[edge])
      }
      out[s].append(Int32(id))
    }
    // Breadth-first: failure links, then fold them into a complete table.
    var fail = Array(repeating: 0, count: out.count)
    var queue: [Int] = []
    for c in 0..<width {
      if goto[c] < 0 { goto[c] = 0 } else { queue.append(Int(goto[c])) }
    }
    var head = 0
    while head < queue.count {
      let s = queue[head]
      head += 1
      out[s] += out[fail[s]]
      for c in 0..<width {
        let t = goto[s * width + c]
        if t < 0 {
          goto[s * width + c] = goto[fail[s] * width + c]
        } else {
          fail[Int(t)] = Int(goto[fail[s] * width + c])
          queue.append(Int(t))
        }
      }
    }
    next = goto
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
  func find(in text: String) -> Found { scan(text, classOf) }

  /// `find(in: text.lowercased())`, without the lower-cased copy when the text is ASCII (its
  /// bytes `A`-`Z` read as `a`-`z` by their classes, all that `lowercased()` changes in ASCII).
  func find(inLowercasing text: String) -> Found {
    text.utf8IsASCII ? scan(text, foldedClassOf) : find(in: text.lowercased())
  }

  /// Runs the automaton over `text`'s bytes, each read as its class in `classes`.
  private func scan(_ text: String, _ classes: [Int32]) -> Found {
    var found = Found(count: phrases.count)
    var s = 0
    for b in text.utf8 {
      s = Int(next[s &* width &+ Int(classes[Int(b)])])
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
