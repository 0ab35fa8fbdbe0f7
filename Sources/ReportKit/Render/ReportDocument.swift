/// The view model the Mustache templates render: every value already escaped for Markdown (text
/// from logs sits in code spans and fences), lists already capped.
struct ReportDocument {
  let run: Run
  let findings: Findings
  let analysis: Analysis
  let meta: RunMeta

  /// How much detail to show; the issue body steps down until it fits its limit.
  struct Detail {
    var clusters = 25
    var whys = true
    var collapse = false
    var lists = true
    var evidenceChars = 200
    var failingTests = 200
    var actions = 60

    static let full = Detail()
    /// The steps `issue.md` degrades through: collapse details, drop lists, shorten evidence,
    /// keep only the top clusters. Every step says the full report is in report.html.
    static let steps: [Detail] = [
      Detail(clusters: 15, whys: true, collapse: true, lists: true, evidenceChars: 200, failingTests: 100, actions: 30),
      Detail(clusters: 15, whys: true, collapse: true, lists: false, evidenceChars: 200, failingTests: 0, actions: 20),
      Detail(clusters: 10, whys: false, collapse: true, lists: false, evidenceChars: 80, failingTests: 0, actions: 10),
      Detail(clusters: 5, whys: false, collapse: true, lists: false, evidenceChars: 60, failingTests: 0, actions: 5),
    ]
  }

  func context(_ detail: Detail = .full) -> [String: Any] {
    var c: [String: Any] = [
      "runID": Markdown.text(meta.runID),
      "generatedAt": meta.generatedAt,
      "inputs": run.inputs.map { i -> [String: Any] in
        [
          "path": Markdown.code(i.path, table: false), "format": i.format.rawValue, "tests": i.tests, "requests": i.requests,
          "warnings": i.warnings.count,
        ]
      },
      "hosts": hosts(),
      "environments": run.inputs.compactMap(\.environment).prefix(3).map {
        ["text": Markdown.code($0.text, table: false), "cite": Markdown.code("\($0.path):\($0.line)", table: false)]
      },
      "summary": summary(),
      "totals": totalsRows(),
      "categories": categoryRows(),
      "files": analysis.metrics.files.prefix(15).map { ["file": Markdown.code($0.file), "failing": $0.failing, "tests": $0.tests] },
      "slowest": analysis.metrics.slowest.map { ["test": Markdown.code($0.id, table: false), "seconds": Format.seconds($0.seconds)] },
      "clusters": clusterBlocks(detail),
      "moreClusters": Self.more(findings.clusters.count - detail.clusters),
      "suspicious": suspiciousRows(detail),
      "endpoints": endpointRows(),
      "targets": analysis.metrics.targets.map {
        ["name": Markdown.text($0.name), "goal": $0.goal, "actual": $0.actual, "met": $0.met ? "✅ met" : "❌ missed"]
      },
      "actions": analysis.actions.prefix(detail.actions).map(actionRow),
      "moreActions": Self.more(analysis.actions.count - detail.actions),
      "validation": validation(),
      "lowConfidence": lowConfidence(detail),
      "failing": failingRows(detail),
      "moreFailing": Self.more(findings.classifications.count - detail.failingTests),
      "clusterReasons": findings.clusters.prefix(detail.lists ? 200 : 0).map {
        [
          "id": $0.id, "signature": Markdown.code(Signature.version + ":" + $0.signature, limit: 300, table: false),
          "reason": Markdown.text($0.reason),
        ]
      },
      "showWhys": detail.whys,
      "collapse": detail.collapse,
      "lists": detail.lists,
      "failures": findings.classifications.count,
    ]
    if let cmp = analysis.comparison { c["comparison"] = comparison(cmp, detail) }
    // `hasX` for every list, so a template can print a heading only when there is something under it.
    for (key, value) in c {
      if let list = value as? [Any] { c["has" + key.prefix(1).uppercased() + key.dropFirst()] = !list.isEmpty }
    }
    return Self.droppingNils(c) as! [String: Any]
  }

