import Testing

@testable import ReportKit

/// Failures judged while a pytest log is read (`Prejudgement`) must give triage exactly what
/// judging them afterwards gives, and must not be taken where that could differ.
@Suite struct PrejudgementTests {
  /// The log read by two threads, its blocks judged by `triage`'s classifier meanwhile, or by one
  /// thread with nothing judged.
  /// `everyBlock`: every block judged before the blocks are applied (else the judging stops
  /// there, as in a build, and how many are judged depends on the threads' pace).
  func run(_ path: String, prejudgedBy triage: Triage?, also more: [ParsedArtifact] = [], everyBlock: Bool = true) -> (Run, split: Bool) {
    var parser = PytestConsoleParser(path: path, displayPath: "log")
    parser.splitThreshold = triage == nil ? .max : 1
    parser.prejudge = triage?.judge
    parser.judgeEveryBlock = everyBlock
    let (artifact, split) = parser.parseNotingSplit()
    var assembler = RunAssembler()
    var artifacts = [artifact] + more
    assembler.add(&artifacts)
    return (assembler.run(warnings: []), split)
  }

  func prejudged(_ run: Run) -> Int { run.tests.filter { $0.details?.prejudged != nil }.count }

  /// Verdicts and clusters, everything triage decides from a failure's facts.
  func same(_ a: (Run, Findings), _ b: (Run, Findings), _ name: String) {
    #expect(a.0.tests.map(\.id) == b.0.tests.map(\.id), "\(name)")
    #expect(a.1.failingInOrder == b.1.failingInOrder, "\(name)")
    for i in a.0.tests.indices {
      let (x, y) = (a.1.classifications[i], b.1.classifications[i])
      #expect(x?.rule == y?.rule, "\(name) \(a.0.tests[i].id)")
      #expect(x?.category == y?.category, "\(name) \(a.0.tests[i].id)")
      #expect(x?.confidence == y?.confidence, "\(name) \(a.0.tests[i].id)")
      #expect(x?.evidence == y?.evidence, "\(name) \(a.0.tests[i].id)")
      #expect(x?.request == y?.request, "\(name) \(a.0.tests[i].id)")
    }
    #expect(a.1.clusters.map(\.signature) == b.1.clusters.map(\.signature), "\(name)")
    #expect(a.1.clusters.map(\.tests) == b.1.clusters.map(\.tests), "\(name)")
  }

  @Test(arguments: PytestSplitReaderTests.logs)
  func failuresJudgedWhileReadAreJudgedAsAfterwards(name: String) {
    let triage = Triage()
    let (early, split) = run(Fixtures.path(name), prejudgedBy: triage)
    let taken = prejudged(early)
    // Each carries the signature triage would make of its test (which it then takes).
    for t in early.tests {
      guard let p = t.details?.prejudged as? Prejudgement, p.holds(for: t, triage.classifier) else { continue }
      let j = p.judgement
      #expect(p.signature == Signature.of(t, category: triage.classifier.ranked[j.rule].category, keep: j.kept), "\(name) \(t.id)")
    }
    let (late, _) = run(Fixtures.path(name), prejudgedBy: nil)
    #expect(prejudged(late) == 0)
    let a = triage.findings(of: early)
    same((early, a), (late, triage.findings(of: late)), name)
    // Taken wherever the blocks were read apart: every failure with a block and a message.
    if split && early.tests.contains(where: { $0.status.isFailure && $0.details?.detail != nil && $0.details?.message != nil }) {
      #expect(taken > 0, "\(name)")
    }
    #expect(prejudged(early) == taken, "triage only reads them: \(name)")
    early.releasePrejudgements(of: early.tests.indices)
    #expect(prejudged(early) == 0, "\(name)")
    // As in a build: the judging stops when the blocks are applied, whatever was judged by then.
    let (paced, _) = run(Fixtures.path(name), prejudgedBy: triage, everyBlock: false)
    same((paced, triage.findings(of: paced)), (late, triage.findings(of: late)), name + " (paced)")
  }

