import Foundation
import Testing

@testable import ReportKit

/// `--history PATH|URL`: which store, which server, where the password comes from, and that
/// no printed form of a location ever holds the password.
@Suite struct HistoryLocationTests {
  @Test func aPathIsSQLiteAndAURLIsPostgreSQL() throws {
    #expect(try HistoryLocation("out/history.sqlite") == .sqlite(path: "out/history.sqlite"))
    #expect(HistoryLocation.beside(outDir: "reports") == .sqlite(path: "reports/history.sqlite"))
    #expect(HistoryLocation.sqlite(path: "ci/out/history.sqlite").folder == "ci/out")
    #expect(HistoryLocation.sqlite(path: "history.sqlite").folder == ".")
    guard case .postgres(let url) = try HistoryLocation("postgresql://ci:s3cr%40t@db.internal:6543/reports?sslmode=require") else {
      Issue.record("not PostgreSQL")
      return
    }
    #expect(url.user == "ci" && url.host == "db.internal" && url.port == 6543 && url.database == "reports" && url.tls == .require)
    #expect(url.password(environment: [:]) == "s3cr@t", "percent-decoded")
    let plain = try PostgresURL("postgres://db.internal/reports", environment: ["PGUSER": "runner"])
    #expect(plain.user == "runner" && plain.port == 5432 && plain.tls == .prefer)
  }

  @Test func badURLsAreUsageErrorsThatDoNotEchoThePassword() {
    for bad in ["postgresql://ci:hunter2@/reports", "postgresql://ci:hunter2@db:99999/x", "postgresql://ci:hunter2@db/x?sslmode=maybe", ""]
    {
      #expect {
        try HistoryLocation(bad)
      } throws: { error in
        guard case HistoryError.badLocation(let why) = error else { return false }
        return !why.contains("hunter2")
      }
    }
  }

  @Test func thePasswordIsMaskedInEveryPrintedForm() throws {
    let location = try HistoryLocation("postgresql://ci:hunter2@db.internal:5432/reports")
    #expect(location.description == "postgresql://ci:***@db.internal:5432/reports")
    #expect(HistoryError.unreachable(location: location.description, why: "refused").description.contains("ci:***@"))
    // Any text that quotes a URL: errors from below, log lines.
    #expect(
      PostgresURL.mask("connect postgresql://ci:hunter2@db:5432/x failed; postgres://u:p@w:rd@h/db too")
        == "connect postgresql://ci:***@db:5432/x failed; postgres://u:***@h/db too")
    #expect(PostgresURL.mask("postgresql://ci@db/x and http://a:b@c/") == "postgresql://ci@db/x and http://a:b@c/")
    #expect(!HistoryError.failed(location: "x", why: "postgresql://a:hunter2@b/c").description.contains("hunter2"))
  }

  /// The password: the URL's, else PGPASSWORD, else the first matching line of the password file.
  @Test func thePasswordComesFromTheURLThenPGPASSWORDThenThePasswordFile() throws {
    let dir = TempDir()
    let file = dir.file(
      "pgpass",
      """
      # host:port:database:user:password
      other.host:5432:reports:ci:wrong
      db.internal:5432:reports:ci:from\\:file
      *:*:*:*:fallback
      """)
    let url = try PostgresURL("postgresql://ci@db.internal/reports")
    #expect(url.password(environment: ["PGPASSFILE": file]) == "from:file")
    #expect(url.password(environment: ["PGPASSFILE": file, "PGPASSWORD": "env"]) == "env")
    #expect(try PostgresURL("postgresql://ci:url@db.internal/reports").password(environment: ["PGPASSWORD": "env"]) == "url")
    #expect(try PostgresURL("postgresql://ci@elsewhere/x").password(environment: ["PGPASSFILE": file]) == "fallback")
    #expect(url.password(environment: ["PGPASSFILE": dir.path + "/none"]) == nil)
    #expect(url.password(environment: ["HOME": dir.path]) == nil, "no ~/.pgpass")
  }
}