  /// The context without nil optionals, at any depth: Mustache would print "nil" for them and
  /// treat them as true.
  static func droppingNils(_ value: Any) -> Any {
    if let d = value as? [String: Any] {
      var out: [String: Any] = [:]
      for (k, v) in d where !isNil(v) { out[k] = droppingNils(v) }
      return out
    }
    if let list = value as? [Any] { return list.filter { !isNil($0) }.map(droppingNils) }
    return value
  }

  private static func isNil(_ v: Any) -> Bool {
    let m = Mirror(reflecting: v)
    return m.displayStyle == .optional && m.children.isEmpty
  }

  // MARK: - Header and summary

  private func hosts() -> String {
    var seen: [String] = []
    for r in run.requests { if let h = r.host, !seen.contains(h) { seen.append(h) } }
    let drift = Set(findings.suspicious.filter { $0.kind == .hostDrift }.flatMap(\.hosts))
    return seen.prefix(10).map { Markdown.code($0, table: false) + (drift.contains($0) ? " ⚠️" : "") }.joined(separator: ", ")
  }

  /// Plain sentences, each stating a count or a finding the rest of the report backs.
  private func summary() -> [String] {
    let t = run.totals
    var out: [String] = []
    let failing = t.failed + t.errors
    out.append(
      "\(t.tests) tests: **\(t.passed) passed, \(failing) failed or errored**, \(t.skipped) skipped (pass rate \(Markdown.percent(t.passRate)))."
    )
    if let cmp = analysis.comparison {
      out.append(
        "Against the baseline the pass rate went from \(Markdown.percent(cmp.passRates.before)) to \(Markdown.percent(cmp.passRates.after)); \(cmp.fixed.count) fixed, \(cmp.newFailures.count) new failures, \(cmp.stillFailing.count) still failing."
      )
    }
    if failing > 0 {
      let parts = findings.countsByCategory.filter { $0.1 > 0 }.map { "\($0.1) \($0.0.rawValue)" }
      out.append(
        "The failures are \(parts.joined(separator: ", ")), in \(findings.clusters.count) cluster\(findings.clusters.count == 1 ? "" : "s")."
      )
      if let top = findings.clusters.max(by: { $0.tests.count < $1.tests.count }), top.tests.count > 1 {
        let first = run.tests[top.tests[0]]
        out.append(
          "The largest cluster (\(top.tests.count) test\(top.tests.count == 1 ? "" : "s"), \(top.category.rawValue), \(top.severity.rawValue)): \(Markdown.code(first.details?.message ?? first.id, limit: 140, table: false))."
        )
      }
    } else {
      out.append("No test failed.")
    }
    let mocks = findings.suspicious.filter { $0.kind == .mockFallback }.count
    if mocks > 0 {
      out.append(
        "\(mocks) passing test\(mocks == 1 ? "" : "s") fell back to a mock and prove\(mocks == 1 ? "s" : "") nothing about the real service."
      )
    }
    let skips = findings.suspicious.filter { $0.kind == .skippedEnvironmentDown }.reduce(0) { $0 + $1.tests.count }
    if skips > 0 { out.append("\(skips) test\(skips == 1 ? " was" : "s were") skipped because the environment was down.") }
    if findings.suspicious.contains(where: { $0.kind == .hostDrift }) {
      out.append("Host names that look like one service appear spelled more than one way: a routing configuration drift.")
    }
    if findings.suspicious.contains(where: { $0.kind == .nothingCollected || $0.kind == .allSkipped }) {
      out.append("**Nothing was verified**: no test ran.")
    }
    return out
  }

