/// Writes gl-code-quality-report.json: the Code Climate issue format that GitLab reads from a
/// job's `artifacts:reports:codequality` and shows on merge requests, one entry per failed or
/// errored test that has a location (a file and a line).
///
/// Paths are made relative to the checkout (`CIMetadata.workspace`), as GitLab wants them. The
/// fingerprint is a hash of the test id and its cluster, stable across runs, so GitLab can tell a
/// failure the merge request brings from one the target branch already had.
struct CodeQualityWriter {
  func write(_ report: Report, to sink: OutputSink) {
    let w = JSONWriter(sink: sink)
    let f = report.findings
    var first = true
    sink.write("[")
    for i in f.failingInOrder {
      let t = report.run.tests[i]
      guard let d = t.details, let file = d.file, !file.isEmpty, let line = d.line, line > 0 else { continue }
      let verdict = f.classifications[i]
      let cluster = f.clusterOf[i].map { f.clusters[$0] }
      let path = report.meta.ci?.relativePath(file) ?? file
      let id = t.id
      var description = "\(id) \(t.status == .error ? "errored" : "failed")"
      if let verdict { description += ": \(verdict.category.rawValue) (\(verdict.rule))" }
      if let message = d.message { description += ": " + Self.firstLine(message) }
      sink.write(first ? "\n  " : ",\n  ")
      first = false
      sink.write("{\"type\": \"issue\", \"check_name\": ")
      w.string("report/" + (verdict?.rule ?? "failure"))
      w.field("description"); w.string(description)
      sink.write(", \"categories\": [\"Bug Risk\"]")
      w.field("severity"); w.string(Self.severity(cluster?.severity))
      w.field("fingerprint"); w.string(Self.fingerprint(id + "\u{0}" + (cluster?.id ?? "")))
      w.field("location"); sink.write("{\"path\": "); w.string(path); sink.write(", \"lines\": {\"begin\": \(line)}}}")
    }
    sink.write(first ? "]\n" : "\n]\n")
  }

  /// Code Climate's severities for ours (it has `blocker` too; nothing here blocks by itself).
  static func severity(_ s: Severity?) -> String {
    switch s {
    case .critical: "critical"
    case .high, nil: "major"
    case .medium: "minor"
    case .low: "info"
    }
  }

  /// 16 hex digits of FNV-1a 64.
  static func fingerprint(_ s: String) -> String {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in s.utf8 {
      h ^= UInt64(b)
      h = h &* 0x100_0000_01b3
    }
    let hex = String(h, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
  }

  /// The first line of a message, at most 300 bytes (GitLab shows the description in one line).
  static func firstLine(_ s: String) -> String {
    let line = s.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: true).first.map(String.init) ?? s
    guard line.utf8.count > 300 else { return line }
    return String(line.prefix(300)) + "…"
  }
}
