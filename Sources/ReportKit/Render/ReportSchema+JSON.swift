/// report.json's layout: each value of `ReportSchema` writes itself on one line, keys in the order
/// the schema declares them, numbers with the decimals of their field. The round-trip test reads
/// what these write back through `ReportSchema`'s `Decodable` conformance.
protocol JSONStreamable {
  func write(to w: JSONWriter)
}

extension JSONWriter {
  /// `[a, b, c]` on one line.
  func array<T>(_ items: [T], _ each: (T) -> Void) {
    sink.write("[")
    for (i, item) in items.enumerated() {
      if i > 0 { sink.write(comma) }
      each(item)
    }
    sink.write("]")
  }

  func array(_ items: [some JSONStreamable]) { array(items) { $0.write(to: self) } }

  func strings(_ items: [String]) { array(items) { string($0) } }

  /// `, "key": ` before a field that is not the first of its object.
  func field(_ k: String) {
    sink.write(comma)
    key(k)
  }

  func evidence(_ items: [ReportSchema.Evidence]?) {
    guard let items else { return sink.write("null") }
    array(items)
  }
}

extension ReportSchema.Evidence: JSONStreamable {
  func write(to w: JSONWriter) { write(to: w, source: nil, message: nil) }

  /// report/3's evidence: `path` left out when it is `source` (the test's only source, the
  /// run's only input), `text` when it is `message` (the test's): a reader takes them from there.
  func write(to w: JSONWriter, source: String?, message: String?) {
    Self.write(path: path, line: line, text: text, source: source, message: message, w)
  }

  /// Evidence of the model, written without a value of the schema.
  static func write(_ e: borrowing Evidence, to w: JSONWriter, source: String?) {
    write(path: e.path, line: e.line, text: e.text, source: source, message: nil, w)
  }

  private static func write(path: String, line: Int, text: String, source: String?, message: String?, _ w: JSONWriter) {
    w.sink.write("{")
    if path != source { w.sink.write("\"path\":"); w.string(path); w.sink.write(",") }
    w.sink.write("\"line\":")
    w.sink.decimal(line)
    if text != message { w.sink.write(",\"text\":"); w.string(text) }
    w.sink.write("}")
  }
}

extension ReportSchema.Input: JSONStreamable {
  func write(to w: JSONWriter) {
    w.sink.write("{\"path\":"); w.string(path)
    w.field("format"); w.string(format)
    w.sink.write(",\"tests\":\(tests),\"requests\":\(requests)")
    w.field("environment"); w.evidence(environment)
    w.field("warnings")
    w.array(warnings) { warning in
      w.sink.write("{\"line\":"); w.value(warning.line); w.field("message"); w.string(warning.message); w.sink.write("}")
    }
    w.sink.write("}")
  }
}

extension ReportSchema.Totals: JSONStreamable {
  func write(to w: JSONWriter) {
    w.sink.write("{\"tests\":\(tests),\"passed\":\(passed),\"failed\":\(failed),\"errors\":\(errors),")
    w.sink.write("\"skipped\":\(skipped),\"xfailed\":\(xfailed),\"xpassed\":\(xpassed),\"flaky\":\(flaky),")
    w.sink.write("\"pass_rate\":"); w.value(pass_rate, decimals: 4)
    w.field("duration_s"); w.value(duration_s, decimals: 3); w.sink.write("}")
  }
}

extension ReportSchema.Test: JSONStreamable {
  /// A passing test stops after its duration; a classified one adds its verdict and cluster.
  func write(to w: JSONWriter) { write(to: w, seq: nil, inputs: []) }

