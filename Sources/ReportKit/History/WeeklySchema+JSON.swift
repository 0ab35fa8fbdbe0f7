/// weekly.json's layout, as report.json's: top-level keys on their own lines, list items one per
/// line, keys in the order the schema declares them. The round-trip test reads it back through
/// `WeeklySchema`'s `Decodable` conformance.
extension WeeklySchema.Document {
  func write(to sink: OutputSink) {
    let w = JSONWriter(sink: sink)
    sink.write("{\n")
    top("schema", w) { w.string(schema) }
    top("generated_at", w) { w.string(generated_at) }
    top("history", w) { w.string(history) }
    top("period", w) {
      sink.write("{\"since\": "); w.string(period.since); w.field("until"); w.string(period.until); sink.write("}")
    }
    list("summary", summary, w) { w.string($0) }
    list("runs", runs, w) { $0.write(to: w) }
    list("clusters", clusters, w) { $0.write(to: w) }
    top("new", w) { w.strings(new) }
    top("resolved", w) { w.strings(resolved) }
    top("persisting", w) { w.strings(persisting) }
    list("flaky_tests", flaky_tests, w) { t in
      sink.write("{\"id\": "); w.string(t.id)
      sink.write(", \"runs\": \(t.runs), \"failures\": \(t.failures), \"flips\": \(t.flips), \"retried\": \(t.retried)}")
    }
    list("failing_tests", failing_tests, w) { t in
      sink.write("{\"id\": "); w.string(t.id)
      sink.write(", \"failures\": \(t.failures), \"runs\": \(t.runs)"); w.field("cluster"); w.value(t.cluster); sink.write("}")
    }
    list("slower_endpoints", slower_endpoints, w) { e in
      sink.write("{\"name\": "); w.string(e.name)
      w.field("host"); w.string(e.host)
      w.field("first_p95_ms"); w.value(e.first_p95_ms, decimals: 3)
      w.field("last_p95_ms"); w.value(e.last_p95_ms, decimals: 3)
      w.field("growth"); w.value(e.growth, decimals: 4)
      sink.write(", \"runs\": \(e.runs)")
      w.field("first_run"); w.string(e.first_run)
      w.field("last_run"); w.string(e.last_run); sink.write("}")
    }
    list("recurring_findings", recurring_findings, w) { f in
      sink.write("{\"kind\": "); w.string(f.kind)
      w.field("subject"); w.string(f.subject)
      w.field("category"); w.value(f.category)
      w.field("summary"); w.string(f.summary)
      sink.write(", \"runs\": \(f.runs)")
      w.field("first_seen"); w.string(f.first_seen)
      w.field("last_seen"); w.string(f.last_seen); sink.write("}")
    }
    list("open_actions", open_actions, w, last: true) { a in
      sink.write("{\"priority\": "); w.string(a.priority)
      w.field("title"); w.string(a.title)
      w.field("type"); w.string(a.type)
      w.field("owner"); w.string(a.owner)
      w.field("cluster"); w.string(a.cluster)
      w.field("open_since"); w.string(a.open_since)
      w.field("done_when"); w.strings(a.done_when); sink.write("}")
    }
    sink.write("}\n")
  }

  /// `  "key": value,` on a line of its own.
  private func top(_ key: String, _ w: JSONWriter, _ value: () -> Void) {
    w.key(key, indent: 2)
    value()
    w.sink.write(",\n")
  }

  /// `  "key": [` then one item per line, indented by four.
  private func list<T>(_ key: String, _ items: [T], _ w: JSONWriter, last: Bool = false, _ item: (T) -> Void) {
    w.key(key, indent: 2)
    w.sink.write("[")
    for (i, x) in items.enumerated() {
      w.sink.write(i == 0 ? "\n    " : ",\n    ")
      item(x)
    }
    w.sink.write(items.isEmpty ? "]" : "\n  ]")
    w.sink.write(last ? "\n" : ",\n")
  }
}

extension WeeklySchema.Run {
  func write(to w: JSONWriter) {
    w.sink.write("{\"id\": "); w.string(id)
    w.field("time"); w.string(time)
    w.field("source"); w.string(source)
    w.sink.write(", \"tests\": \(tests), \"passed\": \(passed), \"failed\": \(failed), \"errors\": \(errors), ")
    w.sink.write("\"skipped\": \(skipped), \"flaky\": \(flaky), \"pass_rate\": "); w.value(pass_rate, decimals: 4)
    w.field("failures_by_category"); w.sink.write("{")
    for (i, c) in Category.allCases.enumerated() {
      w.sink.write(i == 0 ? "" : ", "); w.key(c.rawValue); w.sink.write("\(failures_by_category[c.rawValue] ?? 0)")
    }
    w.sink.write("}, \"clusters\": \(clusters), \"suspicious\": \(suspicious)")
    w.field("ci"); w.sink.write("{\"commit\": "); w.value(ci.commit); w.field("branch"); w.value(ci.branch)
    w.field("url"); w.value(ci.url); w.sink.write("}}")
  }
}

extension WeeklySchema.Cluster {
  func write(to w: JSONWriter) {
    w.sink.write("{\"id\": "); w.string(id)
    w.field("title"); w.string(title)
    w.field("category"); w.string(category)
    w.field("severity"); w.string(severity)
    w.field("priority"); w.string(priority)
    w.sink.write(", \"occurrences\": \(occurrences), \"seen_runs\": \(seen_runs)")
    w.field("first_seen"); w.string(first_seen)
    w.field("first_run"); w.string(first_run)
    w.field("last_seen"); w.string(last_seen)
    w.field("last_run"); w.string(last_run)
    w.field("status"); w.string(status)
    w.field("resolved_at"); w.value(resolved_at)
    w.field("resolved_run"); w.value(resolved_run)
    w.field("time_to_resolve_s"); w.value(time_to_resolve_s)
    w.sink.write(", \"tests\": \(tests)}")
  }
}
