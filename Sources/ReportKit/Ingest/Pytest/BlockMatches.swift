import Foundation

/// What matching blocks to tests reads without changing either, made on two threads before the
/// blocks are applied in order (which changes the tests, so it stays on one): the display-name
/// index, and per block the one test its title names when the index holds exactly one.
struct BlockMatches {
  var index: DisplayNameIndex
  /// Per block, the position its title names in the index when it names exactly one; -1 when it
  /// names none or several (asked again in order: tests added meanwhile, turns among several),
  /// and for collection errors (never looked up).
  var single: [Int32]
}

extension PytestSession {
  /// The matches of `blocks`, made on two threads when there are enough blocks to share. The
  /// index holds every test a block can name: the failing ones, and the passing ones too when a
  /// block is a passing test's (`-rA`).
  func blockMatches(needsPassed: Bool) -> BlockMatches {
    let workers = blocks.count >= Self.twoWorkersFrom ? 2 : 1
    // Held for the two threads (the session is not changed meanwhile: nothing is copied).
    let (tests, blocks) = (tests, blocks)
    let name = { @Sendable (p: Int) in Self.displayName(prefix: tests[p].idPrefix, name: tests[p].nameSlice) }
    let index = DisplayNameIndex(
      count: tests.count, workers: workers, include: { @Sendable in needsPassed || tests[$0].status != .passed }, name: name)
    let parts = Concurrently.results(workers) { w in
      Concurrently.part(w, of: workers, in: blocks.count).map { k -> Int32 in
        if case .error(.collection) = blocks[k].kind { return -1 }
        let found = index.indexedPositions(of: Self.matchTitle(blocks[k].title), name: name)
        return found.count == 1 ? Int32(found[0]) : -1
      }
    }
    return BlockMatches(index: index, single: Array(parts.joined()))
  }

  /// From how many blocks the matches are made on two threads (the eval log's 138 blocks are).
  static let twoWorkersFrom = 128

  /// The title a block is matched by: `--doctest-modules` titles a failure `[doctest]
  /// pkg.mod.func`, and the id's tail is `pkg.mod.func`.
  static func matchTitle(_ title: String) -> String { title.hasPrefix("[doctest] ") ? String(title.dropFirst(10)) : title }
}
