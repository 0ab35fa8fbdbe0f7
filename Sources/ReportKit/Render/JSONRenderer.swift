/// Writes `report.json` (`"schema": "report/1"`): inputs, totals, every test, every request.
///
/// Tests are one object per line; passing tests are compact (id, status, duration), the others
/// carry name, suite, phase, message, detail, output and evidence.
struct JSONRenderer {
  static let schema = "report/1"

  func write(_ report: Report, to sink: OutputSink) {
    let run = report.run
    let findings = report.findings
    let meta = report.meta
    let w = JSONWriter(sink: sink)
    let totals = run.totals
    sink.write("{\n")
    w.key("schema", indent: 2); w.string(Self.schema); sink.write(",\n")
    w.key("run_id", indent: 2); w.string(meta.runID); sink.write(",\n")
    w.key("generated_at", indent: 2); w.string(meta.generatedAt); sink.write(",\n")
    w.key("inputs", indent: 2); sink.write("[")
    for (i, input) in run.inputs.enumerated() {
      sink.write(i == 0 ? "\n    " : ",\n    ")
      sink.write("{\"path\": "); w.string(input.path)
      sink.write(", \"format\": "); w.string(input.format.rawValue)
      sink.write(", \"tests\": \(input.tests), \"requests\": \(input.requests), \"environment\": ")
      if let e = input.environment { writeEvidence([e], w) } else { sink.write("null") }
      sink.write(", \"warnings\": [")
      for (k, warning) in input.warnings.enumerated() {
        sink.write(k == 0 ? "" : ", ")
        sink.write("{\"line\": "); w.value(warning.line); sink.write(", \"message\": "); w.string(warning.message); sink.write("}")
      }
      sink.write("]}")
    }
    sink.write(run.inputs.isEmpty ? "],\n" : "\n  ],\n")
    w.key("totals", indent: 2)
    sink.write("{\"tests\": \(totals.tests), \"passed\": \(totals.passed), \"failed\": \(totals.failed), \"errors\": \(totals.errors), ")
    sink.write(
      "\"skipped\": \(totals.skipped), \"xfailed\": \(totals.xfailed), \"xpassed\": \(totals.xpassed), \"flaky\": \(totals.flaky), ")
    sink.write("\"pass_rate\": "); w.value(totals.passRate, decimals: 4)
    sink.write(", \"duration_s\": "); w.value(totals.durationSeconds, decimals: 3); sink.write("},\n")
    w.key("failures_by_category", indent: 2); sink.write("{")
    for (i, (category, n)) in findings.countsByCategory.enumerated() {
      sink.write(i == 0 ? "" : ", "); w.key(category.rawValue); sink.write("\(n)")
    }
    sink.write("},\n")
    w.key("tests", indent: 2); sink.write("[")
    run.tests.withUnsafeBufferPointer { tests in
      for i in tests.indices {
        sink.write(i == 0 ? "\n    " : ",\n    ")
        writeTest(tests[i], findings.classifications[i], findings.clusterOf[i].map { findings.clusters[$0].id }, w)
      }
    }
    sink.write(run.tests.isEmpty ? "],\n" : "\n  ],\n")
    w.key("requests", indent: 2); sink.write("[")
    for (i, r) in run.requests.enumerated() {
      sink.write(i == 0 ? "\n    " : ",\n    ")
      writeRequest(r, w)
    }
    sink.write(run.requests.isEmpty ? "],\n" : "\n  ],\n")
    writeClusters(findings.clusters, run, report.analysis, w)
    writeSuspicious(findings.suspicious, w)
    JSONAnalysis(analysis: report.analysis, w: w).write()
    w.key("warnings", indent: 2); sink.write("[")
    for (i, d) in run.warnings.enumerated() {
      sink.write(i == 0 ? "" : ", ")
      sink.write("{\"path\": "); w.string(d.path); sink.write(", \"line\": "); w.value(d.line)
      sink.write(", \"message\": "); w.string(d.message); sink.write("}")
    }
    sink.write("]\n}\n")
  }

  private func writeTest(_ t: borrowing TestResult, _ c: Classification?, _ cluster: String?, _ w: JSONWriter) {
    let sink = w.sink
    sink.write("{\"id\": "); w.string(t.idPrefix, t.nameSlice)
    sink.write(", \"status\": "); w.string(t.status.rawValue)
    if let d = t.durationSeconds { sink.write(", \"duration_s\": "); w.value(d) }
    if t.anonymous { sink.write(", \"anonymous\": true") }
    guard t.status != .passed else { return sink.write("}") }
    let d = t.details
    sink.write(", \"name\": "); w.string(t.name)
    sink.write(", \"suite\": "); w.string(t.suite)
    sink.write(", \"phase\": "); w.value(t.phase?.rawValue)
    sink.write(", \"message\": "); w.value(d?.message)
    sink.write(", \"exception_type\": "); w.value(d?.exceptionType)
    sink.write(", \"file\": "); w.value(d?.file)
    sink.write(", \"line\": "); w.value(d?.line)
    sink.write(", \"skip_reason\": "); w.value(d?.skipReason)
    sink.write(", \"detail\": "); w.value(d?.detail)
    sink.write(", \"output\": "); w.value(d?.output)
    sink.write(", \"sources\": [")
    for (i, s) in (d?.sources ?? []).enumerated() { sink.write(i == 0 ? "" : ", "); w.string(s) }
    sink.write("], \"evidence\": ")
    writeEvidence(d?.evidence ?? [], w)
    if let c {
      sink.write(", \"category\": "); w.string(c.category.rawValue)
      sink.write(", \"classification\": {\"rule\": "); w.string(c.rule)
      sink.write(", \"confidence\": "); w.string(c.confidence.rawValue)
      sink.write(", \"request\": "); w.value(c.request)
      sink.write(", \"evidence\": "); writeEvidence(c.evidence, w)
      sink.write("}, \"cluster\": "); w.value(cluster)
    }
    sink.write("}")
  }

