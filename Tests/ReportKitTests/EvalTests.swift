import Foundation
import Testing

@testable import ReportKit

/// Accuracy of the classifier on labeled failures: the generated evaluation set
/// (`eval/make_eval.sh`: real pytest, node:test and curl runs against a loopback stand-in) and,
/// when `../shared/corpus` exists, failures from real projects labeled by reading them.
@Suite struct EvalTests {
  struct Score {
    var right: [Category: Int] = [:]
    var total: [Category: Int] = [:]
    var misses: [String] = []

    mutating func add(_ id: String, want: Category, got: Classification?) {
      total[want, default: 0] += 1
      if got?.category == want {
        right[want, default: 0] += 1
      } else {
        misses.append("\(id): want \(want.rawValue), got \(got?.category.rawValue ?? "nothing") (\(got?.rule ?? "-"))")
      }
    }

    var accuracy: Double { Double(right.values.reduce(0, +)) / Double(max(total.values.reduce(0, +), 1)) }
    var count: Int { total.values.reduce(0, +) }

    func report(_ name: String) -> String {
      var lines = ["\(name): \(right.values.reduce(0, +))/\(count) = \(String(format: "%.1f", accuracy * 100))%"]
      for c in Category.allCases where total[c] != nil {
        lines.append("  \(c.rawValue): \(right[c] ?? 0)/\(total[c]!)")
      }
      return (lines + misses.map { "  miss: \($0)" }).joined(separator: "\n")
    }
  }

  /// `id<TAB>category` (or `file<TAB>id<TAB>category`) lines; `#` comments skipped.
  static func labels(_ path: String) throws -> [[String]] {
    try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix("#") }
      .map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
  }

  static func score(run: Run, labels: [(id: String, category: Category)]) -> Score {
    let findings = Triage().findings(of: run)
    var index: [String: Int] = [:]
    for i in run.tests.indices { index[run.tests[i].id] = i }
    var s = Score()
    for l in labels { s.add(l.id, want: l.category, got: index[l.id].flatMap { findings.classifications[$0] }) }
    return s
  }

  static func generated() throws -> Score {
    let rows = try labels(Fixtures.path("eval/labels.tsv"))
    let run = try ReportBuilder().read([Fixtures.path("eval/logs")])
    return score(run: run, labels: rows.map { ($0[0], Category(rawValue: $0[1])!) })
  }

  static let corpus = Fixtures.root + "/../../../shared/corpus"

  static func fromCorpus() throws -> Score? {
    guard FileManager.default.fileExists(atPath: corpus + "/EXPECTED.tsv") else { return nil }
    let rows = try labels(Fixtures.root + "/../../scripts/corpus-labels.tsv")
    let run = try ReportBuilder().read([corpus])
    return score(run: run, labels: rows.map { ($0[1], Category(rawValue: $0[2])!) })
  }

  @Test func generatedSetIsLargeAndCoversEveryCategory() throws {
    let s = try Self.generated()
    print(s.report("eval (generated)"))
    #expect(s.count >= 150)
    #expect(Category.allCases.allSatisfy { (s.total[$0] ?? 0) >= 10 })
    #expect(s.accuracy >= 0.95, "\(s.report("eval (generated)"))")
  }

  @Test func accuracyOverallIsAtLeast95Percent() throws {
    var all = try Self.generated()
    if let c = try Self.fromCorpus() {
      print(c.report("eval (corpus)"))
      for (k, v) in c.total { all.total[k, default: 0] += v }
      for (k, v) in c.right { all.right[k, default: 0] += v }
      all.misses += c.misses
    }
    print(all.report("eval (all)"))
    #expect(all.accuracy >= 0.95, "\(all.report("eval (all)"))")
  }
}