  /// With `seq`, the test's place in the run (report.json lists failures apart from the passing
  /// groups; a reader puts each back in its place). `inputs` are the run's input paths: a test
  /// whose sources are the only one lists none. What a reader works out again is left out
  /// (`ReportSchema+Derived`); a null it would work out otherwise is written.
  func write(to w: JSONWriter, seq: Int?, inputs: [String]) {
    w.sink.write("{\"id\":"); w.string(id)
    if let seq { w.field("seq"); w.value(seq) }
    w.field("status"); w.string(status)
    if let duration_s { w.field("duration_s"); w.value(duration_s) }
    if anonymous == true { w.sink.write(",\"anonymous\":true") }
    guard let name else { return w.sink.write("}") }
    // Other null fields are left out (report/2): a reader takes a missing key as null.
    if !ReportSchema.isDerivedName(name, id: id) { w.field("name"); w.string(name) }
    if !ReportSchema.isDerivedSuite(suite, id: id) { w.field("suite"); w.value(suite) }
    if let phase { w.field("phase"); w.string(phase) }
    if message != ReportSchema.derivedMessage(detail: detail, exceptionType: exception_type) {
      w.field("message"); w.value(message)
    }
    if let exception_type { w.field("exception_type"); w.string(exception_type) }
    if let file { w.field("file"); w.string(file) }
    if let line { w.field("line"); w.value(line) }
    if let skip_reason { w.field("skip_reason"); w.string(skip_reason) }
    if let detail { w.field("detail"); w.string(detail) }
    if let output { w.field("output"); w.string(output) }
    let sources = sources ?? []
    if sources != ReportSchema.defaultSources(inputs: inputs) { w.field("sources"); w.strings(sources) }
    let source = ReportSchema.sole(sources)
    // The message is taken out first: a closure that named `self.message` captured the whole test
    // (a copy of it, every field retained and released, for each of 85k failures).
    let message = message
    let cite = { (e: ReportSchema.Evidence) in e.write(to: w, source: source, message: message) }
    // The lines its verdict cites are most often its own: then they are written once, there.
    if category == nil || classification == nil || classification?.evidence != (evidence ?? []) {
      w.field("evidence"); w.array(evidence ?? [], cite)
    }
    if let category, let classification {
      w.field("category"); w.string(category)
      w.field("classification")
      w.sink.write("{\"rule\":"); w.string(classification.rule)
      w.field("confidence"); w.string(classification.confidence)
      if let r = classification.request { w.field("request"); w.value(r) }
      w.field("evidence"); w.array(classification.evidence, cite)
      if let s = classification.symptom_of { w.field("symptom_of"); w.string(s) }
      w.sink.write("}")
      if let cluster { w.field("cluster"); w.string(cluster) }
    }
    w.sink.write("}")
  }
}

extension ReportSchema.Test {
  /// What `ReportSchema.Test(t, nil, nil).write(to:)` writes for a passing test, written from the
  /// test itself: its id from the shared prefix and the name, without joining them.
  static func writePassing(_ t: borrowing TestResult, to w: JSONWriter, seq: Int? = nil) {
    w.sink.write("{\"id\":"); w.string(t.idPrefix, t.nameSlice)
    if let seq { w.field("seq"); w.value(seq) }
    w.sink.write(",\"status\":\"passed\"")
    if let d = t.durationSeconds { w.field("duration_s"); w.value(d) }
    if t.anonymous { w.sink.write(",\"anonymous\":true") }
    w.sink.write("}")
  }
}

extension ReportSchema.Request: JSONStreamable {
  func write(to w: JSONWriter) { write(to: w, input: nil) }

  /// report/3: null fields and empty timings left out, and each evidence's path when it is
  /// `input`, the run's only input.
  func write(to w: JSONWriter, input: String?) {
    Self.write(
      method: method, url: url, host: host, status: status, reason: reason, curlExit: curl_exit, error: error, timings: timings_ms,
      bodyExcerpt: body_excerpt, evidence: evidence.count, w
    ) { evidence[$0].write(to: w, source: input, message: nil) }
  }

  /// What `ReportSchema.Request(r).write(to:input:)` writes, written from the exchange itself: a
  /// curl trace of 100k requests builds no value per request.
  /// The exchange is `exchanges[i]`, its fields read through the buffer (passed as a value,
  /// the whole exchange was copied, its nine references retained, to hand its fields on).
  static func write(_ exchanges: UnsafeBufferPointer<HTTPExchange>, _ i: Int, to w: JSONWriter, input: String?) {
    let evidence = exchanges[i].evidence
    write(
      method: exchanges[i].method, url: exchanges[i].url, host: exchanges[i].host, status: exchanges[i].status,
      reason: exchanges[i].reason, curlExit: exchanges[i].curlExit, error: exchanges[i].error, timings: exchanges[i].timingsMs,
      bodyExcerpt: exchanges[i].bodyExcerpt, evidence: evidence.count, w
    ) { ReportSchema.Evidence.write(evidence[$0], to: w, source: input) }
  }

