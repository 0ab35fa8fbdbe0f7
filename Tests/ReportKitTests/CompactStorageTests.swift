import Foundation
import Testing

@testable import ReportKit

/// What a run keeps per test and per failure, kept small (pytest 1M under 256 MiB), without a
/// change in what is found.
@Suite struct CompactStorageTests {
  /// The index finds every position it was given, and nothing it was not: hashes that share
  /// their low bits (one slot run) or their upper half (the tag), positions far beyond the
  /// count (the table grows to hold them), growth from empty, and positions moved by `remap`.
  @Test func theIndexFindsWhatItHolds() {
    var index = TestIndex()
    var hashes: [Int: Int] = [:]  // position -> hash
    var seed: UInt64 = 7
    func random() -> Int {
      seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int(bitPattern: UInt(seed))
    }
    var positions = Array(0..<40_000)
    positions += [70_000, 123_456, 1 << 20]  // sparse: beyond what the count alone would size
    for (k, p) in positions.enumerated() {
      let h: Int
      switch k % 4 {
      case 0: h = random() & ~0xFFFF | 5  // one low-bit run: a long probe sequence
      case 1: h = (random() & 0xFFFF_FFFF) | (42 << 32)  // one tag for many
      default: h = random()
      }
      hashes[p] = h
      index.insert(hash: h, at: p) { hashes[$0] ?? 0 }
    }
    for (p, h) in hashes {
      #expect(index.find(hash: h) { $0 == p } == p)
    }
    #expect(index.find(hash: hashes[17] ?? 0) { $0 == 18 } == nil, "a position is found under its own hash only")
    // Every position halved: each is found at its new place, under its old hash.
    index.remap { $0 / 2 }
    for (p, h) in hashes where p % 2 == 0 {
      #expect(index.find(hash: h) { $0 == p / 2 } == p / 2)
    }
  }

  /// Texts kept per failure are stored at their size: the same bytes, and a capped text is the
  /// same as before (cut or not), small strings included.
  @Test func keptTextsAreTheirOwnSize() {
    let joined = (0..<40).map { "line \($0) of a traceback: " + String(repeating: "x", count: $0) }.joined(separator: "\n")
    #expect(joined.exactSized == joined)
    #expect("".exactSized == "" && "é😀".exactSized == "é😀")
    #expect(Excerpt.cap(joined, head: 100, tail: 50).hasPrefix(String(joined.prefix(100))))
    #expect(Excerpt.cap(joined, head: 100, tail: 50).contains("bytes cut"))
    #expect(Excerpt.cap(joined, head: 4096, tail: 0) == joined)
  }

  @Test func aVerdictIsFortyBytes() {
    #expect(MemoryLayout<Classification>.stride == 40)
  }

  /// A test the progress names with an outcome keeps that line as evidence when no block says
  /// more, and takes the block's lines when one does: made at the end, the evidence is what it
  /// was when made at once (a real `pytest -v -rA` log: failures with blocks, skips without).
  @Test func theNamingLineIsEvidenceOnlyWhereNoBlockSaysMore() throws {
    let artifact = PytestConsoleParser(path: Fixtures.path("pytest/verbose-junit.log"), displayPath: "log").parse()
    let failed = artifact.tests.filter { $0.status == .failed }
    let skipped = artifact.tests.filter { $0.status == .skipped }
    #expect(!failed.isEmpty && !skipped.isEmpty)
    for t in failed {
      let e = try #require(t.details?.evidence.first)
      #expect(!e.text.hasSuffix(" FAILED"), "a failure's evidence is its block's lines: \(e.text)")
    }
    for t in skipped {
      let e = try #require(t.details?.evidence.first)
      #expect(e.text.hasPrefix(t.id + " SKIPPED"), "\(e.text)")
    }
  }

  /// Verdicts are found by test index, replaced in place, and listed in the order given.
  @Test func verdictsAreFoundByTest() {
    func verdict(_ rule: String) -> Classification { Classification(category: .logic, rule: rule, confidence: .high, evidence: []) }
    var table = Classifications()
    let tests = (0..<5000).map { $0 * 37 % 100_003 }  // spread, out of order
    for t in tests { table[t] = verdict("r\(t)") }
    #expect(table.count == tests.count)
    #expect(tests.allSatisfy { table[$0]?.rule == "r\($0)" })
    #expect(table[1] == nil && table[100_002] == nil)
    table[tests[10]] = verdict("changed")
    #expect(table[tests[10]]?.rule == "changed" && table.count == tests.count)
    #expect(table.map(\.0) == tests, "listed in the order given")
    let moved = Classifications(tests: [9, 3, 7], verdicts: [verdict("a"), verdict("b"), verdict("c")])
    #expect(moved[3]?.rule == "b" && moved[7]?.rule == "c" && moved[9]?.rule == "a" && moved[4] == nil)
    let literal: Classifications = [4: verdict("x")]
    #expect(literal[4]?.rule == "x" && literal.count == 1)
  }

