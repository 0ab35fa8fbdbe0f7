import Foundation

/// The state of one pytest session while its log is read, and how it becomes tests at the end.
struct PytestSession {
  let path: String
  var started = false
  var section = PytestSection.none
  private var tests: [TestResult] = []
  private var index = TestIndex()
  private var compacted = 0
  private var pending: (id: String, line: Int)?
  private var progress: [(file: String, chars: [Character])] = []
  private var blocks: [PytestBlock] = []
  private var block: PytestBlock?
  private var summary: PytestSummary?
  private var interrupted: String?
  /// pytest's `platform ...` header line.
  private var environment: (line: Int, text: String)?
  /// The header lines that say how it ran: platform, rootdir, configfile, plugins, collected.
  private var setup: [(line: Int, text: String)] = []
  private var errorsAfterPass = 0
  private var skipReasons: [String] = []
  private var interner = Interner()
  /// Tests a failure or error block was applied to (a second block is merged, not overwritten).
  private var blocksApplied = Set<Int>()
  private var suiteInterner = Interner()
  private var hashes: [Int] = []

  init(path: String) { self.path = path }

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
    if s.hasPrefix("!!!!"), let sep = PytestLines.separator(s), sep.title.hasPrefix("Interrupted") {
      interrupted = sep.title
      return
    }
    // `pytest -q` ends with a bare `8 failed, 4 passed in 2.04s`, without separators.
    if section != .errors && section != .failures && section != .passes, s.first?.isNumber == true || s.hasPrefix("no tests ran"),
      let bare = PytestSummary(title: text, line: line)
    {
      closeBlock()
      summary = bare
      section = .none
      return
    }
    switch section {
    case .none, .header:
      if environment == nil && s.hasPrefix("platform ") && s.contains(" -- Python ") {
        environment = (line, Excerpt.line(text, limit: 200))
      }
      if setup.count < 8, Self.setupPrefixes.contains(where: { s.hasPrefix($0) }) { setup.append((line, Excerpt.line(text, limit: 200))) }
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

  private mutating func closeBlock() {
    if var b = block {
      b.seal()
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
    if let v = PytestLines.verbose(s) {
      started = true
      if let status = v.status {
        record(v.id, status, line: line, reason: v.reason)
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
      if d.evidence.isEmpty { d.evidence = [Evidence(path: path, line: line, text: Excerpt.line(String(s)))] }
    }
  }

  /// Adds or updates a test; one test seen twice in a session keeps its worse outcome.
  @discardableResult
  private mutating func record(_ id: String, _ status: TestStatus, line: Int, reason: String? = nil, phase: Phase? = nil) -> Int {
    let (prefix, name) = TestID.split(id)
    let hash = TestKey.hash(prefix: prefix, name: name)
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
    let prefixString = String(prefix)
    var test = TestResult(
      idPrefix: interner(prefixString), name: String(name), suite: suiteInterner(String(prefix.dropLast(2))), status: status, phase: phase)
    if status.isFailure && phase == nil { test.phase = .call }
    if status != .passed {
      let d = test.detailsForWriting()
      d.sources = [path]
      if let reason { d.skipReason = reason }
      d.evidence = [
        Evidence(
          path: path, line: line, text: Excerpt.line(id + " " + status.rawValue.uppercased() + (reason.map { " (\($0))" } ?? "")))
      ]
    }
    append(test, hash: hash)
    return tests.count - 1
  }

  /// Adds a new test with its key hash, keeping the index, the hashes and the name chunks in step.
  private mutating func append(_ test: TestResult, hash: Int) {
    do {
      let known = hashes
      index.insert(hash: hash, at: tests.count) { known[$0] }
    }
    hashes.append(hash)
    tests.append(test)
    NameCompactor.compactIfDue(&tests, since: &compacted)
  }

  /// Header lines worth showing in "What ran".
  static let setupPrefixes = ["platform ", "rootdir:", "configfile:", "inifile:", "plugins:", "collected ", "collecting ... collected"]

  /// Resolves blocks to tests, fills counts the log only showed as progress characters, checks
  /// the final summary line, and hands the tests over.
  mutating func finish(into artifact: inout ParsedArtifact, lastLine: Int) {
    closeBlock()
    if artifact.environment == nil, let e = environment { artifact.environment = Evidence(path: artifact.path, line: e.line, text: e.text) }
    if artifact.setup.isEmpty { artifact.setup = setup.map { Evidence(path: artifact.path, line: $0.line, text: $0.text) } }
    if let p = pending { record(p.id, .passed, line: p.line); pending = nil }
    resolveBlocks()
    completeSkipReasons()
    fillFromProgress()
    fillFromSummaryAlone(into: &artifact.warnings)
    check(lastLine: lastLine, into: &artifact.warnings)
    if artifact.tests.isEmpty {
      // The first (usually only) session: hand the arrays over instead of copying them.
      swap(&artifact.tests, &tests)
      swap(&artifact.hashes, &hashes)
      return
    }
    // A later session (a re-run in the same log) ran its tests again: another invocation of each,
    // not a retry, so the totals are what the sessions' own summary lines state.
    var earlier = Set(artifact.tests.indices.map { artifact.tests[$0].id })
    for i in tests.indices where earlier.contains(tests[i].id) {
      let base = tests[i].name
      var k = 2
      repeat {
        tests[i].name = base + " (\(k))"
        k += 1
      } while earlier.contains(tests[i].id)
      earlier.insert(tests[i].id)
      if i < hashes.count { hashes[i] = tests[i].keyHash }
    }
    if artifact.hashes.count == artifact.tests.count { artifact.hashes.append(contentsOf: hashes) } else { artifact.hashes = [] }
    artifact.tests.append(contentsOf: tests)
  }

  private mutating func resolveBlocks() {
    guard !blocks.isEmpty else { return }
    // Blocks name failing tests (and, with -rA, passing ones): only those need a display name.
    let needsPassed = blocks.contains { if case .passed = $0.kind { true } else { false } }
    var byDisplayName: [String: [Int]] = [:]
    for i in tests.indices where needsPassed || tests[i].status != .passed {
      byDisplayName[Self.displayName(prefix: tests[i].idPrefix, name: tests[i].nameSlice), default: []].append(i)
    }
    // Blocks come in the order of the tests; two tests with one title are matched in turn,
    // separately per section (a test can have both an ERRORS and a FAILURES block).
    var cursors: [String: Int] = [:]
    let files = progress.map(\.file)
    for b in blocks {
      let i: Int
      // `--doctest-modules` titles a failure `[doctest] pkg.mod.func`: the id's tail is `pkg.mod.func`.
      let title = b.title.hasPrefix("[doctest] ") ? String(b.title.dropFirst(10)) : b.title
      if case .error(.collection) = b.kind {
        i = record(b.title, .error, line: b.headerLine, phase: .collection)
      } else if let all = byDisplayName[title], !all.isEmpty {
        // One title can name tests in several files: prefer the one whose file the traceback
        // passes through, then one whose outcome fits the section, then take them in turn.
        let files = Set(b.locations.map(\.file))
        let inFile = all.filter { files.contains(tests[$0].idFile) }
        let fitting = all.filter { b.fits(tests[$0].status) }
        let candidates = inFile.count == 1 ? inFile : (fitting.isEmpty ? all : fitting)
        let key = "\(b.sectionKey)|\(title)"
        let n = cursors[key, default: 0]
        i = candidates[min(n, candidates.count - 1)]
        cursors[key] = n + 1
      } else {
        let file = b.locations.first(where: { files.contains($0.file) })?.file ?? b.locations.first?.file ?? ""
        let id = (file.isEmpty ? "" : file + "::") + Self.idTail(title)
        i = record(id, b.status, line: b.headerLine)
        byDisplayName[title, default: []].append(i)
      }
      apply(b, to: i)
    }
  }

  private mutating func apply(_ b: PytestBlock, to i: Int) {
    // A test that failed and also errored at setup or teardown has two blocks: the failure is
    // what happened, the other block's error lines stay in its text (often they say why).
    // (A message the short summary gave is only a cut copy of the block's: not an earlier block.)
    let earlier =
      blocksApplied.contains(i)
      ? tests[i].details.flatMap { d in d.message.map { (message: $0, evidence: d.evidence, type: d.exceptionType) } } : nil
    if case .passed = b.kind {} else { blocksApplied.insert(i) }
    switch b.kind {
    case .error(let phase):
      if tests[i].status == .passed { errorsAfterPass += 1 }
      if tests[i].status < .error { tests[i].status = .error }
      tests[i].phase = phase
    case .failure:
      if tests[i].status < .failed { tests[i].status = .failed }
      if tests[i].phase == nil { tests[i].phase = .call }
    case .passed:
      if let out = b.capturedOutput, PassingOutput.worthKeeping(out) {
        let d = tests[i].detailsForWriting()
        d.sources = [path]
        d.output = Excerpt.cap(out, head: 2048, tail: 2048)
        d.outputLine = b.outputLine
      }
      return
    }
    let d = tests[i].detailsForWriting()
    d.sources = [path]
    if let m = b.message { d.message = Excerpt.cap(m, head: 2048, tail: 0) }
    d.exceptionType = b.exceptionType
    d.detail = Excerpt.cap(b.detail, head: 1024, tail: 3072)
    if let loc = b.failingLocation(testFile: tests[i].idFile) { d.file = loc.file; d.line = loc.line }
    if let out = b.capturedOutput {
      d.output = Excerpt.cap(out, head: 2048, tail: 2048)
      d.outputLine = b.outputLine
    }
    d.evidence = b.evidence(path: path)
    if let earlier {
      let other = earlier.message.split(separator: "\n").prefix(20).map { "E   " + $0 }.joined(separator: "\n")
      if case .failure = b.kind {
        tests[i].phase = .call
        d.detail = (d.detail ?? "") + "\n" + other
        d.evidence += earlier.evidence.prefix(1)
      } else {
        // The failure came first: it stays the message; this block's lines join its text.
        let mine = (d.message ?? "").split(separator: "\n").prefix(20).map { "E   " + $0 }.joined(separator: "\n")
        d.message = earlier.message
        d.exceptionType = earlier.type
        d.detail = (d.detail ?? "") + "\n" + mine
        d.evidence = earlier.evidence + d.evidence.prefix(1)
      }
    }
  }

  /// `pytest -v` cuts long skip reasons (`(staging environme...)`); the short summary has them whole.
  private mutating func completeSkipReasons() {
    guard !skipReasons.isEmpty else { return }
    for i in tests.indices where tests[i].status == .skipped {
      guard let d = tests[i].details, let reason = d.skipReason, reason.hasSuffix("...") else { continue }
      let stem = reason.dropLast(3)
      if let whole = skipReasons.first(where: { $0.hasPrefix(stem) }) { d.skipReason = whole }
    }
  }

  /// Tests that the log counted (`..F.s`) but never named become anonymous placeholders.
  private mutating func fillFromProgress() {
    guard !progress.isEmpty else { return }
    var named: [String: [TestStatus: Int]] = [:]
    for i in tests.indices { named[tests[i].idFile, default: [:]][tests[i].status, default: 0] += 1 }
    var counted: [String: [TestStatus: Int]] = [:]
    var order: [String] = []
    for p in progress {
      if counted[p.file] == nil { order.append(p.file) }
      for c in p.chars { if let s = PytestLines.status(forChar: c) { counted[p.file, default: [:]][s, default: 0] += 1 } }
    }
    // Characters without a file (`-q`, xdist) stand for tests of any file the progress did not name.
    let progressFiles = Set(order)
    var unfiled: [TestStatus: Int] = [:]
    for (file, counts) in named where !progressFiles.contains(file) || file.isEmpty {
      for (status, n) in counts { unfiled[status, default: 0] += n }
    }
    for file in order {
      for status in TestStatus.allCases {
        let known = file.isEmpty ? (unfiled[status] ?? 0) : (named[file]?[status] ?? 0)
        let missing = (counted[file]?[status] ?? 0) - known
        guard missing > 0 else { continue }
        let prefix = interner(file.isEmpty ? "" : file + "::")
        for k in 1...missing {
          var t = TestResult(idPrefix: prefix, name: "<\(status.rawValue) #\(k)>", suite: file, status: status)
          t.anonymous = true
          append(t, hash: t.keyHash)
        }
      }
    }
  }

  /// A log that holds only pytest's final summary line (a CI step that keeps the tail): its counts
  /// are the totals, as anonymous tests, and a warning says the names are missing.
  private mutating func fillFromSummaryAlone(into warnings: inout [Diagnostic]) {
    guard tests.isEmpty, progress.isEmpty, blocks.isEmpty, let summary else { return }
    let prefix = interner("")
    var total = 0
    for status in [TestStatus.passed, .failed, .error, .skipped, .xfailed, .xpassed] {
      let n = summary.count(status)
      guard n > 0 else { continue }
      for k in 1...n {
        var t = TestResult(idPrefix: prefix, name: "<\(status.rawValue) #\(k)>", suite: "", status: status)
        t.anonymous = true
        append(t, hash: t.keyHash)
      }
      total += n
    }
    guard total > 0 else { return }
    warnings.append(
      Diagnostic(
        path: path, line: summary.line,
        message: "the log holds only the final summary line: its \(total) tests are counted, but their names and failures are not in it"))
  }

  private func check(lastLine: Int, into warnings: inout [Diagnostic]) {
    guard let summary else {
      if hasContent {
        let why = interrupted.map { " (\($0))" } ?? ""
        warnings.append(
          Diagnostic(path: path, line: lastLine, message: "no final summary line\(why); the log may be cut off, kept what was read"))
      }
      return
    }
    let totals = Totals(tests)
    var diffs: [String] = []
    for status in [TestStatus.passed, .failed, .error, .skipped, .xfailed, .xpassed] {
      var parsed = 0
      switch status {
      // pytest-rerunfailures counts a test that passed on a rerun as passed (and the rerun apart).
      case .passed: parsed = totals.passed + totals.flaky + errorsAfterPass
      case .failed: parsed = totals.failed
      case .error: parsed = totals.errors
      case .skipped: parsed = totals.skipped
      case .xfailed: parsed = totals.xfailed
      case .xpassed: parsed = totals.xpassed
      case .flaky: break
      }
      let said = summary.count(status)
      if said != parsed { diffs.append("\(said) \(status.rawValue) (read \(parsed))") }
    }
    if !diffs.isEmpty {
      warnings.append(
        Diagnostic(path: path, line: summary.line, message: "final summary disagrees with the tests read: " + diffs.joined(separator: ", "))
      )
    }
  }

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