  private func writeClusters(_ clusters: [Cluster], _ run: Run, _ analysis: Analysis, _ w: JSONWriter) {
    let sink = w.sink
    w.key("clusters", indent: 2); sink.write("[")
    for (i, c) in clusters.enumerated() {
      sink.write(i == 0 ? "\n    " : ",\n    ")
      sink.write("{\"id\": "); w.string(c.id)
      sink.write(", \"category\": "); w.string(c.category.rawValue)
      sink.write(", \"severity\": "); w.string(c.severity.rawValue)
      sink.write(", \"signature\": "); w.string(Signature.version + ":" + c.signature)
      sink.write(", \"count\": \(c.tests.count), \"rules\": [")
      for (k, r) in c.rules.enumerated() { sink.write(k == 0 ? "" : ", "); w.string(r) }
      sink.write("], \"owner\": "); w.string(c.owner)
      sink.write(", \"known_issue\": ")
      if let k = c.knownIssue {
        sink.write("{\"url\": "); w.string(k.url); sink.write(", \"title\": "); w.value(k.title); sink.write("}")
      } else {
        sink.write("null")
      }
      sink.write(", \"why_grouped\": "); w.string(c.reason)
      sink.write(", \"first_evidence\": "); writeEvidence([c.evidence], w)
      sink.write(", \"five_whys\": [")
      for (k, why) in analysis.whys[i].enumerated() {
        sink.write(k == 0 ? "" : ", ")
        sink.write("{\"question\": "); w.string(why.question)
        sink.write(", \"observed\": \(why.observed), \"answer\": "); w.value(why.observed ? why.answer : nil)
        sink.write(", \"quote\": "); w.value(why.observed ? why.quote : nil)
        sink.write(", \"citation\": "); if let e = why.citation, why.observed { writeEvidence([e], w) } else { sink.write("null") }
        sink.write(", \"prompts\": ["); for (j, p) in why.prompts.enumerated() { sink.write(j == 0 ? "" : ", "); w.string(p) }
        sink.write("]}")
      }
      sink.write("], \"hypotheses\": [")
      for (k, h) in analysis.hypotheses[i].enumerated() {
        sink.write(k == 0 ? "" : ", ")
        sink.write("{\"statement\": "); w.string(h.statement)
        sink.write(", \"for\": "); writeEvidence(h.support, w)
        sink.write(", \"against\": "); writeEvidence(h.against, w); sink.write("}")
      }
      sink.write("]")
      sink.write(", \"tests\": [")
      for (k, t) in c.tests.enumerated() { sink.write(k == 0 ? "" : ", "); w.string(run.tests[t].id) }
      sink.write("]}")
    }
    sink.write(clusters.isEmpty ? "],\n" : "\n  ],\n")
  }

  private func writeSuspicious(_ items: [Suspicion], _ w: JSONWriter) {
    let sink = w.sink
    w.key("suspicious", indent: 2); sink.write("[")
    for (i, s) in items.enumerated() {
      sink.write(i == 0 ? "\n    " : ",\n    ")
      sink.write("{\"kind\": "); w.string(s.kind.rawValue)
      sink.write(", \"category\": "); w.value(s.category?.rawValue)
      sink.write(", \"summary\": "); w.string(s.summary)
      sink.write(", \"tests\": [")
      for (k, t) in s.tests.enumerated() { sink.write(k == 0 ? "" : ", "); w.string(t) }
      sink.write("], \"evidence\": "); writeEvidence(s.evidence, w)
      sink.write("}")
    }
    sink.write(items.isEmpty ? "],\n" : "\n  ],\n")
  }

  private func writeRequest(_ r: HTTPExchange, _ w: JSONWriter) {
    let sink = w.sink
    sink.write("{\"method\": "); w.value(r.method)
    sink.write(", \"url\": "); w.value(r.url)
    sink.write(", \"host\": "); w.value(r.host)
    sink.write(", \"status\": "); w.value(r.status)
    sink.write(", \"reason\": "); w.value(r.reason)
    sink.write(", \"curl_exit\": "); w.value(r.curlExit)
    sink.write(", \"error\": "); w.value(r.error)
    sink.write(", \"timings_ms\": {")
    for (i, key) in r.timingsMs.keys.sorted(by: Self.timingOrder).enumerated() {
      sink.write(i == 0 ? "" : ", ")
      w.key(key); w.value(r.timingsMs[key], decimals: 3)
    }
    sink.write("}, \"body_excerpt\": "); w.value(r.bodyExcerpt)
    sink.write(", \"evidence\": ")
    writeEvidence(r.evidence, w)
    sink.write("}")
  }

  func writeEvidence(_ items: [Evidence], _ w: JSONWriter) {
    let sink = w.sink
    sink.write("[")
    for (i, e) in items.enumerated() {
      sink.write(i == 0 ? "" : ", ")
      sink.write("{\"path\": "); w.string(e.path); sink.write(", \"line\": \(e.line), \"text\": "); w.string(e.text); sink.write("}")
    }
    sink.write("]")
  }

  static let timingNames = ["namelookup", "connect", "appconnect", "pretransfer", "starttransfer", "total"]
  static func timingOrder(_ a: String, _ b: String) -> Bool {
    (timingNames.firstIndex(of: a) ?? 99, a) < (timingNames.firstIndex(of: b) ?? 99, b)
  }
}
