import Foundation

/// The state of one pytest session while its log is read (this file) and how it becomes tests at
/// the end (`PytestSession+Finish.swift`, which reads the same state).
struct PytestSession {
  let path: String
  var started = false
  var section = PytestSection.none
  var tests: [TestResult] = []
  /// Asked once per result line, between the line's other work (see `FilteredTestIndex`).
  var index = FilteredTestIndex()
  /// The index was let go while blocks are matched (the moment a big log's memory peaks); it is
  /// made again from `hashes` if a test is looked up after that (`ensureIndex`).
  var indexDropped = false
  /// Where the tests' names are kept: a chunk per few thousand.
  var names = NameArena()
  var pending: (id: String, line: Int)?
  var progress: [(file: String, chars: [Character])] = []
  var blocks: [PytestBlock] = []
  var block: PytestBlock?
  var summary: PytestSummary?
  var interrupted: String?
  /// pytest's `platform ...` header line.
  var environment: (line: Int, text: String)?
  /// The header lines that say how it ran: platform, rootdir, configfile, plugins, collected.
  var setup: [(line: Int, text: String)] = []
  var errorsAfterPass = 0
  var skipReasons: [String] = []
  /// Tests a failure or error block was applied to (a second block is merged, not overwritten).
  var blocksApplied = Set<Int>()
  /// Short texts that many failures repeat: traceback files, exception types, skip reasons.
  var texts = Interner()
  var groups = GroupInterner()
  var hashes: [Int] = []
  /// The line that named each test with an outcome other than passed, in the order of the tests:
  /// its evidence is made at the end (`makeNamingEvidence`) and only for the tests no block gave
  /// evidence to. Most failures get a block's lines instead: on pytest 1M, 85k lines of text made
  /// when named and dropped when the block came were 18 MiB of the peak. 16 bytes a test.
  var namingLines: [(line: Int, test: Int32, status: TestStatus)] = []

  /// `[path]`, one array shared by every test of the log (not one allocation per failure).
  let sources: [String]

  init(path: String) {
    self.path = path
    sources = [path]
  }

  var hasContent: Bool { !tests.isEmpty || !progress.isEmpty || !blocks.isEmpty || block != nil || summary != nil }

  mutating func enterSection(title: String, line: Int) {
    closeBlock()
    if let s = PytestSummary(title: title, line: line) {
      summary = s
      section = .none
      return
    }
    switch title {
    case "ERRORS": section = .errors
    case "FAILURES": section = .failures
    case "PASSES": section = .passes
    case "short test summary info": section = .summary
    default: section = .other
    }
  }

  mutating func consume(_ text: String, line: Int) {
    let s = text[...]
    let first = s.utf8.first ?? 0
    if first == UInt8(ascii: "!"), s.hasPrefix("!!!!"), let sep = PytestLines.separator(s), sep.title.hasPrefix("Interrupted") {
      interrupted = sep.title
      return
    }
    // `pytest -q` ends with a bare `8 failed, 4 passed in 2.04s`, without separators.
    // (ASCII digits by their byte; other numerals through Character.)
    let number = (first >= 0x30 && first <= 0x39) || (first >= 0x80 && s.first?.isNumber == true)
    if section != .errors && section != .failures && section != .passes,
      number || (first == UInt8(ascii: "n") && s.hasPrefix("no tests ran")),
      let bare = PytestSummary(title: text, line: line)
    {
      closeBlock()
      summary = bare
      section = .none
      return
    }
    switch section {
    case .none, .header:
      // Header lines start with one of these bytes; a test line (`tests/...`) is not looked at.
      let header = first == UInt8(ascii: "p") || first == UInt8(ascii: "r") || first == UInt8(ascii: "c") || first == UInt8(ascii: "i")
      if header && environment == nil && s.hasPrefix("platform ") && s.contains(" -- Python ") {
        environment = (line, Excerpt.line(text, limit: 200))
      }
      if header, setup.count < 8, Self.setupPrefixes.contains(where: { s.hasPrefix($0) }) {
        setup.append((line, Excerpt.line(text, limit: 200)))
        if tests.isEmpty, let n = Self.collectedCount(s) { reserve(n) }
      }
      readProgress(s, line: line)
    case .errors, .failures, .passes:
      if let sep = PytestLines.separator(s), sep.char == "_" {
        closeBlock()
        block = PytestBlock(title: sep.title, line: line, section: section)
      } else {
        block?.add(text, line: line)
      }
    case .summary:
      readShortSummary(s, line: line)
    case .other:
      break
    }
  }

