import Foundation
import TestSupport
import Testing

/// The history through the binary: builds recorded, `report weekly`, `history list` and
/// `import`, `--baseline previous`, and the exit codes of a history that cannot take a run.
@Suite struct HistoryCommandTests {
  /// Eight daily builds into one `--out` (the example run, and on days 1, 4 and 7 the baseline).
  static func week(into out: String, history: [String] = []) throws -> [[String: Any]] {
    try (1...8).map { d in
      let logs = d % 3 == 1 ? "examples/baseline" : "examples/logs"
      let r = try CLI.run(
        ["build", logs, "--out", out, "--run-id", "day\(d)", "--now", "2026-01-0\(d)T09:00:00Z", "--format", "json"] + history)
      #expect(r.status == 0, "\(r.stderr)")
      #expect(r.stdout.contains("recorded in history "))
      return try json(out + "/day\(d)/report.json")
    }
  }

  static func json(_ path: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
  }

  static let weekly = ["weekly", "--since", "2026-01-01", "--now", "2026-01-08T12:00:00Z"]

  /// Each run with its pass rate, each cluster with the runs it appeared in.
  static func checkWeekly(_ weekly: [String: Any], against reports: [[String: Any]]) throws {
    let runs = try #require(weekly["runs"] as? [[String: Any]])
    #expect(runs.map { $0["id"] as? String } == (1...8).map { "day\($0)" })
    for (run, report) in zip(runs, reports) {
      let totals = try #require(report["totals"] as? [String: Any])
      #expect(run["pass_rate"] as? Double == totals["pass_rate"] as? Double)
      #expect(run["tests"] as? Int == totals["tests"] as? Int)
    }
    var occurrences: [String: Int] = [:]
    for report in reports {
      for c in report["clusters"] as? [[String: Any]] ?? [] { occurrences[c["id"] as? String ?? "", default: 0] += 1 }
    }
    let clusters = try #require(weekly["clusters"] as? [[String: Any]])
    #expect(clusters.count == occurrences.count)
    for c in clusters { #expect(c["occurrences"] as? Int == occurrences[c["id"] as? String ?? ""], "\(c["id"] ?? "")") }
    #expect(occurrences.values.contains(8) && occurrences.values.contains(3), "clusters recur")
  }

  @Test func eightBuildsIntoOneOutGiveAWeekOfRunsAndRecurringClusters() throws {
    let out = Scratch()
    let reports = try Self.week(into: out.path)
    let r = try CLI.run(Self.weekly + ["--history", out.path + "/history.sqlite"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("8 runs from 2026-01-01T09:00:00Z to 2026-01-08T09:00:00Z: pass rate 7.7% → 30.8%"))
    #expect(r.stdout.contains("weekly review written to \(out.path)/weekly/ (weekly.md, weekly.html, weekly.json)"))
    let weekly = try Self.json(out.path + "/weekly/weekly.json")
    try Self.checkWeekly(weekly, against: reports)
    let md = String(decoding: try out.read("weekly/weekly.md"), as: UTF8.self)
    for c in try #require(weekly["clusters"] as? [[String: Any]]) {
      #expect(md.contains("| `\(c["id"] as? String ?? "")` |") && md.contains("| \(c["occurrences"] as? Int ?? 0) of 8 |"))
    }
    #expect(md.contains("| `day1` | 2026-01-01 09:00 | 15 | 1 | 12 | 1 | 0 | 7.7% |"))
    // The same inputs and --now: the same bytes.
    let again = try CLI.run(Self.weekly + ["--history", out.path + "/history.sqlite", "--out", out.path + "/again"])
    #expect(again.status == 0)
    for name in ["weekly.md", "weekly.html", "weekly.json"] { #expect(try out.read("weekly/" + name) == out.read("again/" + name)) }
  }

  /// The same eight runs through a shared PostgreSQL server give the same review; its password
  /// is never printed.
  @Test(.enabled(if: !PostgresServer.absent, "PostgreSQL binaries absent: apt-get install postgresql"))
  func theSameWeekThroughPostgreSQLGivesTheSameRunsAndClusters() throws {
    let server = try #require(try PostgresServer.require())
    let url = server.url(server.database())
    let (local, shared) = (Scratch(), Scratch())
    let reports = try Self.week(into: local.path)
    _ = try Self.week(into: shared.path, history: ["--history", url])
    #expect(!FileManager.default.fileExists(atPath: shared.path + "/history.sqlite"))
    #expect(try CLI.run(Self.weekly + ["--history", local.path + "/history.sqlite"]).status == 0)
    let r = try CLI.run(Self.weekly + ["--history", url, "--out", shared.path + "/weekly"])
    #expect(r.status == 0, "\(r.stderr)")
    var (a, b) = (try Self.json(local.path + "/weekly/weekly.json"), try Self.json(shared.path + "/weekly/weekly.json"))
    try Self.checkWeekly(b, against: reports)
    #expect((b["history"] as? String)?.contains(":***@127.0.0.1:") == true)
    a["history"] = nil
    b["history"] = nil
    #expect(NSDictionary(dictionary: a) == NSDictionary(dictionary: b))
    let list = try CLI.run(["history", "list", "--history", url])
    #expect(list.status == 0 && list.stdout.contains(": 8 runs") && list.stdout.contains("day8"))
    // Without the password: PGPASSWORD, or a password file.
    let bare = server.url(url.split(separator: "/").last.map { String($0.prefix { $0 != "?" }) } ?? "", withPassword: false)
    #expect(try CLI.run(["history", "list", "--history", bare], environment: ["PGPASSWORD": PostgresServer.password]).status == 0)
    let pgpass = shared.file("pgpass", "127.0.0.1:\(server.port):*:report:\(PostgresServer.password)\n")
    #expect(try CLI.run(["history", "list", "--history", bare], environment: ["PGPASSFILE": pgpass, "PGPASSWORD": ""]).status == 75)
    #expect(try CLI.run(["history", "list", "--history", bare], environment: ["PGPASSFILE": pgpass]).status == 0)
    let outputs =
      [r.stdout, r.stderr, list.stdout, list.stderr]
      + ["weekly.md", "weekly.html", "weekly.json"].map {
        String(decoding: (try? shared.read("weekly/" + $0)) ?? Data(), as: UTF8.self)
      }
    #expect(!outputs.contains { $0.contains(PostgresServer.password) })
  }

  /// A server that cannot be reached: exit 75, the report written anyway, the password masked.
  @Test func anUnreachableServerExits75AfterTheReportIsWritten() throws {
    let out = Scratch()
    let url = "postgresql://ci:hunter2@127.0.0.1:1/reports?sslmode=disable"
    let r = try CLI.run(["build", "examples/logs", "--out", out.path, "--run-id", "x", "--now", "2026-01-01T00:00:00Z", "--history", url])
    #expect(r.status == 75)
    #expect(r.stderr.contains("report: warning: the run was not recorded: history postgresql://ci:***@127.0.0.1:1/reports"))
    #expect(!(r.stdout + r.stderr).contains("hunter2"))
    #expect(FileManager.default.fileExists(atPath: out.path + "/x/report.md"))
    let bad = try CLI.run(["weekly", "--history", "postgresql://ci:hunter2@/reports"])
    #expect(bad.status == 64 && !bad.stderr.contains("hunter2"))
  }

  /// Six builds at once into one history: six runs (and an intact file).
  @Test(arguments: ["sqlite", "postgres"])
  func sixBuildsAtOnceAllLand(store: String) throws {
    let out = Scratch()
    var history: [String] = []
    var server: PostgresServer?
    var database = ""
    if store == "postgres" {
      guard let s = try PostgresServer.require() else { return }
      database = s.database()
      history = ["--history", s.url(database)]
      server = s
    }
    let builds = try (1...6).map { k -> Process in
      let p = Process()
      p.executableURL = URL(fileURLWithPath: CLI.binary)
      p.arguments =
        [
          "build", k % 2 == 0 ? "examples/logs" : "examples/baseline", "--out", out.path, "--run-id", "c\(k)", "--now",
          "2026-01-0\(k)T00:00:00Z",
        ]
        + history
      p.currentDirectoryURL = URL(fileURLWithPath: CLI.root)
      p.standardOutput = FileHandle.nullDevice
      let errors = out.path + "/stderr-\(k).txt"
      _ = FileManager.default.createFile(atPath: errors, contents: nil)
      p.standardError = FileHandle(forWritingAtPath: errors)
      try p.run()
      return p
    }
    for p in builds { p.waitUntilExit() }
    for (k, p) in zip(1..., builds) where p.terminationStatus != 0 {
      let said = (try? String(contentsOfFile: out.path + "/stderr-\(k).txt", encoding: .utf8)) ?? ""
      Issue.record("build \(k) exited \(p.terminationStatus): \(said.suffix(600))")
    }
    let sql = { (q: String) in
      server.map { $0.psql(database, q).stdout } ?? Shell.sqlite(out.path + "/history.sqlite", q).stdout
    }
    #expect(sql("SELECT COUNT(*) FROM runs") == "6\n")
    #expect(sql("SELECT COUNT(*) FROM results") == "\(6 * 15)\n")
    #expect(sql("SELECT COUNT(*) FROM test_names") == "15\n", "both runs have the same 15 tests")
    if server == nil { #expect(sql("PRAGMA integrity_check") == "ok\n") }
  }

  /// A corrupt history, or one written by a newer report: exit 74, with the report written.
  @Test func anUnusableHistoryExits74AfterTheReportIsWritten() throws {
    let out = Scratch()
    out.file("history.sqlite", String(repeating: "garbage ", count: 1000))
    let r = try CLI.run(["build", "examples/logs", "--out", out.path, "--run-id", "x", "--now", "2026-01-01T00:00:00Z"])
    #expect(r.status == 74)
    #expect(
      r.stderr.contains("report: warning: the run was not recorded: history \(out.path)/history.sqlite is unusable: not a SQLite database"))
    #expect(FileManager.default.fileExists(atPath: out.path + "/x/report.md"))
    #expect(try CLI.run(["weekly", "--history", out.path + "/history.sqlite"]).status == 74)

    let newer = Scratch()
    #expect(try CLI.run(["build", "examples/logs", "--out", newer.path, "--run-id", "a", "--format", "json"]).status == 0)
    #expect(Shell.sqlite(newer.path + "/history.sqlite", "INSERT INTO grdb_migrations VALUES ('v2')").status == 0)
    let n = try CLI.run(["build", "examples/logs", "--out", newer.path, "--run-id", "b", "--format", "json"])
    #expect(n.status == 74 && n.stderr.contains("has schema v2"))
    #expect(FileManager.default.fileExists(atPath: newer.path + "/b/report.json"))
  }

  /// A history another writer keeps locked past the busy timeout and the retries: exit 75.
  @Test func aHistoryLockedTooLongExits75() throws {
    let out = Scratch()
    #expect(try CLI.run(["build", "examples/logs", "--out", out.path, "--run-id", "a", "--format", "json"]).status == 0)
    let ready = out.path + "/locked"
    let holder = Process()
    holder.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
    holder.arguments = [
      "-c",
      "import sqlite3, sys, time; db = sqlite3.connect(sys.argv[1], isolation_level=None); db.execute('BEGIN IMMEDIATE'); open(sys.argv[2], 'w').close(); time.sleep(20)",
      out.path + "/history.sqlite", ready,
    ]
    try holder.run()
    defer { holder.terminate() }
    for _ in 0..<500 where !FileManager.default.fileExists(atPath: ready) { usleep(20_000) }
    let r = try CLI.run(
      ["build", "examples/logs", "--out", out.path, "--run-id", "b", "--format", "json"],
      environment: ["REPORT_HISTORY_BUSY_TIMEOUT": "0.5"])
    #expect(r.status == 75, "\(r.stderr)")
    #expect(r.stderr.contains("another writer held it"))
    #expect(FileManager.default.fileExists(atPath: out.path + "/b/report.json"))
  }

  /// `kill -9` while a run of 100,000 tests is being written: the history is intact and holds
  /// the earlier run whole, and the new one whole or not at all.
  @Test func aBuildKilledMidWriteLeavesTheHistoryConsistent() throws {
    let out = Scratch()
    #expect(try CLI.run(["build", "examples/logs", "--out", out.path, "--run-id", "before", "--format", "json"]).status == 0)
    var xml = "<testsuite name=\"big\">\n"
    for i in 0..<100_000 { xml += "<testcase classname=\"big.T\(i / 100)\" name=\"test_\(i)\" time=\"0.001\"/>\n" }
    let big = out.file("big.xml", xml + "</testsuite>\n")
    let p = Process()
    p.executableURL = URL(fileURLWithPath: CLI.binary)
    p.arguments = ["build", big, "--out", out.path, "--run-id", "big", "--format", "json"]
    p.standardOutput = FileHandle.nullDevice
    p.standardError = FileHandle.nullDevice
    try p.run()
    let wal = out.path + "/history.sqlite-wal"
    var killed = false
    while p.isRunning {
      let size = (try? FileManager.default.attributesOfItem(atPath: wal)[.size] as? Int) ?? 0
      if size > 256 * 1024 {
        kill(p.processIdentifier, SIGKILL)
        killed = true
        break
      }
      usleep(2000)
    }
    p.waitUntilExit()
    let db = out.path + "/history.sqlite"
    #expect(Shell.sqlite(db, "PRAGMA integrity_check").stdout == "ok\n")
    let runs = Shell.sqlite(db, "SELECT run_key, tests, (SELECT COUNT(*) FROM results r WHERE r.run_id = runs.id) FROM runs ORDER BY id")
      .stdout
    if killed {
      #expect(runs == "before|15|15\n", "the killed run left nothing")
    } else {
      #expect(runs == "before|15|15\nbig|100000|100000\n")
      print("the build finished before it could be killed mid-write")
    }
    #expect(try CLI.run(["history", "list", "--history", db]).stdout.contains("before"))
  }

  @Test func importBringsInEarlierRunsAndListShowsThem() throws {
    let out = Scratch()
    let db = out.path + "/h.sqlite"
    // The committed runs only: `make demo` writes its own runs into reports/ too.
    let r = try CLI.run(["history", "import", "reports/example/", "reports/example-compare", "--history", db])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("imported example (15 tests) from reports/example//report.json"))
    #expect(r.stdout.contains("imported example-compare (15 tests)"))
    let list = try CLI.run(["history", "list", "--history", db])
    #expect(list.stdout.contains("history \(db): 2 runs"))
    #expect(list.stdout.contains("example-compare  2026-01-01T00:00:00Z  import     15       4        9        1      30.8%        11"))
    let again = try CLI.run(["history", "import", "reports/example", "--history", db])
    #expect(again.stdout.contains("replacing the earlier record"))
    out.file("bad/report.json", "{\"schema\": \"report/9\"}")
    let bad = try CLI.run(["history", "import", out.path + "/bad", "reports/example", "--history", db])
    #expect(bad.status == 0 && bad.stderr.contains("bad/report.json: warning: not a report.json of schema report/1, report/2 or report/3"))
    #expect(try CLI.run(["history", "import", out.path + "/bad", "--history", db]).status == 66)
    #expect(try CLI.run(["history", "import", "examples/logs", "--history", db]).status == 66)
    #expect(try CLI.run(["history", "list", "--history", out.path + "/none.sqlite"]).status == 66)
  }

  @Test func baselinePreviousComparesWithTheHistorysLastRun() throws {
    let out = Scratch()
    let first = try CLI.run([
      "build", "examples/baseline", "--out", out.path, "--run-id", "one", "--now", "2026-01-01T00:00:00Z", "--baseline", "previous",
    ])
    #expect(first.status == 0 && first.stderr.contains("holds no earlier run; the report has no comparison"))
    let second = try CLI.run([
      "build", "examples/logs", "--out", out.path, "--run-id", "two", "--now", "2026-01-02T00:00:00Z", "--baseline", "previous",
    ])
    #expect(second.status == 0, "\(second.stderr)")
    let comparison = try #require(try Self.json(out.path + "/two/report.json")["comparison"] as? [String: Any])
    #expect(comparison["baseline"] as? String == "one (2026-01-01T00:00:00Z, from history)")
    #expect((comparison["tests"] as? [String: [String]])?["fixed"]?.count == 3)
  }

  @Test func noHistoryRecordsNothingAndUsageErrorsExit64() throws {
    let out = Scratch()
    #expect(try CLI.run(["build", "examples/logs", "--out", out.path, "--run-id", "x", "--no-history"]).status == 0)
    #expect(!FileManager.default.fileExists(atPath: out.path + "/history.sqlite"))
    #expect(try CLI.run(["build", "examples/logs", "--no-history", "--baseline", "previous"]).status == 64)
    #expect(try CLI.run(["build", "examples/logs", "--no-history", "--history", "h.sqlite"]).status == 64)
    #expect(try CLI.run(["weekly", "--since", "last tuesday"]).status == 64)
    #expect(try CLI.run(["weekly", "--format", "pdf"]).status == 64)
    #expect(try CLI.run(["weekly", "--history", out.path + "/none.sqlite"]).status == 66)
  }

  /// `reports/example-weekly/` is the weekly review of eight builds of the example runs
  /// (scripts/example_weekly.sh, as `make example-report` runs it).
  @Test func theCommittedExampleWeeklyIsCurrent() throws {
    let out = Scratch()
    let r = Shell.run(CLI.root + "/scripts/example_weekly.sh", [CLI.binary, out.path])
    #expect(r.status == 0, "\(r.stderr)")
    for name in ["weekly.md", "weekly.html", "weekly.json"] {
      let committed = try Data(contentsOf: URL(fileURLWithPath: CLI.root + "/reports/example-weekly/" + name))
      #expect(try out.read(name) == committed, "reports/example-weekly/\(name) is stale: run `make example-report`")
    }
  }
}