  private static func write(
    method: String?, url: String?, host: String?, status: Int?, reason: String?, curlExit: Int?, error: String?, timings: [String: Double],
    bodyExcerpt: String?, evidence: Int, _ w: JSONWriter, _ item: (Int) -> Void
  ) {
    // Keys are static text that needs no escape: copied as they are, after a comma but for the
    // first (`"method":`, as `w.key` writes them).
    var first = true
    func key(_ k: StaticString) {
      w.sink.write(static: first ? "\"" : ",\"")
      first = false
      w.sink.write(static: k)
      w.sink.write(static: "\":")
    }
    w.sink.write("{")
    if let method { key("method"); w.string(method) }
    if let url { key("url"); w.string(url) }
    if let host { key("host"); w.string(host) }
    if let status { key("status"); w.value(status) }
    if let reason { key("reason"); w.string(reason) }
    if let curlExit { key("curl_exit"); w.value(curlExit) }
    if let error { key("error"); w.string(error) }
    if !timings.isEmpty {
      key("timings_ms"); w.sink.write("{")
      for (i, k) in timings.keys.sorted(by: timingOrder).enumerated() {
        w.sink.write(i == 0 ? "" : ","); w.key(k); w.value(timings[k], decimals: 3)
      }
      w.sink.write("}")
    }
    if let bodyExcerpt { key("body_excerpt"); w.string(bodyExcerpt) }
    key("evidence"); w.sink.write("[")
    for i in 0..<evidence {
      if i > 0 { w.sink.write(",") }
      item(i)
    }
    w.sink.write("]}")
  }

  /// curl's phases in the order they happen; others after them, by name.
  static let timingNames = ["namelookup", "connect", "appconnect", "pretransfer", "starttransfer", "total"]
  static func timingOrder(_ a: String, _ b: String) -> Bool {
    (timingNames.firstIndex(of: a) ?? 99, a) < (timingNames.firstIndex(of: b) ?? 99, b)
  }
}

extension ReportSchema.Cluster: JSONStreamable {
  func write(to w: JSONWriter) {
    w.sink.write("{\"id\":"); w.string(id)
    w.field("title"); w.value(title)
    w.field("category"); w.string(category)
    w.field("severity"); w.string(severity)
    w.field("signature"); w.string(signature)
    w.sink.write(",\"count\":\(count)")
    if let flaky { w.sink.write(",\"flaky\":\(flaky)") }
    w.field("rules"); w.strings(rules)
    w.field("owner"); w.string(owner)
    w.field("known_issue")
    if let k = known_issue {
      w.sink.write("{\"url\":"); w.string(k.url); w.field("title"); w.value(k.title); w.sink.write("}")
    } else {
      w.sink.write("null")
    }
    w.field("why_grouped"); w.string(why_grouped)
    w.field("first_evidence"); w.array(first_evidence)
    w.field("five_whys")
    w.array(five_whys) { why in
      w.sink.write("{\"question\":"); w.string(why.question)
      w.sink.write(",\"observed\":\(why.observed)")
      w.field("answer"); w.value(why.answer)
      w.field("citations"); w.evidence(why.citations)
      w.field("prompts"); w.strings(why.prompts); w.sink.write("}")
    }
    w.field("hypotheses")
    w.array(hypotheses) { h in
      w.sink.write("{\"statement\":"); w.string(h.statement)
      w.field("for"); w.array(h.for)
      w.field("against"); w.array(h.against); w.sink.write("}")
    }
    w.sink.write("}")  // its tests name it (`cluster`): report/2 does not list them twice
  }
}

extension ReportSchema.Suspicion: JSONStreamable {
  func write(to w: JSONWriter) {
    w.sink.write("{\"kind\":"); w.string(kind)
    w.field("category"); w.value(category)
    w.field("summary"); w.string(summary)
    w.field("tests"); w.strings(tests)
    w.field("evidence"); w.array(evidence); w.sink.write("}")
  }
}

extension ReportSchema.Metrics: JSONStreamable {
  func write(to w: JSONWriter) {
    write(to: w) {
      w.array(endpoints) { e in
        Self.writeEndpoint(
          w, method: nil, name: e.name, host: e.host, requests: e.requests, statuses: e.statuses, p50: e.p50_ms, p95: e.p95_ms,
          max: e.max_ms)
      }
    }
  }

  /// What `ReportSchema.Metrics(m).write(to: w)` writes, with the endpoints written from `m`'s
  /// own: a curl run has some 50k, and a schema value made of each copied its strings and table.
  static func write(_ m: ReportKit.Metrics, to w: JSONWriter) {
    ReportSchema.Metrics(m, endpoints: false).write(to: w) {
      w.sink.write("[")
      for k in m.endpoints.indices {
        if k > 0 { w.sink.write(w.comma) }
        Self.writeEndpoint(
          w, method: m.endpoints[k].method, name: m.endpoints[k].path, host: m.endpoints[k].host, requests: m.endpoints[k].requests,
          statuses: m.endpoints[k].statuses, p50: m.endpoints[k].p50.map { JSONWriter.rounded($0, 3) },
          p95: m.endpoints[k].p95.map { JSONWriter.rounded($0, 3) }, max: m.endpoints[k].max.map { JSONWriter.rounded($0, 3) })
      }
      w.sink.write("]")
    }
  }