  /// Takes the blocks a second thread read from the section header at `headerLine` on.
  /// Their lines are numbered from the header: they move by `headerLine - 1` when they are
  /// matched (`adopted`), so the array is taken as it is, not copied block by block.
  /// `judged`: their failures as the reading thread judges them (taken when they are applied).
  mutating func adopt(_ read: PytestSplitReader.Blocks, headerLine: Int, judged: BlockJudgements? = nil) {
    closeBlock()
    adoptedJudgements = judged
    adopted = (blocks.count..<(blocks.count + read.blocks.count), headerLine - 1)
    if blocks.isEmpty { blocks = read.blocks } else { blocks += read.blocks }
    section = read.section
  }

  /// The blocks a second thread read (positions in `blocks`) and how far their lines move.
  var adopted: (range: Range<Int>, by: Int)?
  /// The adopted blocks' failures, judged by the thread that read them (see `PrejudgedFailure`).
  var adoptedJudgements: BlockJudgements?

  /// Block `k` with its lines numbered in the whole log.
  func block(at k: Int) -> PytestBlock {
    var b = blocks[k]
    if let adopted, adopted.range.contains(k) { b.shiftLines(by: adopted.by) }
    return b
  }

  mutating func closeBlock() {
    if var b = block {
      b.seal(sharing: &texts)
      blocks.append(b)
    }
    block = nil
  }

  private mutating func readProgress(_ s: Substring, line: Int) {
    if let p = pending, let status = PytestLines.bareStatus(s) {
      record(p.id, status, line: p.line)
      pending = nil
      return
    }
    // `PytestLines.verbose`, its byte path read here: the parts become slices of the line where
    // they are used (no tuple of them handed back through two optionals per line).
    var bytes = s
    let byBytes = bytes.withUTF8 { p -> Bool? in
      guard let answer = PytestVerboseBytes.read(p) else { return nil }
      guard let parts = answer else { return false }
      started = true
      let id = s[..<s.utf8.index(s.utf8.startIndex, offsetBy: parts.id.upperBound)]
      if let status = parts.status {
        let reason = parts.reason.map { String(decoding: UnsafeBufferPointer(rebasing: p[$0]), as: UTF8.self) }
        let (prefix, name) = TestID.split(id, at: parts.cut)
        record(prefix: prefix, name: name, status, line: line, reason: reason)
      } else {
        pending = (String(id), line)
      }
      return true
    }
    if byBytes == true { return }
    if byBytes == nil, let v = PytestLines.verboseByCharacters(s) {
      started = true
      if let status = v.status {
        let (prefix, name) = TestID.split(v.id)
        record(prefix: prefix, name: name, status, line: line, reason: v.reason)
      } else {
        pending = (v.id, line)
      }
      return
    }
    // Without a file name (`-q`, xdist) only the trailing `[ 50%]` tells a progress line apart.
    if let p = PytestLines.progress(s), started || !p.file.isEmpty || s.hasSuffix("%]") {
      started = true
      if p.file.isEmpty, !progress.isEmpty {
        // A continuation line (or -q output): the chars belong to the last file seen.
        progress[progress.count - 1].chars += Array(p.chars)
      } else {
        progress.append((p.file, Array(p.chars)))
      }
    }
  }

