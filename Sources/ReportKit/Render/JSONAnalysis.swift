/// The analysis part of report.json: `metrics`, `actions` and, with a baseline, `comparison`.
struct JSONAnalysis {
  let analysis: Analysis
  let w: JSONWriter

  func write() {
    let sink = w.sink
    let m = analysis.metrics
    w.key("metrics", indent: 2)
    sink.write("{\"pass_rate\": "); w.value(m.passRate, decimals: 4)
    sink.write(", \"execution_rate\": "); w.value(m.executionRate, decimals: 4)
    sink.write(", \"files\": [")
    for (i, f) in m.files.prefix(100).enumerated() {
      sink.write(i == 0 ? "" : ", ")
      sink.write("{\"file\": "); w.string(f.file); sink.write(", \"tests\": \(f.tests), \"failing\": \(f.failing)}")
    }
    sink.write("], \"slowest\": [")
    for (i, t) in m.slowest.enumerated() {
      sink.write(i == 0 ? "" : ", ")
      sink.write("{\"id\": "); w.string(t.id); sink.write(", \"duration_s\": "); w.value(t.seconds, decimals: 3); sink.write("}")
    }
    sink.write("], \"endpoints\": [")
    for (i, e) in m.endpoints.enumerated() {
      sink.write(i == 0 ? "" : ", ")
      sink.write("{\"name\": "); w.string(e.name); sink.write(", \"host\": "); w.string(e.host)
      sink.write(", \"requests\": \(e.requests), \"statuses\": {")
      for (k, (status, n)) in e.statuses.sorted(by: { $0.key < $1.key }).enumerated() {
        sink.write(k == 0 ? "" : ", "); w.key(status); sink.write("\(n)")
      }
      sink.write("}, \"p50_ms\": "); w.value(e.p50, decimals: 3)
      sink.write(", \"p95_ms\": "); w.value(e.p95, decimals: 3)
      sink.write(", \"max_ms\": "); w.value(e.max, decimals: 3); sink.write("}")
    }
    sink.write("], \"targets\": [")
    for (i, t) in m.targets.enumerated() {
      sink.write(i == 0 ? "" : ", ")
      sink.write("{\"name\": "); w.string(t.name); sink.write(", \"goal\": "); w.string(t.goal)
      sink.write(", \"actual\": "); w.string(t.actual); sink.write(", \"met\": \(t.met)}")
    }
    sink.write("]},\n")
    w.key("actions", indent: 2); sink.write("[")
    for (i, a) in analysis.actions.enumerated() {
      sink.write(i == 0 ? "\n    " : ",\n    ")
      sink.write("{\"priority\": "); w.string(a.priority); sink.write(", \"title\": "); w.string(a.title)
      sink.write(", \"type\": "); w.string(a.kind.rawValue); sink.write(", \"owner\": "); w.string(a.owner)
      sink.write(", \"cluster\": "); w.value(a.cluster); sink.write(", \"done_when\": [")
      for (k, d) in a.done.enumerated() { sink.write(k == 0 ? "" : ", "); w.string(d) }
      sink.write("]}")
    }
    sink.write(analysis.actions.isEmpty ? "],\n" : "\n  ],\n")
    w.key("comparison", indent: 2)
    guard let c = analysis.comparison else { return sink.write("null,\n") }
    sink.write("{\"baseline\": "); w.string(c.before); sink.write(", \"rows\": [")
    for (i, r) in c.rows.enumerated() {
      sink.write(i == 0 ? "" : ", ")
      sink.write("{\"metric\": "); w.string(r.metric); sink.write(", \"before\": "); w.string(r.before)
      sink.write(", \"after\": "); w.string(r.after); sink.write(", \"change\": "); w.string(r.change); sink.write("}")
    }
    sink.write("], \"tests\": {")
    for (i, t) in c.testTransitions.enumerated() { sink.write(i == 0 ? "" : ", "); w.key(t.key); strings(t.ids) }
    sink.write("}, \"clusters\": {")
    for (i, t) in c.clusterTransitions.enumerated() { sink.write(i == 0 ? "" : ", "); w.key(t.name); strings(t.ids) }
    sink.write("}},\n")
  }

  private func strings(_ items: [String]) {
    w.sink.write("[")
    for (i, s) in items.enumerated() { w.sink.write(i == 0 ? "" : ", "); w.string(s) }
    w.sink.write("]")
  }
}
