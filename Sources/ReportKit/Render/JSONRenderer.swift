/// Writes report.json (`ReportSchema`, report/3) as a stream: the top-level keys on their own
/// lines, and the long lists (inputs, tests, passed, requests, clusters, suspicious, actions) one
/// item per line, so a million tests are written one at a time, never held as a document. No
/// space after `,` and `:` (docs/report-json.md).
struct JSONRenderer {
  func write(_ report: Report, to sink: OutputSink) {
    writeRun(report.run, report.findings, report.meta, to: sink)
    writeAnalysis(report, to: sink)
  }

  /// The first part, up to and with the requests: what the run and its findings hold, so it can
  /// be written while the analysis is made (`writeAnalysis` then adds the rest).
  func writeRun(_ run: Run, _ f: Findings, _ meta: RunMeta, to sink: OutputSink) {
    let w = JSONWriter(sink: sink, compact: true)
    let inputs = run.inputs.map(\.path)
    sink.write("{\n")
    top("schema", w) { w.string(ReportSchema.version) }
    top("run_id", w) { w.string(meta.runID) }
    top("generated_at", w) { w.string(meta.generatedAt) }
    // Only in CI: a report made elsewhere keeps the bytes it always had.
    if let ci = meta.ci { top("ci", w) { ReportSchema.CI(ci).write(to: w) } }
    list("inputs", run.inputs.count, w) { ReportSchema.Input(run.inputs[$0]).write(to: w) }
    top("totals", w) { ReportSchema.Totals(run.totals).write(to: w) }
    top("failures_by_category", w) {
      sink.write("{")
      for (i, (category, n)) in f.countsByCategory.enumerated() {
        sink.write(i == 0 ? "" : ","); w.key(category.rawValue); sink.write("\(n)")
      }
      sink.write("}")
    }
    run.tests.withUnsafeBufferPointer { tests in
      let listed = tests.indices.filter { ReportSchema.listed(tests, $0) }
      list("tests", listed.count, w) { k in
        let i = listed[k]
        if tests[i].status == .passed {
          ReportSchema.Test.writePassing(tests[i], to: w, seq: i)
        } else {
          ReportSchema.Test(tests[i], f.classifications[i], f.clusterOf[i].map { f.clusters[$0].id }).write(
            to: w, seq: i, inputs: inputs)
        }
      }
      passedGroups(tests, w)
    }
    let only = ReportSchema.sole(inputs)
    // No value per request, nor a copy of one (read through the buffer, each exchange is borrowed).
    run.requests.withUnsafeBufferPointer { requests in
      list("requests", requests.count, w) { ReportSchema.Request.write(requests, $0, to: w, input: only) }
    }
  }

  /// The rest, from the clusters on: what the analysis adds, and the findings' suspicions.
  func writeAnalysis(_ report: Report, to sink: OutputSink) {
    let run = report.run
    let f = report.findings
    let a = report.analysis
    let w = JSONWriter(sink: sink, compact: true)
    list("clusters", f.clusters.count, w) { k in
      ReportSchema.Cluster(f.clusters[k], title: a.stories[k].title.description, whys: a.whys[k], hypotheses: a.hypotheses[k]).write(to: w)
    }
    list("suspicious", f.suspicious.count, w) { ReportSchema.Suspicion(f.suspicious[$0]).write(to: w) }
    top("metrics", w) { ReportSchema.Metrics.write(a.metrics, to: w) }
    list("actions", a.actions.count, w) { ReportSchema.Action(a.actions[$0]).write(to: w) }
    top("comparison", w) {
      if let c = a.comparison { ReportSchema.Comparison(c).write(to: w) } else { sink.write("null") }
    }
    w.key("warnings")
    w.array(run.warnings.map(ReportSchema.Warning.init))
    sink.write("\n}\n")
  }