  private mutating func readShortSummary(_ s: Substring, line: Int) {
    guard let space = s.firstIndex(of: " "), let status = PytestLines.statusPrefix(s)?.0 else { return }
    let rest = s[s.index(after: space)...]
    if status == .skipped {  // `SKIPPED [2] file:line: reason` names no test, but has the whole reason
      if let colon = rest.range(of: ": ") { skipReasons.append(String(rest[colon.upperBound...])) }
      return
    }
    guard let id = PytestLines.nodeID(rest) else { return }
    let after = rest[id.endIndex...]
    let message = after.hasPrefix(" - ") ? String(after.dropFirst(3)) : nil
    let i = record(String(id), status, line: line)
    if let message, status.isFailure || status == .xfailed || status == .xpassed {
      let d = tests[i].detailsForWriting()
      if d.message == nil { d.message = message }
      if d.evidence.isEmpty && !isNamed(i) { d.evidence = [Evidence(path: path, line: line, text: Excerpt.line(String(s)))] }
    }
  }

  /// Adds or updates a test; one test seen twice in a session keeps its worse outcome.
  /// `cut`: where `id` splits into prefix and name, when the reader found it (else it is looked for).
  @discardableResult
  mutating func record(_ id: String, _ status: TestStatus, line: Int, reason: String? = nil, phase: Phase? = nil) -> Int {
    let (prefix, name) = TestID.split(id)
    return record(prefix: prefix, name: name, status, line: line, reason: reason, phase: phase)
  }

  /// `record` of the id `prefix + name`, split already (slices of the log's line: no String is
  /// made for the id).
  @discardableResult
  mutating func record(
    prefix: Substring, name: Substring, _ status: TestStatus, line: Int, reason: String? = nil, phase: Phase? = nil
  ) -> Int {
    let hash = TestKey.hash(prefix: prefix, name: name)
    ensureIndex()
    var found: Int?
    do {  // a second reference only for the lookup: the array is mutated below
      let all = tests
      found = index.find(hash: hash) { all[$0].hasID(prefix: prefix, name: name) }
    }
    if let i = found {
      if tests[i].status == .passed && status == .error { errorsAfterPass += 1 }
      if status > tests[i].status { tests[i].status = status }
      if let phase, tests[i].phase == nil { tests[i].phase = phase }
      return i
    }
    // Every group of a session has the suite its prefix gives (`suite(ofPrefix:)`: here, and the
    // placeholders' `file::` and `file`): a group found by its prefix has this suite too. Its
    // strings are made only for a group not handed out lately, and `groups` keeps one group per
    // prefix: interning them as well was two more tables for the same answer (23k prefixes on
    // pytest 1M, ~130 samples of the thread that reads the result lines).
    let group = groups.recent(matchingPrefix: prefix) ?? groups(String(prefix), String(Self.suite(ofPrefix: prefix)))
    var test = TestResult(group: group, name: name, in: &names, status: status, phase: phase)
    if status.isFailure && phase == nil { test.phase = .call }
    if status != .passed {
      let d = test.detailsForWriting()
      d.sources = sources
      if let reason { d.skipReason = texts(reason) }
      namingLines.append((line, Int32(truncatingIfNeeded: tests.count), status))
    }
    append(test, hash: hash)
    return tests.count - 1
  }

  /// Whether test `i` is one of `namingLines` (they are in the order of the tests).
  func isNamed(_ i: Int) -> Bool {
    let k = namingLines.partitionPoint { Int($0.test) < i }
    return k < namingLines.count && Int(namingLines[k].test) == i
  }

  /// The evidence of the tests that only the line naming them shows (`a.py::t FAILED`, a skip
  /// with its reason, which is still the one it was named with): every test of `namingLines`
  /// that has none of its own by now. Call before skip reasons are completed.
  mutating func makeNamingEvidence() {
    for named in namingLines {
      let i = Int(named.test)
      guard let d = tests[i].details, d.evidence.isEmpty else { continue }
      let said = tests[i].id + " " + named.status.rawValue.uppercased() + (d.skipReason.map { " (\($0))" } ?? "")
      d.evidence = [Evidence(path: path, line: named.line, text: Excerpt.line(said).exactSized)]  // kept: no room to spare
    }
    namingLines = []
  }

