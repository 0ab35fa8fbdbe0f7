import Foundation
import Testing

/// What a user sees when the file system works against them: a FIFO or a link loop given as input,
/// a `latest` that is not ours, work folders a killed build left, a full disk, an output folder
/// removed mid-build, an unreadable file. Each gets a clear message and a documented exit code;
/// no report is ever half-written.
@Suite(.serialized) struct FaultTests {
  static let now = "2026-01-01T00:00:00Z"

  /// Runs the binary, killing it after `seconds` (a hang is a failure, not a stuck test run).
  static func run(_ args: [String], seconds: Double = 30, user: String? = nil) throws -> (status: Int32, stderr: String, elapsed: Double) {
    let p = Process()
    if let user {
      p.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
      p.arguments = ["--reuid=\(user)", "--regid=\(user == "nobody" ? "nogroup" : user)", "--clear-groups", CLI.binary] + args
    } else {
      p.executableURL = URL(fileURLWithPath: CLI.binary)
      p.arguments = args
    }
    p.currentDirectoryURL = URL(fileURLWithPath: CLI.root)
    p.environment = CLI.outsideCI
    let err = Pipe()
    p.standardError = err
    p.standardOutput = FileHandle.nullDevice
    let start = Date()
    try p.run()
    let watchdog = DispatchWorkItem { if p.isRunning { kill(p.processIdentifier, SIGKILL) } }
    DispatchQueue.global().asyncAfter(deadline: .now() + seconds, execute: watchdog)
    let e = err.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    watchdog.cancel()
    return (p.terminationStatus, String(decoding: e, as: UTF8.self), Date().timeIntervalSince(start))
  }