  private func totalsRows() -> [[String: Any]] {
    let t = run.totals
    let m = analysis.metrics
    let mocks = findings.suspicious.filter { $0.kind == .mockFallback }.count
    return [
      ("collected", "\(t.tests)"), ("passed", "\(t.passed)"), ("failed", "\(t.failed)"), ("errors", "\(t.errors)"),
      ("skipped", "\(t.skipped)"),
      ("xfailed", "\(t.xfailed)"), ("xpassed", "\(t.xpassed)"), ("flaky", "\(t.flaky)"), ("suspicious passes", "\(mocks)"),
      ("pass rate", Markdown.percent(m.passRate)), ("execution rate", Markdown.percent(m.executionRate)),
      ("duration", Format.seconds(t.durationSeconds)),
    ].map { ["name": $0.0, "value": $0.1] }
  }

  private func categoryRows() -> [[String: Any]] {
    findings.countsByCategory.map { (category, n) in
      var note = ""
      if category == .routing, findings.suspicious.contains(where: { $0.kind == .hostDrift }) { note = " (+ host drift finding)" }
      return [
        "category": category.rawValue, "failures": n, "clusters": findings.clusters.filter { $0.category == category }.count, "note": note,
      ]
    }
  }

  // MARK: - Clusters

  private func clusterBlocks(_ detail: Detail) -> [[String: Any]] {
    findings.clusters.prefix(detail.clusters).enumerated().map { (k, c) in
      let first = run.tests[c.tests[0]]
      let message = first.details?.message ?? first.details?.exceptionType ?? first.status.rawValue
      var block: [String: Any] = [
        "id": c.id, "icon": Self.icon[c.severity]!, "category": c.category.rawValue, "severity": c.severity.rawValue,
        "count": c.tests.count, "plural": c.tests.count == 1 ? "" : "s",
        "title": Markdown.code(Excerpt.line(message, limit: 100), table: false),
        "fence": Markdown.fence(String(message.split(separator: "\n", omittingEmptySubsequences: false).prefix(8).joined(separator: "\n"))),
        "tests": c.tests.prefix(detail.lists ? 10 : 3).map { i -> [String: Any] in
          let t = run.tests[i]
          let e = findings.classifications[i]?.evidence.first
          return ["test": Markdown.code(t.id), "phase": t.phase?.rawValue ?? "", "evidence": e.map { cite($0, detail, table: true) } ?? ""]
        },
        "moreTests": Self.more(c.tests.count - (detail.lists ? 10 : 3)),
        "rules": c.rules.map { "`\($0)`" }.joined(separator: ", "),
        "owner": Markdown.text(c.owner),
      ]
      if let k = c.knownIssue { block["knownIssue"] = ["title": Markdown.text(k.title ?? k.url), "url": k.url] }
      block["whys"] = analysis.whys[k].enumerated().map { (n, w) -> [String: Any] in
        var row: [String: Any] = ["n": n + 1, "question": Markdown.text(w.question)]
        if w.observed, let answer = w.answer, let cite = w.citation {
          let text =
            Markdown.text(answer) + (w.quote.map { " " + Markdown.code($0, limit: detail.evidenceChars, table: false) } ?? "") + "."
          row["observed"] = ["answer": text, "citation": self.cite(cite, detail)]
        } else {
          row["prompts"] = w.prompts.map { ["prompt": Markdown.text($0)] }
        }
        return row
      }
      block["hypotheses"] = analysis.hypotheses[k].enumerated().map { (n, h) -> [String: Any] in
        [
          "n": n + 1, "statement": Markdown.text(h.statement),
          "support": h.support.isEmpty ? "none seen" : h.support.prefix(2).map { cite($0, detail) }.joined(separator: "; "),
          "against": h.against.isEmpty ? "none seen" : h.against.prefix(2).map { cite($0, detail) }.joined(separator: "; "),
        ]
      }
      return block
    }
  }

  /// A count of items left out, or nil (Mustache shows a section for any number, 0 included).
  static func more(_ n: Int) -> Int? { n > 0 ? n : nil }

  static let icon: [Severity: String] = [.critical: "🔴", .high: "🟠", .medium: "🟡", .low: "⚪"]

  /// `path:line` and the line's text, as code.
  private func cite(_ e: Evidence, _ detail: Detail, table: Bool = false) -> String {
    Markdown.code("\(e.path):\(e.line)", table: table) + " " + Markdown.code(e.text, limit: detail.evidenceChars, table: table)
  }