  /// `passed`: the bulk of a run, one line per run of passing tests (in run order, listed tests
  /// skipped) that share an id prefix: `[shared, "rest", [names], [durations_s]]`, the prefix
  /// being the previous group's first `shared` code points + `rest` (front coding). No value is
  /// built per test.
  private func passedGroups(_ tests: UnsafeBufferPointer<TestResult>, _ w: JSONWriter) {
    var starts: [Int] = []  // where each group begins; it ends where the next one begins
    var last: TestGroup?
    for i in tests.indices where !ReportSchema.listed(tests, i) {
      // Tests of one class share their group: the prefixes are compared only where it changes.
      if TestResult.isOf(last, at: tests.address(i)) { continue }  // the same group goes on
      if last?.idPrefix != tests[i].idPrefix { starts.append(i) }  // (the same prefix: it goes on)
      last = tests[i].group
    }
    var members: [Int] = []
    var previous: [UInt8] = []  // the previous group's prefix
    var prefix: [UInt8] = []
    list("passed", starts.count, w) { g in
      let end = g + 1 < starts.count ? starts[g + 1] : tests.count
      members.removeAll(keepingCapacity: true)
      for i in starts[g]..<end where !ReportSchema.listed(tests, i) { members.append(i) }
      // What every name of the group starts with joins the prefix (`test_get[` of
      // `test_get[a]`, `test_get[b]`): test k is still prefix + names[k]. Names are read as
      // bytes where they are stored: no string or array is made per test.
      let shared = Self.sharedStart(of: members, in: tests)
      prefix.removeAll(keepingCapacity: true)
      prefix.append(contentsOf: tests[starts[g]].idPrefix.utf8)
      TestResult.withNameBytes(at: tests.address(members[0])) { prefix.append(contentsOf: $0.prefix(shared)) }
      prefix.withUnsafeBufferPointer { p in
        let lead = previous.withUnsafeBufferPointer { ReportSchema.sharedLead($0, p) }
        w.sink.write("[\(lead.codePoints),")
        w.string("", UnsafeBufferPointer(rebasing: p[lead.bytes...]))
      }
      swap(&previous, &prefix)
      w.sink.write(",[")
      for (k, i) in members.enumerated() {
        if k > 0 { w.sink.write(",") }
        TestResult.withNameBytes(at: tests.address(i)) { w.string("", UnsafeBufferPointer(rebasing: $0.dropFirst(shared))) }
      }
      w.sink.write("],[")
      for (k, i) in members.enumerated() {
        if k > 0 { w.sink.write(",") }
        w.value(tests[i].durationSeconds)
      }
      w.sink.write("]]")
    }
  }

  /// How many leading bytes the names of all `tests` share up to and including a `[`: the stem
  /// of a parametrized test (`test_get[` of `test_get[a]`, `test_get[b]`), so the names left are
  /// its parameters and still read as such. 0 for a single test or no shared stem; never a whole
  /// name.
  static func sharedStart(of members: [Int], in tests: UnsafeBufferPointer<TestResult>) -> Int {
    guard members.count > 1 else { return 0 }
    return TestResult.withNameBytes(at: tests.address(members[0])) { first in
      var n = first.count - 1
      for m in members.dropFirst() {
        n = TestResult.withNameBytes(at: tests.address(m)) { name in
          var k = 0
          let limit = min(n, name.count - 1)
          while k < limit && name[k] == first[k] { k += 1 }
          return k
        }
        if n <= 0 { return 0 }
      }
      // Back to just after the last `[` of the shared bytes (an ASCII byte: a character boundary).
      while n > 0 && first[n - 1] != UInt8(ascii: "[") { n -= 1 }
      return n
    }
  }

  /// `"key":value,` on a line of its own.
  private func top(_ key: String, _ w: JSONWriter, _ value: () -> Void) {
    w.key(key)
    value()
    w.sink.write(",\n")
  }

  /// `"key":[` then one item per line (not indented: a million lines would carry the spaces).
  private func list(_ key: String, _ count: Int, _ w: JSONWriter, _ item: (Int) -> Void) {
    w.key(key)
    w.sink.write("[")
    for i in 0..<count {
      w.sink.write(i == 0 ? "\n" : ",\n")
      item(i)
    }
    w.sink.write(count == 0 ? "],\n" : "\n],\n")
  }
}
