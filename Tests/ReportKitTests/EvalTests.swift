import Foundation
import Testing

@testable import ReportKit

/// Accuracy of the classifier on labeled failures, on three sets: the generated evaluation set
/// (`eval/make_eval.sh`: real pytest, node:test and curl runs against a loopback stand-in), the
/// third-party set (`eval/thirdparty`: unmodified suites of PyPI projects and node:test, run offline
/// in healthy and broken set-ups, labeled by reading) and, when `../shared/corpus` exists,
/// failures from real projects labeled by reading them.
@Suite(.serialized) struct EvalTests {
  /// Right and total per key (a category, a suite, a rule or a confidence level).
  struct Tally {
    var right: [String: Int] = [:]
    var total: [String: Int] = [:]

    mutating func add(_ key: String, _ ok: Bool) {
      total[key, default: 0] += 1
      if ok { right[key, default: 0] += 1 }
    }

    mutating func merge(_ o: Tally) {
      for (k, v) in o.total { total[k, default: 0] += v }
      for (k, v) in o.right { right[k, default: 0] += v }
    }

    func rate(_ key: String) -> Double { Double(right[key] ?? 0) / Double(max(total[key] ?? 0, 1)) }

    func lines(_ keys: [String]? = nil) -> [String] {
      (keys ?? total.keys.sorted()).filter { total[$0] != nil }.map { k in
        "  \(k): \(right[k] ?? 0)/\(total[k] ?? 0) = \(String(format: "%.1f", rate(k) * 100))%"
      }
    }
  }

  struct Score {
    var byCategory = Tally()
    var bySuite = Tally()
    var byRule = Tally()
    var byConfidence = Tally()
    var misses: [String] = []

    mutating func add(_ id: String, want: Category, got: Classification?, suite: String = "") {
      let ok = got?.category == want
      byCategory.add(want.rawValue, ok)
      if !suite.isEmpty { bySuite.add(suite, ok) }
      byRule.add(got?.rule ?? "none", ok)
      byConfidence.add(got?.confidence.rawValue ?? "none", ok)
      if !ok {
        misses.append(
          "\(id): want \(want.rawValue), got \(got?.category.rawValue ?? "nothing") (\(got?.rule ?? "-"), \(got?.confidence.rawValue ?? "-"))"
        )
      }
    }

    mutating func merge(_ o: Score) {
      byCategory.merge(o.byCategory)
      bySuite.merge(o.bySuite)
      byRule.merge(o.byRule)
      byConfidence.merge(o.byConfidence)
      misses += o.misses
    }

    var count: Int { byCategory.total.values.reduce(0, +) }
    var right: Int { byCategory.right.values.reduce(0, +) }
    var accuracy: Double { Double(right) / Double(max(count, 1)) }

    func report(_ name: String) -> String {
      var lines = ["\(name): \(right)/\(count) = \(String(format: "%.1f", accuracy * 100))%"]
      lines += byCategory.lines(Category.allCases.map(\.rawValue))
      if !bySuite.total.isEmpty { lines += ["per suite:"] + bySuite.lines() }
      lines += ["precision per confidence:"] + byConfidence.lines(Confidence.allCases.map(\.rawValue) + ["none"])
      return (lines + misses.map { "  miss: \($0)" }).joined(separator: "\n")
    }
  }

