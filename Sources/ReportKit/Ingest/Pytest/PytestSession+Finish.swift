import Foundation

/// The end of a session: blocks resolved to tests, counts filled from progress or the summary
/// line alone, the summary checked, the tests handed over.
extension PytestSession {
  /// Resolves blocks to tests, fills counts the log only showed as progress characters, checks
  /// the final summary line, and hands the tests over.
  mutating func finish(into artifact: inout ParsedArtifact, lastLine: Int) {
    closeBlock()
    if artifact.environment == nil, let e = environment { artifact.environment = Evidence(path: artifact.path, line: e.line, text: e.text) }
    if artifact.setup.isEmpty { artifact.setup = setup.map { Evidence(path: artifact.path, line: $0.line, text: $0.text) } }
    if let p = pending { record(p.id, .passed, line: p.line); pending = nil }
    resolveBlocks()
    makeNamingEvidence()
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
    // Blocks name tests by title, not id: the id index (16 MB for a million tests) is let go
    // until a block names a test the log did not list (rare), which makes it again.
    index = FilteredTestIndex()
    indexDropped = true
    // Taken before any block changes: the thread that judged them has let go of the blocks by
    // then. Those not judged yet are left to triage.
    let judged = adoptedJudgements?.take() ?? []
    adoptedJudgements = nil
    func judgement(_ k: Int) -> PrejudgedFailure? {
      guard let adopted, adopted.range.contains(k), k - adopted.range.lowerBound < judged.count else { return nil }
      return judged[k - adopted.range.lowerBound]
    }
    // Blocks name failing tests (and, with -rA, passing ones): only those need a display name.
    // Names are made from the tests when asked (no copy of the array is held: tests change below).
    let needsPassed = blocks.contains { if case .passed = $0.kind { true } else { false } }
    // The index, and the one test most titles name, looked up on two threads first.
    let matches = blockMatches(needsPassed: needsPassed)
    var byDisplayName = matches.index
    let single = matches.single
    // Blocks come in the order of the tests; two tests with one title are matched in turn,
    // separately per section (a test can have both an ERRORS and a FAILURES block).
    struct Cursor: Hashable {
      let section: Int
      let title: String
    }
    var cursors: [Cursor: Int] = [:]
    let files = progress.map(\.file)
    for k in blocks.indices {
      let b = block(at: k)
      defer { blocks[k].release() }  // what only matching needed goes as soon as the block is applied
      let i: Int
      let title = Self.matchTitle(b.title)
      if case .error(.collection) = b.kind {
        i = record(b.title, .error, line: b.headerLine, phase: .collection)
      } else if single[k] >= 0 {
        // A title the index holds once is held once still: only titles it had none for are added.
        i = Int(single[k])
      } else if case let all = byDisplayName.positions(
        of: title, name: { Self.displayName(prefix: tests[$0].idPrefix, name: tests[$0].nameSlice) }),
        !all.isEmpty
      {
        // A title that names one test (the usual case) names it in every block: a title's
        // positions never change once it has any (`add` is for titles that had none), so no
        // turn is counted for it.
        if all.count == 1 {
          apply(b, to: all[0], judged: judgement(k))
          continue
        }
        // One title can name tests in several files: prefer the one whose file the traceback
        // passes through, then one whose outcome fits the section, then take them in turn.
        let files = Set(b.locations.map(\.file))
        let inFile = all.filter { files.contains(tests[$0].idFile) }
        let fitting = all.filter { b.fits(tests[$0].status) }
        let candidates = inFile.count == 1 ? inFile : (fitting.isEmpty ? all : fitting)
        let key = Cursor(section: b.sectionKey, title: title)
        let n = cursors[key, default: 0]
        i = candidates[min(n, candidates.count - 1)]
        cursors[key] = n + 1
      } else {
        let file = b.locations.first(where: { files.contains($0.file) })?.file ?? b.locations.first?.file ?? ""
        let id = (file.isEmpty ? "" : file + "::") + Self.idTail(title)
        i = record(id, b.status, line: b.headerLine)
        byDisplayName.add(i, title: title)
      }
      apply(b, to: i, judged: judgement(k))
    }
    // Every block is applied (to a test made for it if need be): their titles and the array go
    // now, not with the session (13 MiB on pytest 1M, at the moment its memory peaks).
    blocks = []
    adopted = nil
  }

  /// `judged`: the block's failure as judged while the log was read; kept with the test when
  /// the test's texts and phase are what it was judged with.
  private mutating func apply(_ b: PytestBlock, to i: Int, judged: PrejudgedFailure? = nil) {
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
        d.sources = sources
        d.output = Excerpt.cap(out, head: 2048, tail: 2048)
        d.outputLine = b.outputLine
      }
      return
    }
    let d = tests[i].detailsForWriting()
    d.sources = sources
    if let m = b.keptMessage { d.message = m }
    let type = b.exceptionType
    d.exceptionType = type.map { texts($0) }
    d.detail = b.detail  // capped and sized when the block was sealed: kept, not copied
    if let loc = b.failingLocation(testFile: tests[i].idFile) { d.file = loc.file; d.line = loc.line }
    if let out = b.capturedOutput {
      d.output = Excerpt.cap(out, head: 2048, tail: 2048)
      d.outputLine = b.outputLine
    }
    d.evidence = b.evidence(path: path)
    // The message, type and detail were set from this block as `prejudged(by:)` reads them (the
    // type interned: another spelling of it would not be the type judged).
    let typeAsJudged = type.map { d.exceptionType?.utf8Equals($0[...]) == true } ?? true
    if earlier == nil, let judged, judged.phase == tests[i].phase, d.skipReason == nil, typeAsJudged {
      d.prejudged = judged
    }
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
        let group = groups(file.isEmpty ? "" : file + "::", file)
        for k in 1...missing {
          var t = TestResult(group: group, name: "<\(status.rawValue) #\(k)>"[...], in: &names, status: status)
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
    let group = groups("", "")
    var total = 0
    for status in [TestStatus.passed, .failed, .error, .skipped, .xfailed, .xpassed] {
      let n = summary.count(status)
      guard n > 0 else { continue }
      for k in 1...n {
        var t = TestResult(group: group, name: "<\(status.rawValue) #\(k)>"[...], in: &names, status: status)
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
}
