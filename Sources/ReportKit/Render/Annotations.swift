/// GitHub Actions workflow commands for a run: `::error file=F,line=N,title=T::message` for the
/// failures that have a location, most severe first, at most 10 (GitHub shows 10 errors per
/// step), and `::warning` for false greens (at most 10 too). A failure without a file and line
/// has nowhere on the diff to go: it is in the step summary and the report.
struct Annotations {
  let report: Report

  /// GitHub's limit of annotations of one kind shown per step.
  static let limit = 10

  /// Every line to print, errors first.
  func lines() -> [String] { errors() + warnings() }

  func errors() -> [String] {
    let f = report.findings
    let located = f.failingInOrder.enumerated().compactMap { (order, i) -> (Int, Int, TestResult)? in
      let t = report.run.tests[i]
      guard let file = t.details?.file, !file.isEmpty, let line = t.details?.line, line > 0 else { return nil }
      return (order, i, t)
    }
    // Most severe cluster first, then category, then the id order.
    let ranked = located.sorted { a, b in
      let (sa, sb) = (severity(a.1), severity(b.1))
      if sa != sb { return sa > sb }
      let (ca, cb) = (f.classifications[a.1]?.category, f.classifications[b.1]?.category)
      if ca != cb, let ca, let cb { return ca < cb }
      return a.0 < b.0
    }
    var out = ranked.prefix(Self.limit).map { (_, i, t) in error(t, index: i) }
    if ranked.count > Self.limit {
      out.append(
        "::notice title=report::\(ranked.count - Self.limit) more located failures are not annotated (GitHub shows \(Self.limit)); see the step summary and report.html"
      )
    }
    return out
  }

  private func severity(_ i: Int) -> Severity {
    report.findings.clusterOf[i].map { report.findings.clusters[$0].severity } ?? .low
  }

  private func error(_ t: TestResult, index i: Int) -> String {
    let d = t.details
    let c = report.findings.classifications[i]
    let file = report.meta.ci?.relativePath(d?.file ?? "") ?? d?.file ?? ""
    let title = (c.map { "\($0.category.rawValue): " } ?? "") + t.name
    var message = Excerpt.cap(d?.message ?? d?.exceptionType ?? t.status.rawValue, head: 1000, tail: 0)
    if let c {
      let cluster = report.findings.clusterOf[i].map { ", cluster \(report.findings.clusters[$0].id)" } ?? ""
      message +=
        "\n\(t.id) \(t.status == .error ? "errored" : "failed"): \(c.category.rawValue) (rule \(c.rule), \(c.confidence.rawValue) confidence\(cluster))"
    }
    return "::error file=\(Self.property(file)),line=\(d?.line ?? 1),title=\(Self.property(title))::\(Self.data(message))"
  }

  /// `::warning` for each false green (a mock fallback, a skip because the environment was down, a
  /// flaky test, nothing collected), at the test's location when it has one.
  func warnings() -> [String] {
    report.findings.suspicious.filter { $0.kind != .hostDrift }.prefix(Self.limit).map { s in
      var props = ""
      if let id = s.tests.first, let t = test(id), let file = t.details?.file, !file.isEmpty {
        props = "file=\(Self.property(report.meta.ci?.relativePath(file) ?? file)),"
        if let line = t.details?.line, line > 0 { props += "line=\(line)," }
      }
      return "::warning \(props)title=\(Self.property("false green: " + s.kind.rawValue))::\(Self.data(s.summary))"
    }
  }

  /// The test of id `id` (compared without building each test's id).
  private func test(_ id: String) -> TestResult? {
    let (prefix, name) = TestID.split(id)
    return report.run.tests.first { $0.hasID(prefix: prefix, name: name) }
  }

  /// A command's message: `%`, CR and LF escaped, as GitHub's toolkit does.
  static func data(_ s: String) -> String {
    s.replacingAll(["%": "%25", "\r": "%0D", "\n": "%0A"])
  }

  /// A command's property value: also `:` and `,`, which would end it.
  static func property(_ s: String) -> String {
    s.replacingAll(["%": "%25", "\r": "%0D", "\n": "%0A", ":": "%3A", ",": "%2C"])
  }
}

extension String {
  /// Each scalar of `map`'s keys replaced by its value, in one pass (by scalar: `\r\n` is one
  /// Character but two escapes).
  fileprivate func replacingAll(_ map: [Unicode.Scalar: String]) -> String {
    var out = ""
    out.reserveCapacity(utf8.count)
    for c in unicodeScalars {
      if let r = map[c] { out += r } else { out.unicodeScalars.append(c) }
    }
    return out
  }
}