  static func hidden(_ dir: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.hasPrefix(".") }
  }

  @Test func aFIFOIsSkippedWithAWarningAtOnce() throws {
    let dir = Scratch()
    let fifo = dir.path + "/pipe.log"
    #expect(mkfifo(fifo, 0o644) == 0)
    let alone = try Self.run(["build", fifo, "--out", dir.path + "/out", "--now", Self.now], seconds: 10)
    #expect(alone.elapsed < 5, "a FIFO must not block the build")
    #expect(alone.status == 66)
    #expect(alone.stderr.contains("pipe.log: warning: a FIFO (named pipe), not a regular file; skipped"))
    // Beside real inputs, and inside a folder, it is named and skipped: the report is built.
    let mixed = try Self.run(["build", "examples/logs", dir.path, "--out", dir.path + "/out", "--now", Self.now], seconds: 20)
    #expect(mixed.status == 0 && mixed.stderr.contains("a FIFO (named pipe)"))
  }

  @Test func aLinkLoopIsNamedAsOne() throws {
    let dir = Scratch()
    #expect(symlink(dir.path + "/b", dir.path + "/a") == 0 && symlink(dir.path + "/a", dir.path + "/b") == 0)
    let r = try Self.run(["build", dir.path + "/a", "--out", dir.path + "/out", "--now", Self.now])
    #expect(r.status == 66)
    #expect(r.stderr.contains("a loop of symbolic links"))
    #expect(!r.stderr.contains("no such file"))
  }

  @Test func aLatestThatIsNotOursIsLeftAloneAndSaidSo() throws {
    for kind in ["file", "folder"] {
      let dir = Scratch()
      if kind == "file" { dir.file("out/latest", "my notes") } else { dir.file("out/latest/keep.txt", "mine") }
      let r = try Self.run(["build", "examples/logs", "--out", dir.path + "/out", "--run-id", "r1", "--now", Self.now])
      #expect(r.status == 0)
      #expect(r.stderr.contains("latest: warning: is a \(kind), not the link to the newest run: left as it is"), "\(r.stderr)")
      let kept = kind == "file" ? "out/latest" : "out/latest/keep.txt"
      #expect(String(decoding: try dir.read(kept), as: UTF8.self).hasPrefix(kind == "file" ? "my notes" : "mine"))
      #expect(FileManager.default.fileExists(atPath: dir.path + "/out/r1/report.md"))
    }
  }

  @Test func workFoldersOfKilledBuildsAreRemovedAndLiveOnesKept() throws {
    let dir = Scratch()
    // A process that has exited: its pid is free.
    let gone = Process()
    gone.executableURL = URL(fileURLWithPath: "/bin/true")
    try gone.run()
    gone.waitUntilExit()
    let dead = gone.processIdentifier
    dir.file("out/.r0.tmp-\(dead)/report.md", "half")
    dir.file("out/.r0.old-\(dead)/report.md", "old")
    dir.file("out/.latest.tmp-\(dead)", "x")
    let live = getpid()  // this test process is alive: a concurrent build's folder
    dir.file("out/.r9.tmp-\(live)/report.md", "in progress")
    let r = try Self.run(["build", "examples/logs", "--out", dir.path + "/out", "--run-id", "r1", "--now", Self.now])
    #expect(r.status == 0)
    #expect(Self.hidden(dir.path + "/out") == [".r9.tmp-\(live)"])
  }

  @Test func aBuildKilledMidWriteLeavesNothingTheNextBuildKeeps() throws {
    let dir = Scratch()
    // A JUnit file large enough that writing its report takes a while.
    var xml = "<?xml version=\"1.0\"?>\n<testsuite name=\"s\">\n"
    for i in 0..<150_000 {
      xml += "<testcase classname=\"tests.test_m\(i % 90)\" name=\"test_case_\(i)_with_a_long_enough_name\" time=\"0.01\"/>\n"
    }
    xml += "</testsuite>\n"
    let input = dir.file("big.xml", xml)
    let out = dir.path + "/out"
    var killedMidWrite = false
    for _ in 0..<3 where !killedMidWrite {
      let p = Process()
      p.executableURL = URL(fileURLWithPath: CLI.binary)
      p.arguments = ["build", input, "--out", out, "--run-id", "k", "--now", Self.now]
      p.environment = CLI.outsideCI
      p.standardOutput = FileHandle.nullDevice
      p.standardError = FileHandle.nullDevice
      try p.run()
      let deadline = Date().addingTimeInterval(60)
      while p.isRunning && Date() < deadline {
        if Self.hidden(out).contains(where: { $0.contains(".tmp-") }) {
          kill(p.processIdentifier, SIGKILL)
          killedMidWrite = true
          break
        }
        usleep(2000)
      }
      p.waitUntilExit()
    }
    #expect(killedMidWrite, "the build finished before it could be killed mid-write")
    #expect(!FileManager.default.fileExists(atPath: out + "/k"), "no half-written report under the final name")
    #expect(!Self.hidden(out).isEmpty, "the killed build left its work folder")
    let next = try Self.run(["build", "examples/logs", "--out", out, "--run-id", "n", "--now", Self.now])
    #expect(next.status == 0)
    #expect(Self.hidden(out).isEmpty, "the next build removed the dead build's work folder: \(Self.hidden(out))")
  }

  @Test func theOutputFolderRemovedMidBuildIsAClearWriteError() throws {
    let dir = Scratch()
    var xml = "<?xml version=\"1.0\"?>\n<testsuite name=\"s\">\n"
    for i in 0..<150_000 {
      xml += "<testcase classname=\"tests.test_m\(i % 90)\" name=\"test_case_\(i)_with_a_long_enough_name\" time=\"0.01\"/>\n"
    }
    xml += "</testsuite>\n"
    let input = dir.file("big.xml", xml)
    let out = dir.path + "/out"
    var removed = false
    for _ in 0..<3 where !removed {
      let p = Process()
      p.executableURL = URL(fileURLWithPath: CLI.binary)
      p.arguments = ["build", input, "--out", out, "--run-id", "gone", "--now", Self.now]
      p.environment = CLI.outsideCI
      let err = Pipe()
      p.standardError = err
      p.standardOutput = FileHandle.nullDevice
      try p.run()
      while p.isRunning {
        if Self.hidden(out).contains(where: { $0.contains(".tmp-") }) {
          try? FileManager.default.removeItem(atPath: out)
          removed = true
          break
        }
        usleep(1000)
      }
      let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      p.waitUntilExit()
      guard removed else { continue }
      #expect(p.terminationStatus == 73, "\(text)")
      #expect(text.contains("report: error: cannot write the report:") && !text.contains("Error Domain="), "\(text)")
      #expect(!FileManager.default.fileExists(atPath: out + "/gone"))
    }
    #expect(removed, "the build finished before its output folder could be removed")
  }

  @Test func aFullDiskSaysSoAndLeavesNoHalfReport() throws {
    let dir = Scratch()
    let mnt = dir.path + "/small"
    try FileManager.default.createDirectory(atPath: mnt, withIntermediateDirectories: true)
    // A 64 KiB tmpfs: the report of the example does not fit. Needs root (CI runs as root).
    let mount = try PageAndTerminalTests.shell("mount -t tmpfs -o size=64k tmpfs '\(mnt)' 2>&1")
    guard mount.status == 0 else {
      print("skipped: cannot mount a small tmpfs here (\(mount.output.trimmingCharacters(in: .whitespacesAndNewlines)))")
      return
    }
    defer { _ = try? PageAndTerminalTests.shell("umount '\(mnt)'") }
    let r = try Self.run(["build", "examples/logs", "--out", mnt, "--run-id", "full", "--now", Self.now])
    #expect(r.status == 73)
    #expect(r.stderr.contains("No space left on device"), "\(r.stderr)")
    #expect(!r.stderr.contains("Error Domain="), "no Foundation error dump")
    #expect(!FileManager.default.fileExists(atPath: mnt + "/full"))
    #expect(Self.hidden(mnt).isEmpty)
  }

  @Test func anUnreadableFileIsNamedAndTheRestReported() throws {
    guard getuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else {
      print("skipped: needs root to drop to another user (root reads any file)")
      return
    }
    let dir = Scratch()
    try FileManager.default.copyItem(atPath: CLI.root + "/examples/logs", toPath: dir.path + "/logs")
    let secret = dir.path + "/logs/pytest-console.log"
    chmod(secret, 0o000)
    _ = try PageAndTerminalTests.shell("chmod -R a+rwX '\(dir.path)'; chmod 000 '\(secret)'")
    let r = try Self.run(["build", dir.path + "/logs", "--out", dir.path + "/out", "--run-id", "u", "--now", Self.now], user: "nobody")
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stderr.contains("pytest-console.log: warning: cannot open file"), "\(r.stderr)")
    #expect(FileManager.default.fileExists(atPath: dir.path + "/out/u/report.md"))
  }
}
