/// A history of runs, kept in a database: `SQLiteHistory` (a file, through GRDB) or
/// `PostgresHistory` (a server, through PostgresNIO). Both have the same tables
/// (`HistorySchema`) and answer the same SQL (`HistoryQueries`), so everything beyond writing
/// a run and running a query (the weekly review, the list, `--baseline previous`, import) is
/// written once, against this protocol, and tested against both.
protocol HistoryStore: AnyObject {
  var location: HistoryLocation { get }

  /// Writes `record` in one transaction: a reader sees the whole run or none of it, and a build
  /// killed mid-write leaves the store as it was. A run of the same key is replaced; returns
  /// whether one was.
  func record(_ record: HistoryRecord) throws -> Bool

  /// The rows of a read-only query written with `?` for its parameters.
  func rows(_ sql: String, _ arguments: [SQLValue]) throws -> [SQLRow]

  /// Closes the connection; the store is not used after.
  func close()
}

extension HistoryRecord {
  /// The columns of `runs` this record fills, in order (`id` is the store's).
  static let runColumns = [
    "run_key", "at", "at_text", "source", "signature_version", "ci_commit", "ci_branch", "ci_url", "ci_json", "tests", "passed",
    "failed", "errors", "skipped", "xfailed", "xpassed", "flaky", "pass_rate", "duration_s", "failures_infrastructure",
    "failures_auth", "failures_routing", "failures_logic", "clusters", "suspicious",
  ]

  var runValues: [SQLValue] {
    let t = totals
    return [
      .text(runKey), .int(at), .text(atText), .text(source.rawValue), .text(signatureVersion), SQLValue(ci.commit),
      SQLValue(ci.branch), SQLValue(ci.url), SQLValue(ci.json), SQLValue(t.tests), SQLValue(t.passed), SQLValue(t.failed),
      SQLValue(t.errors), SQLValue(t.skipped), SQLValue(t.xfailed), SQLValue(t.xpassed), SQLValue(t.flaky), SQLValue(passRate),
      .double(JSONWriter.rounded(t.durationSeconds, 3)),
    ] + failures.map { SQLValue($0) } + [SQLValue(clusters.count), SQLValue(suspicious.count)]
  }

  /// The rows of the small per-run tables (everything but the tests), by table.
  func childRows(runID: Int64) -> [(table: String, columns: [String], rows: [[SQLValue]])] {
    let id = SQLValue.int(runID)
    return [
      (
        "clusters", ["run_id", "cluster_id", "title", "category", "severity", "signature", "tests", "owner"],
        clusters.map {
          [
            id, .text($0.id), .text($0.title), .text($0.category), .text($0.severity), .text($0.signature), SQLValue($0.tests),
            .text($0.owner),
          ]
        }
      ),
      (
        "endpoints", ["run_id", "name", "host", "requests", "failures", "p50_ms", "p95_ms"],
        endpoints.map {
          [id, .text($0.name), .text($0.host), SQLValue($0.requests), SQLValue($0.failures), SQLValue($0.p50), SQLValue($0.p95)]
        }
      ),
      (
        "suspicious", ["run_id", "seq", "kind", "subject", "category", "summary"],
        suspicious.enumerated().map {
          [
            id, SQLValue($0.offset), .text($0.element.kind), .text($0.element.subject), SQLValue($0.element.category),
            .text($0.element.summary),
          ]
        }
      ),
      (
        "actions", ["run_id", "seq", "priority", "title", "kind", "owner", "cluster_id", "done_when"],
        actions.enumerated().map { (k, a) in
          [
            id, SQLValue(k), .text(a.priority), .text(a.title), .text(a.kind), .text(a.owner), SQLValue(a.cluster),
            .text(a.doneWhen.joined(separator: "\n")),
          ]
        }
      ),
    ]
  }

  /// `INSERT INTO table (a, b) VALUES (?, ?)`.
  static func insert(_ table: String, _ columns: [String]) -> String {
    "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))"
  }
}