  /// Adds a new test with its key hash, keeping the index and the hashes in step.
  mutating func append(_ test: consuming TestResult, hash: Int) {
    ensureIndex()
    do {
      let known = hashes
      index.insert(hash: hash, at: tests.count) { known[$0] }
    }
    hashes.append(hash)
    tests.append(test)  // moved in: a copy retained its three references
  }

  /// The suite of a node id's prefix: the prefix without its closing `::` (`a.py::T` of
  /// `a.py::T::`). Two bytes off when the byte before them is ASCII (then they are the last two
  /// Characters); else by Characters.
  static func suite(ofPrefix prefix: Substring) -> Substring {
    let u = prefix.utf8
    let n = u.count
    if n >= 2, u.last == UInt8(ascii: ":"), u[u.index(u.endIndex, offsetBy: -2)] == UInt8(ascii: ":"),
      n == 2 || u[u.index(u.endIndex, offsetBy: -3)] < 0x80
    {
      return prefix[..<u.index(u.endIndex, offsetBy: -2)]
    }
    return prefix.dropLast(2)
  }

  /// Makes the index again from `hashes` after `resolveBlocks` let it go.
  mutating func ensureIndex() {
    guard indexDropped else { return }
    indexDropped = false
    let known = hashes.count == tests.count ? hashes : tests.map(\.keyHash)  // (always in step: `append`)
    index = FilteredTestIndex()
    index.reserve(tests.count, tests)
    for i in tests.indices { index.insert(hash: known[i], at: i) { known[$0] } }
  }

  /// `collected 1000000 items` (or `collecting ... collected 12 items / 2 errors`): the count.
  static func collectedCount(_ s: Substring) -> Int? {
    guard let r = s.utf8Range(of: "collected ") else { return nil }
    let digits = s[r.upperBound...].utf8.prefix { $0 >= 0x30 && $0 <= 0x39 }
    return digits.isEmpty ? nil : Int(Substring(digits))
  }

  /// Room for the `n` tests the header announces, made once: a million tests are not copied
  /// while the arrays and the index grow by doubling. Capped, so a wrong count costs little.
  mutating func reserve(_ n: Int) {
    let n = min(n, 4_000_000)
    tests.reserveCapacity(n)
    hashes.reserveCapacity(n)
    index.reserve(n, tests)
  }

  /// Header lines worth showing in "What ran".
  static let setupPrefixes = ["platform ", "rootdir:", "configfile:", "inifile:", "plugins:", "collected ", "collecting ... collected"]

  /// How pytest titles a test's block: `a.py::T::t[p]` → `T.t[p]` (the prefix's `::` become dots).
  static func displayName(prefix: String, name: Substring) -> String {
    guard let first = prefix.utf8.firstIndex(of: UInt8(ascii: ":")) else { return String(name) }
    var out: [UInt8] = []
    var i = prefix.utf8.index(first, offsetBy: 2, limitedBy: prefix.utf8.endIndex) ?? prefix.utf8.endIndex
    while i < prefix.utf8.endIndex {
      let c = prefix.utf8[i]
      if c == UInt8(ascii: ":") {
        out.append(UInt8(ascii: ".")); i = prefix.utf8.index(i, offsetBy: 2, limitedBy: prefix.utf8.endIndex) ?? prefix.utf8.endIndex;
        continue
      }
      out.append(c)
      i = prefix.utf8.index(after: i)
    }
    out.append(contentsOf: name.utf8)
    return String(decoding: out, as: UTF8.self)
  }

  /// The reverse, for a title with no known test: `T.t[p.q]` → `T::t[p.q]`.
  static func idTail(_ title: String) -> String {
    let bracket = title.firstIndex(of: "[") ?? title.endIndex
    return title[..<bracket].replacingOccurrences(of: ".", with: "::") + title[bracket...]
  }
}
