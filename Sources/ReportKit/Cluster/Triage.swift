import Foundation

/// Triage of an assembled run: classify every failure, cluster them, and look for false greens
/// and host drift. What it finds (`Findings`) is what the analysis and the report build on.
public struct Triage: Sendable {
  let config: ReportConfig
  let classifier: Classifier

  public init(config: ReportConfig = ReportConfig()) {
    self.config = config
    classifier = Classifier(userRules: config.rules)
  }

  /// What judges failures while they are read (readers with a thread to spare ask it), with
  /// their signatures: triage takes both.
  var judge: any FailureJudge { SigningJudge(classifier: classifier) }

  /// What triage finds in `run`: verdicts, clusters, false greens and host drift.
  public func findings(of run: Run) -> Findings { findings(of: run) { _ in } }

  /// `clustered` is called with the verdicts and clusters before the false greens are known
  /// (report.json's tests are written from them meanwhile).
  public func findings(of run: Run, clustered: (Findings) throws -> Void) rethrows -> Findings {
    var timer = PhaseTimer()
    var findings = Findings()
    // Failures, and flaky tests by their failing attempt: each gets a verdict and a cluster.
    let failing = run.tests.indicesSortedByID { $0.isFailure || $0 == .flaky }
    // Only failures are correlated: with none, 100k requests need no index.
    let correlator = run.requests.isEmpty || failing.isEmpty ? nil : Correlator(run.requests)
    let unlinked = correlator?.isEmpty ?? true
    // Two workers over interleaved slices: facts and rules are independent per test. Each writes
    // its verdicts where they are kept (no second copy of 55k verdicts at this peak).
    let workers = failing.count >= 2048 ? 2 : 1
    var signatures = [String](repeating: "", count: failing.count)
    let verdicts = [Classification](unsafeUninitializedCapacity: failing.count) { buffer, initialized in
      let out = UncheckedBuffer(buffer)
      signatures.withUnsafeMutableBufferPointer { sigs in
        let sigs = UncheckedBuffer(sigs)
        DispatchQueue.concurrentPerform(iterations: workers) { w in
          // Failures of a cluster share one signature string (55k failures, 1.4k signatures on
          // pytest 1M: 10 MiB of copies otherwise).
          var seen = Set<String>()
          var k = w
          while k < failing.count {
            let i = failing[k]
            // Judged while the log was read, when that still holds (no exchange to link), and
            // signed then: the test holds the texts judged, and its category is the rule's.
            var signed: String? = nil
            let judged: Classifier.Judgement
            if unlinked, let p = run.tests[i].details?.prejudged as? Prejudgement, p.holds(for: run.tests[i], classifier) {
              judged = p.judgement
              signed = p.signature
            } else {
              judged = classifier.judge(classifier.facts(run.tests[i], correlator: correlator))
            }
            let c = classifier.classify(run.tests[i], judged: judged, requests: run.requests)
            out.base.initializeElement(at: k, to: c)
            let signature = signed ?? Signature.of(run.tests[i], category: c.category, keep: judged.kept)
            sigs.base[k] = seen.insert(signature).memberAfterInsert
            k += workers
          }
        }
      }
      initialized = failing.count  // every slot, by one worker each
    }
    findings.classifications = Classifications(tests: failing, verdicts: consume verdicts)  // moved: changed in place below
    DominantCause.apply(to: &findings.classifications, failing: failing)
    findings.failingInOrder = failing.filter { run.tests[$0].status.isFailure }
    findings.flaky = Set(failing.lazy.filter { run.tests[$0].status == .flaky })
    timer.lap("classify")
    // False greens and host drift are looked for in the run alone (no verdict, no cluster): on
    // another thread while the failures are clustered (~35 ms on a million tests, when one core
    // clustered and the other waited).
    let me = self
    let suspicious = Background { FalseGreenDetector(classifier: me.classifier).detect(run) + me.hostDrift(run, failing) }
    (findings.clusters, findings.clusterOf) = Clusterer(config: config).clusters(
      run, failing: failing, signatures: signatures, findings.classifications, flaky: findings.flaky)
    findings.clusters += requestClusters(run, failing: findings.failingInOrder, findings)
    timer.lap("cluster")
    try clustered(findings)
    findings.suspicious = suspicious.wait()
    timer.lap("false greens")
    return findings
  }

  /// Failed requests that no failing test names (by path) or was decided by: each kind becomes a
  /// finding of its own, so a run of curl checks alone reports what failed.
  private func requestClusters(_ run: Run, failing: [Int], _ findings: Findings) -> [Cluster] {
    let failed = run.requests.indices.filter { run.requests[$0].failed }
    guard !failed.isEmpty else { return [] }
    var explained = Set<Int>()
    var named = Set<String>()
    for i in failing {
      if let r = findings.classifications[i]?.request { explained.insert(r) }
      guard let d = run.tests[i].details else { continue }
      let text = FailureFacts.failureText(message: d.message, detail: d.detail)
      for e in Correlator.endpoints(in: text) { named.insert(e.path) }
    }
    // (A request's path is made only when some failure names an endpoint: a curl run alone has
    // tens of thousands of failed requests and no failures.)
    let open = failed.filter { r in
      !explained.contains(r) && (named.isEmpty || !(run.requests[r].url.flatMap(Correlator.path(ofURL:)).map(named.contains) ?? false))
    }
    return Clusterer(config: config).requestClusters(run, open, classifier: classifier, totalFailures: failing.count + open.count)
  }

  /// Hosts from the curl exchanges and from URLs in failure messages.
  private func hostDrift(_ run: Run, _ failing: [Int]) -> [Suspicion] {
    var drift = HostDrift()
    // Fields read in place: an exchange copied out of the array retains its references.
    for k in run.requests.indices {
      if let host = run.requests[k].host { drift.add(host: host, evidence: run.requests[k].evidence.first) }
    }
    for i in failing {
      // The evidence is read only for a spelling not seen before, as for the requests above.
      guard let d = run.tests[i].details, let message = d.message, !d.evidence.isEmpty else { continue }
      for host in URLParts.hosts(in: message) where !URLParts.isReferenceHost(host) { drift.add(host: host, evidence: d.evidence.first) }
    }
    return drift.findings()
  }
}