  /// One endpoint; its name is `method` and `name` joined by a space when `method` is given.
  private static func writeEndpoint(
    _ w: JSONWriter, method: String?, name: String, host: String, requests: Int, statuses: [String: Int], p50: Double?, p95: Double?,
    max: Double?
  ) {
    w.sink.write("{\"name\":")
    if let method { w.string(method + " ", name[...]) } else { w.string(name) }
    w.field("host"); w.string(host)
    w.sink.write(",\"requests\":")
    w.sink.decimal(requests)
    w.field("statuses"); w.sink.write("{")
    // One status (the usual case) needs no sorted copy.
    if statuses.count == 1, let (status, n) = statuses.first {
      w.key(status); w.sink.decimal(n)
    } else {
      for (k, (status, n)) in statuses.sorted(by: { $0.key < $1.key }).enumerated() {
        w.sink.write(k == 0 ? "" : ","); w.key(status); w.sink.decimal(n)
      }
    }
    w.sink.write("}")
    w.field("p50_ms"); w.value(p50, decimals: 3)
    w.field("p95_ms"); w.value(p95, decimals: 3)
    w.field("max_ms"); w.value(max, decimals: 3); w.sink.write("}")
  }

  /// The object, with `endpoints` writing the endpoints' array.
  private func write(to w: JSONWriter, endpoints: () -> Void) {
    w.sink.write("{\"pass_rate\":"); w.value(pass_rate, decimals: 4)
    w.field("execution_rate"); w.value(execution_rate, decimals: 4)
    w.field("files")
    w.array(files) { f in
      w.sink.write("{\"file\":"); w.string(f.file); w.sink.write(",\"tests\":\(f.tests),\"failing\":\(f.failing)}")
    }
    w.field("slowest")
    w.array(slowest) { t in
      w.sink.write("{\"id\":"); w.string(t.id); w.field("duration_s"); w.value(t.duration_s, decimals: 3); w.sink.write("}")
    }
    w.field("endpoints")
    endpoints()
    w.field("targets")
    w.array(targets) { t in
      w.sink.write("{\"name\":"); w.string(t.name)
      w.field("goal"); w.string(t.goal)
      w.field("actual"); w.string(t.actual); w.sink.write(",\"met\":\(t.met)}")
    }
    w.sink.write("}")
  }
}

extension ReportSchema.Action: JSONStreamable {
  func write(to w: JSONWriter) {
    w.sink.write("{\"priority\":"); w.string(priority)
    w.field("title"); w.string(title)
    w.field("type"); w.string(type)
    w.field("owner"); w.string(owner)
    w.field("cluster"); w.value(cluster)
    w.field("clusters"); w.strings(clusters ?? [])
    w.field("done_when"); w.strings(done_when); w.sink.write("}")
  }
}

extension ReportSchema.Comparison: JSONStreamable {
  func write(to w: JSONWriter) {
    w.sink.write("{\"baseline\":"); w.string(baseline)
    w.field("rows")
    w.array(rows) { r in
      w.sink.write("{\"metric\":"); w.string(r.metric)
      w.field("before"); w.string(r.before)
      w.field("after"); w.string(r.after)
      w.field("change"); w.string(r.change); w.sink.write("}")
    }
    w.field("tests"); object(ReportKit.Comparison.TestTransition.allCases.map { MetricText.label($0).key }, tests, w)
    w.field("clusters"); object(ReportKit.Comparison.ClusterTransition.allCases.map(MetricText.label), clusters, w)
    w.field("cluster_titles"); w.sink.write("{")
    for (i, (id, title)) in (cluster_titles ?? [:]).sorted(by: { $0.key < $1.key }).enumerated() {
      w.sink.write(i == 0 ? "" : ","); w.key(id); w.string(title)
    }
    w.sink.write("}")
    w.field("shifts")
    w.array(shifts ?? []) { s in
      w.sink.write("{\"from\":"); w.string(s.from); w.field("to"); w.string(s.to); w.field("tests"); w.strings(s.tests); w.sink.write("}")
    }
    w.sink.write("}")
  }

  /// `{"k": [...], ...}` in the order of `keys`.
  private func object(_ keys: [String], _ values: [String: [String]], _ w: JSONWriter) {
    w.sink.write("{")
    for (i, k) in keys.enumerated() {
      w.sink.write(i == 0 ? "" : ","); w.key(k); w.strings(values[k] ?? [])
    }
    w.sink.write("}")
  }
}

extension ReportSchema.Warning: JSONStreamable {
  func write(to w: JSONWriter) {
    w.sink.write("{\"path\":"); w.string(path); w.field("line"); w.value(line); w.field("message"); w.string(message); w.sink.write("}")
  }
}