  /// `id<TAB>category` (or `file<TAB>id<TAB>category[<TAB>reason]`) lines; `#` comments skipped.
  static func labels(_ path: String) throws -> [[String]] {
    try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix("#") }
      .map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
  }

  static func score(run: Run, labels: [(id: String, category: Category)], suite: String = "", into s: inout Score) {
    let findings = Triage().findings(of: run)
    var index: [String: Int] = [:]
    for i in run.tests.indices { index[run.tests[i].id] = i }
    for l in labels { s.add(l.id, want: l.category, got: index[l.id].flatMap { findings.classifications[$0] }, suite: suite) }
  }

  static func generated() throws -> Score {
    let rows = try labels(Fixtures.path("eval/labels.tsv"))
    let run = try ReportBuilder().read([Fixtures.path("eval/logs")])
    var s = Score()
    score(run: run, labels: rows.map { ($0[0], Category(rawValue: $0[1])!) }, into: &s)
    return s
  }

  static let corpus = Fixtures.root + "/../../../shared/corpus"

  static func fromCorpus() throws -> Score? {
    guard FileManager.default.fileExists(atPath: corpus + "/EXPECTED.tsv") else { return nil }
    let rows = try labels(Fixtures.root + "/../../scripts/corpus-labels.tsv")
    let run = try ReportBuilder().read([corpus])
    var s = Score()
    score(run: run, labels: rows.map { ($0[1], Category(rawValue: $0[2])!) }, into: &s)
    return s
  }

  static let thirdPartyRoot = Fixtures.root + "/../../eval/thirdparty"

  /// The third-party logs, unpacked once from `eval/thirdparty/logs.tar.xz` into a temporary folder.
  static let thirdPartyLogs: String = {
    let dir = NSTemporaryDirectory() + "report-thirdparty-" + UUID().uuidString
    try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    let tar = Process()
    tar.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    tar.arguments = ["tar", "-xJf", thirdPartyRoot + "/logs.tar.xz", "-C", dir]
    try? tar.run()
    tar.waitUntilExit()
    return dir + "/logs"
  }()

  /// Each labeled log dir read on its own (a run of its own), scored per suite.
  static func thirdParty() throws -> Score {
    var byDir: [String: [(String, Category)]] = [:]
    for row in try labels(thirdPartyRoot + "/labels.tsv") where row.count >= 3 {
      byDir[row[0], default: []].append((row[1], Category(rawValue: row[2])!))
    }
    var s = Score()
    for (dir, rows) in byDir.sorted(by: { $0.key < $1.key }) {
      let files = ["console.log", "junit.xml"].map { thirdPartyLogs + "/" + dir + "/" + $0 }.filter {
        FileManager.default.fileExists(atPath: $0)
      }
      let run = try ReportBuilder().read(files)
      score(run: run, labels: rows, suite: String(dir.prefix { $0 != "-" }), into: &s)
    }
    return s
  }

  @Test func generatedSetIsLargeAndCoversEveryCategory() throws {
    let s = try Self.generated()
    print(s.report("eval (generated)"))
    #expect(s.count >= 150)
    #expect(Category.allCases.allSatisfy { (s.byCategory.total[$0.rawValue] ?? 0) >= 10 })
    #expect(s.accuracy >= 0.95, "\(s.report("eval (generated)"))")
  }

  @Test func accuracyOverallIsAtLeast95Percent() throws {
    var all = try Self.generated()
    if let c = try Self.fromCorpus() {
      print(c.report("eval (corpus)"))
      all.merge(c)
    }
    print(all.report("eval (generated + corpus)"))
    #expect(all.accuracy >= 0.95, "\(all.report("eval (generated + corpus)"))")
  }

  /// Suites nobody tuned the rules for: at least 10 suites, every category, 90% right.
  @Test func thirdPartySuitesAreAtLeast90PercentRight() throws {
    let s = try Self.thirdParty()
    print(s.report("eval (third-party)"))
    #expect(s.count >= 400)
    #expect(s.bySuite.total.count >= 10)
    #expect(Category.allCases.allSatisfy { (s.byCategory.total[$0.rawValue] ?? 0) >= 10 })
    #expect(s.accuracy >= 0.90, "\(s.report("eval (third-party)"))")
  }

  /// A confidence level is a promise: over every labeled failure, high is right at least 97% of
  /// the time and medium at least 85% (README: "How sure the verdicts are").
  @Test func confidenceLevelsHoldTheirPrecision() throws {
    var all = try Self.generated()
    if let c = try Self.fromCorpus() { all.merge(c) }
    all.merge(try Self.thirdParty())
    print("calibration over \(all.count) labeled failures:")
    print(all.byConfidence.lines(Confidence.allCases.map(\.rawValue)).joined(separator: "\n"))
    print("per rule:\n" + all.byRule.lines().joined(separator: "\n"))
    #expect(all.byConfidence.rate(Confidence.high.rawValue) >= 0.97, "\(all.byConfidence.lines())")
    #expect(all.byConfidence.rate(Confidence.medium.rawValue) >= 0.85, "\(all.byConfidence.lines())")
  }
}