  /// Names a reader keeps in its arena read back as they were given, whatever they hold (empty,
  /// non-ASCII, a combining mark first, longer than a chunk), after any number of names were
  /// added behind them; id, hash and bytes are those of the same test made alone.
  /// A test's id compared through the buffers is the byte comparison of its two parts: equal,
  /// one byte off, a prefix of the other, canonically equal spellings (not equal as bytes).
  @Test func idsComparedAsBytes() {
    let pieces = ["tests/a.py::", "T::", "test_x", "[é]", "[e\u{301}]", "::", "", "a", "😀"]
    var rng = DamagedInputTests.SplitMix(state: 71)
    for _ in 0..<5_000 {
      func make() -> String { (0..<Int(rng.next() % 4)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined() }
      let (prefix, name, otherPrefix, otherName) = (make(), make(), make(), make())
      let test = TestResult(idPrefix: prefix, name: name, suite: "s", status: .passed)
      for (p, n) in [(prefix, name), (otherPrefix, name), (prefix, otherName), (prefix + "x", name), (prefix, name + "x")] {
        // Each part cut out of a longer line, as the readers hand them in.
        let line = "<" + p + "|" + n + ">"
        let pSlice = line.dropFirst().prefix(p.count)
        let nSlice = line.dropFirst(p.count + 2).dropLast()
        #expect(
          test.hasID(prefix: pSlice, name: nSlice) == (Array(prefix.utf8) == Array(p.utf8) && Array(name.utf8) == Array(n.utf8)),
          "\(prefix)|\(name) vs \(p)|\(n)")
      }
    }
  }

  @Test func namesInTheArenaReadBackAsGiven() {
    var rng = DamagedInputTests.SplitMix(state: 5)
    let pieces = ["t", "test_get", "[a-1]", "é", "\u{301}", "𝔘", "", "::", " ", String(repeating: "x", count: 700)]
    var names: [String] = []
    for k in 0..<20_000 {
      var name = ""
      for _ in 0..<Int(rng.next() % 5) { name += pieces[Int(rng.next() % UInt64(pieces.count))] }
      names.append(k % 997 == 0 ? String(repeating: "long", count: NameArena.chunkBytes / 3) : name)
    }
    var arena = NameArena()
    var tests: [TestResult] = []
    let group = TestGroup(idPrefix: "a.py::T::", suite: "a.py::T")
    for (k, name) in names.enumerated() {
      tests.append(TestResult(group: group, name: name[...], in: &arena, status: .passed))
      // Read while names are still appended behind it: it stays what it was.
      if k % 50 == 0 { #expect(tests[k / 2].name == names[k / 2]) }
    }
    for (test, name) in zip(tests, names) {
      let alone = TestResult(group: group, name: name, status: .passed)
      #expect(test.name == name)
      #expect(test.nameSlice.utf8.elementsEqual(name.utf8))
      #expect(test.withNameBytes { Array($0) } == Array(name.utf8))
      #expect(test.id == alone.id && test.keyHash == alone.keyHash)
    }
    let total = names.reduce(0) { $0 + $1.utf8.count }
    #expect(total > 40 * NameArena.chunkBytes, "enough bytes to fill many chunks")
  }

  /// Counts per category, read in place, are the counts of the (test, verdict) pairs, with and
  /// without tests left out (flaky), each category at its `allCases` position.
  @Test func categoryCountsAreThePairsCounted() {
    #expect(Category.allCases.map(\.position) == Array(0..<Category.allCases.count))
    var findings = Findings()
    for t in 0..<3000 {
      let category = Category.allCases[(t * 7 + t / 11) % Category.allCases.count]
      findings.classifications[t * 3] = Classification(category: category, rule: "r", confidence: .high, evidence: [])
    }
    for excluded in [Set<Int>(), Set(stride(from: 0, to: 9000, by: 15)), Set([3, 6, 8])] {
      findings.flaky = excluded
      var expected: [Category: Int] = [:]
      for (t, c) in findings.classifications where !excluded.contains(t) { expected[c.category, default: 0] += 1 }
      let counts = findings.countsByCategory
      #expect(counts.map(\.0) == Category.allCases)
      #expect(counts.allSatisfy { $0.1 == expected[$0.0] ?? 0 })
      #expect(counts.reduce(0) { $0 + $1.1 } == 3000 - excluded.filter { $0 % 3 == 0 && $0 < 9000 }.count)
    }
  }
}
