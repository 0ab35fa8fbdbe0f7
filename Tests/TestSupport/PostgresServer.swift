import Foundation

/// A real PostgreSQL server for the tests, never a mock: `scripts/pg_test_server.sh` runs
/// Debian's `initdb` and `pg_ctl` in a temporary folder and listens on 127.0.0.1 at a free port,
/// with password (SCRAM) login. Started once per test process on first use, stopped when the
/// process exits (or, should it crash, by the script's watchdog); each test works in a database
/// of its own.
///
/// Tests are skipped only when the PostgreSQL binaries are absent (`make deps` installs them, so
/// CI never skips), with the reason printed; a server that fails to start fails them.
public final class PostgresServer: Sendable {
  public static let user = "report"
  public static let password = "report-test-secret"

  public let port: Int
  let dir: String

  /// The server of this test process, started on first use.
  public enum Startup: Sendable {
    case running(PostgresServer)
    /// The PostgreSQL binaries are not installed: the tests that need them are skipped.
    case absent(String)
    /// They are, and the server did not start: the tests that need it fail.
    case failed(String)
  }

  public static let startup: Startup = {
    let dir = "/tmp/report-pg-" + UUID().uuidString
    let r = run(["start", dir, String(ProcessInfo.processInfo.processIdentifier)])
    if r.status == 3 {
      print("PostgreSQL tests skipped: \(r.stderr.trimmingCharacters(in: .whitespacesAndNewlines)) (apt-get install postgresql)")
      return .absent(r.stderr)
    }
    guard r.status == 0, let port = Int(r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) else {
      return .failed("scripts/pg_test_server.sh start exited \(r.status): \(r.stderr)")
    }
    atexit { PostgresServer.shared?.stop() }
    return .running(PostgresServer(port: port, dir: dir))
  }()

  public static var shared: PostgresServer? {
    if case .running(let server) = startup { return server }
    return nil
  }

  /// Whether the binaries are absent (then, and only then, PostgreSQL tests are skipped).
  public static var absent: Bool {
    if case .absent = startup { return true }
    return false
  }

  /// The server; nil when the binaries are absent; throws when it failed to start.
  public static func require() throws -> PostgresServer? {
    switch startup {
    case .running(let server): return server
    case .absent: return nil
    case .failed(let why): throw StartFailed(description: why)
    }
  }

  public struct StartFailed: Error, CustomStringConvertible {
    public var description: String
  }

  init(port: Int, dir: String) {
    self.port = port
    self.dir = dir
  }

  /// A new, empty database; returns its name.
  public func database() -> String {
    let name = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
    let r = Self.run(["createdb", dir, name])
    precondition(r.status == 0, "createdb \(name): \(r.stderr)")
    return name
  }

  /// `postgresql://report[:password]@127.0.0.1:PORT/db?sslmode=disable`.
  public func url(_ database: String, withPassword: Bool = true) -> String {
    "postgresql://\(Self.user)\(withPassword ? ":" + Self.password : "")@127.0.0.1:\(port)/\(database)?sslmode=disable"
  }

  /// Runs SQL in `database` with psql (another client than the one under test): rows as
  /// values joined by `|`.
  public func psql(_ database: String, _ sql: String) -> Shell.Output {
    Shell.run(
      "/usr/bin/psql", ["-h", "127.0.0.1", "-p", String(port), "-U", Self.user, "-d", database, "-tA", "-v", "ON_ERROR_STOP=1", "-c", sql],
      environment: ["PGPASSWORD": Self.password])
  }

  func stop() { _ = Self.run(["stop", dir]) }

  static func run(_ arguments: [String]) -> Shell.Output {
    Shell.run(Repository.root + "/scripts/pg_test_server.sh", arguments, environment: ["PGPASSWORD": password])
  }
}

/// The package's root folder.
public enum Repository {
  public static let root: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
  }()
}