  // MARK: - Other sections

  private func suspiciousRows(_ detail: Detail) -> [[String: Any]] {
    findings.suspicious.prefix(50).map { s in
      [
        "kind": s.kind.rawValue, "summary": Markdown.text(s.summary),
        "evidence": s.evidence.prefix(detail.lists ? 3 : 1).map { ["cite": cite($0, detail)] },
        "tests": s.tests.count > 1 && detail.lists
          ? s.tests.prefix(10).map { Markdown.code($0, table: false) }.joined(separator: ", ")
            + (s.tests.count > 10 ? " and \(s.tests.count - 10) more" : "") : nil as String?,
      ]
    }
  }

  private func endpointRows() -> [[String: Any]] {
    analysis.metrics.endpoints.prefix(50).map { e in
      [
        "name": Markdown.code(e.name), "host": Markdown.code(e.host), "requests": e.requests,
        "statuses": e.statuses.sorted { $0.key < $1.key }.map { "\($0.key) ×\($0.value)" }.joined(separator: ", "),
        "p50": Format.ms(e.p50), "p95": Format.ms(e.p95), "max": Format.ms(e.max),
      ]
    }
  }

  private func actionRow(_ a: Action) -> [String: Any] {
    [
      "priority": a.priority, "title": a.title.replacingOccurrences(of: "|", with: "\\|"), "kind": a.kind.rawValue,
      "owner": Markdown.text(a.owner),
      "cluster": a.cluster.map { "`\($0)`" } ?? "—",
    ]
  }

  private func validation() -> [[String: Any]] {
    var seen = Set<String>()
    var out: [[String: Any]] = []
    for a in analysis.actions { for d in a.done where seen.insert(d).inserted { out.append(["item": d]) } }
    return Array(out.prefix(30))
  }

  private func lowConfidence(_ detail: Detail) -> [[String: Any]] {
    let low = findings.failingInOrder.lazy.filter { findings.classifications[$0]?.confidence == .low }
    return low.prefix(detail.lists ? 50 : 10).map { i in
      let c = findings.classifications[i]!
      return [
        "test": Markdown.code(run.tests[i].id), "category": c.category.rawValue, "rule": c.rule,
        "evidence": cite(c.evidence[0], detail, table: true),
      ]
    }
  }

  private func failingRows(_ detail: Detail) -> [[String: Any]] {
    findings.failingInOrder.prefix(detail.failingTests).compactMap { i in
      guard let c = findings.classifications[i] else { return nil }
      return [
        "test": Markdown.code(run.tests[i].id), "status": run.tests[i].status.rawValue, "category": c.category.rawValue, "rule": c.rule,
        "confidence": c.confidence.rawValue, "cluster": findings.clusterOf[i].map { findings.clusters[$0].id } ?? "",
        "evidence": cite(c.evidence[0], detail, table: true),
      ]
    }
  }

  private func comparison(_ cmp: Comparison, _ detail: Detail) -> [String: Any] {
    func list(_ ids: [String]) -> String {
      ids.isEmpty
        ? "none"
        : ids.prefix(detail.lists ? 20 : 5).map { Markdown.code($0, table: false) }.joined(separator: ", ")
          + (ids.count > (detail.lists ? 20 : 5) ? " and \(ids.count - (detail.lists ? 20 : 5)) more" : "")
    }
    return [
      "before": Markdown.code(cmp.before, table: false),
      "rows": cmp.rows.map { ["metric": $0.metric, "before": $0.before, "after": $0.after, "change": $0.change] },
      "transitions": cmp.testTransitions.map { ["name": $0.label, "count": $0.ids.count, "tests": list($0.ids)] },
      "clusterTransitions": cmp.clusterTransitions.map {
        ["name": $0.0, "count": $0.1.count, "ids": $0.1.isEmpty ? "none" : $0.1.prefix(20).map { "`\($0)`" }.joined(separator: ", ")]
      },
    ]
  }
}
