/// Writes `report.json` (`"schema": "report/1"`): inputs, totals, every test, every request.
///
/// Tests are one object per line; passing tests are compact (id, status, duration), the others
/// carry name, suite, phase, message, detail, output and evidence.
struct JSONRenderer {
  static let schema = "report/1"

  func write(_ run: Run, meta: RunMeta, to sink: OutputSink) {
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
      sink.write(", \"tests\": \(input.tests), \"requests\": \(input.requests), \"warnings\": [")
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
    w.key("tests", indent: 2); sink.write("[")
    run.tests.withUnsafeBufferPointer { tests in
      for i in tests.indices {
        sink.write(i == 0 ? "\n    " : ",\n    ")
        writeTest(tests[i], w)
      }
    }
    sink.write(run.tests.isEmpty ? "],\n" : "\n  ],\n")
    w.key("requests", indent: 2); sink.write("[")
    for (i, r) in run.requests.enumerated() {
      sink.write(i == 0 ? "\n    " : ",\n    ")
      writeRequest(r, w)
    }
    sink.write(run.requests.isEmpty ? "],\n" : "\n  ],\n")
    w.key("warnings", indent: 2); sink.write("[")
    for (i, d) in run.warnings.enumerated() {
      sink.write(i == 0 ? "" : ", ")
      sink.write("{\"path\": "); w.string(d.path); sink.write(", \"line\": "); w.value(d.line)
      sink.write(", \"message\": "); w.string(d.message); sink.write("}")
    }
    sink.write("]\n}\n")
  }

  private func writeTest(_ t: borrowing TestResult, _ w: JSONWriter) {
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
    sink.write("}")
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

  private func writeEvidence(_ items: [Evidence], _ w: JSONWriter) {
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