  /// A judgement that holds is what triage takes, as it is (here one that names another rule than
  /// judging would); with an exchange to link, or in another phase, triage judges for itself.
  @Test func aJudgementThatHoldsIsTakenAsItIs() throws {
    let triage = Triage()
    let (run, _) = self.run(Fixtures.path("eval/logs/pytest-console.log"), prejudgedBy: nil)
    let fresh = triage.findings(of: run)
    let (i, verdict) = try #require(fresh.classifications.first { $0.1.rule != "unclassified" })
    let fallback = try #require(triage.classifier.ranked.firstIndex { $0.id == "unclassified" })
    let planted = try #require(
      Prejudgement(
        by: triage.classifier.identity, phase: run.tests[i].phase,
        Classifier.Judgement(rule: fallback, hit: Matcher.Hit(needle: nil), confidence: .low, kept: [])))
    let d = try #require(run.tests[i].details)
    d.prejudged = planted
    #expect(triage.findings(of: run).classifications[i]?.rule == "unclassified", "taken instead of \(verdict.rule)")
    var moved = run
    moved.tests[i].phase = run.tests[i].phase == .setup ? .call : .setup
    #expect(triage.findings(of: moved).classifications[i]?.rule != "unclassified", "another phase: judged again")
    let curl = CurlTraceParser(path: Fixtures.path("eval/logs/curl-inventory.log"), displayPath: "curl.log").parse()
    var withRequests = run
    withRequests.requests = curl.requests
    #expect(triage.findings(of: withRequests).classifications[i]?.rule != "unclassified", "exchanges to link: judged again")
  }

  /// Asking for the judgements stops the judging: what is handed over is what was made by then.
  @Test func askingStopsTheJudging() throws {
    let log = Fixtures.path("eval/logs/pytest-console.log")
    let read = try #require(PytestSplitReader.blocks(path: log, displayPath: "log", size: ByteChunks.size(of: log) ?? 0))
    #expect(read.blocks.count > 5)
    let all = BlockJudgements()
    all.make(read.blocks, by: SigningJudge(classifier: Classifier()))
    #expect(all.take().count == read.blocks.count)
    let stopped = BlockJudgements()
    stopped.stopJudging()
    stopped.make(read.blocks, by: SigningJudge(classifier: Classifier()))
    #expect(stopped.take().isEmpty)
  }

  @Test func theBlocksOfTheLargeFixturesAreJudgedWhileRead() {
    for name in ["pytest/plain.log", "pytest/verbose-junit.log", "classify/long.log", "eval/logs/pytest-console.log"] {
      let (early, split) = run(Fixtures.path(name), prejudgedBy: Triage())
      #expect(split, "\(name)")
      let failing = early.tests.filter { $0.status.isFailure }.count
      #expect(prejudged(early) > 0 && prejudged(early) <= failing, "\(name): \(prejudged(early)) of \(failing)")
    }
  }

  /// A failure that names an endpoint of the run's curl exchanges is judged with them: a
  /// judgement made without them is not taken.
  @Test func failuresWithExchangesToLinkAreJudgedAgain() {
    let triage = Triage()
    let curl = CurlTraceParser(path: Fixtures.path("eval/logs/curl-inventory.log"), displayPath: "curl.log").parse()
    let log = Fixtures.path("eval/logs/pytest-console.log")
    let (early, _) = run(log, prejudgedBy: triage, also: [curl])
    #expect(prejudged(early) > 0)
    let (late, _) = run(log, prejudgedBy: nil, also: [curl])
    let a = triage.findings(of: early)
    #expect(a.classifications.contains { $0.1.request != nil }, "some verdict comes from an exchange")
    same((early, a), (late, triage.findings(of: late)), "pytest + curl")
  }

  /// Another classifier (other rules) judges for itself.
  @Test func anotherClassifiersJudgementIsNotTaken() throws {
    let log = Fixtures.path("eval/logs/pytest-console.log")
    let (early, _) = run(log, prejudgedBy: Triage())
    let dir = TempDir()
    let yaml = "rules:\n  - id: everything_is_routing\n    category: routing\n    match:\n      text: \".\"\n"
    let other = Triage(config: try ConfigLoader(path: dir.file("report.yml", yaml)).load())
    let verdicts = other.findings(of: early).classifications.map(\.1.rule)
    #expect(!verdicts.isEmpty && verdicts.allSatisfy { $0 == "everything_is_routing" })
  }

  @Test func aJudgementGoesWhenATextItReadChanges() throws {
    let triage = Triage()
    let (early, _) = run(Fixtures.path("eval/logs/pytest-console.log"), prejudgedBy: triage)
    let judged = early.tests.indices.filter { early.tests[$0].details?.prejudged != nil }
    try #require(judged.count >= 5)
    let setters: [(TestDetails) -> Void] = [
      { $0.message = "TimeoutError: now something else" }, { $0.detail = "E   TimeoutError" },
      { $0.exceptionType = "TimeoutError" }, { $0.skipReason = "staging down" },
    ]
    for (k, set) in setters.enumerated() {
      let d = try #require(early.tests[judged[k]].details)
      set(d)
      #expect(d.prejudged == nil, "setter \(k)")
    }
    // Another phase than the one judged with: not taken either.
    let i = judged[4]
    var test = early.tests[i]
    let p = try #require(test.details?.prejudged as? Prejudgement)
    #expect(p.holds(for: test, triage.classifier))
    test.phase = test.phase == .setup ? .call : .setup
    #expect(!p.holds(for: test, triage.classifier))
    #expect(!p.holds(for: early.tests[i], Triage().classifier), "another classifier")
  }
}
