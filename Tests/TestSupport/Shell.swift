import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Runs a program and collects what it printed. Spawned and waited for with `posix_spawn` and
/// `waitpid`, the output through temporary files: no Dispatch queue is involved, so it works
/// from any test thread, even while the other cooperative threads are blocked (a test waiting
/// for the shared PostgreSQL server to start).
public enum Shell {
  public struct Output: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String

    public init(status: Int32, stdout: String, stderr: String) {
      self.status = status
      self.stdout = stdout
      self.stderr = stderr
    }
  }

  public static func run(_ program: String, _ arguments: [String], environment: [String: String] = [:]) -> Output {
    let base = NSTemporaryDirectory() + "report-shell-" + UUID().uuidString
    let (outPath, errPath) = (base + ".out", base + ".err")
    defer {
      unlink(outPath)
      unlink(errPath)
    }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    let env = ProcessInfo.processInfo.environment.merging(environment) { $1 }.map { "\($0.key)=\($0.value)" }
    var argv: [UnsafeMutablePointer<CChar>?] = ([program] + arguments).map { strdup($0) } + [nil]
    var envp: [UnsafeMutablePointer<CChar>?] = env.map { strdup($0) } + [nil]
    defer { for p in argv + envp { free(p) } }
    var pid: pid_t = 0
    let rc = posix_spawn(&pid, program, &actions, nil, &argv, &envp)
    guard rc == 0 else { return Output(status: 127, stdout: "", stderr: "cannot run \(program): \(String(cString: strerror(rc)))") }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    let read = { (path: String) in (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }
    // Exited: its code; killed by a signal: 128 + the signal, as a shell says.
    let code = status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + status & 0x7f
    return Output(status: code, stdout: read(outPath), stderr: read(errPath))
  }

  /// Runs SQL on a SQLite file through Python's sqlite3 module (another client than the one
  /// under test); each result row is printed as its values joined by `|`.
  public static func sqlite(_ path: String, _ sql: String) -> Output {
    let script = """
      import sqlite3, sys
      db = sqlite3.connect(sys.argv[1], timeout=30)
      for row in db.execute(sys.argv[2]): print('|'.join(str(v) for v in row))
      db.commit()
      """
    return run("/usr/bin/python3", ["-c", script, path, sql])
  }
}
