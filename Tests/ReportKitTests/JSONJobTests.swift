import Foundation
import Testing

@testable import ReportKit

/// report.json written on its own thread is the file one pass writes, whichever way its
/// analysis part reaches the job: handed over as the report (the job's thread writes it) or
/// written into a file of its own that the job appends.
@Suite struct JSONJobTests {
  @Test(arguments: ["logs", "logs/ci-curl-verbose.log"])
  func bothWaysOfFinishingWriteWhatOnePassWrites(input: String) throws {
    let r = try SchemaTests().report(SchemaTests.examples + "/" + input)
    let dir = TempDir()
    let onePass = try #require(OutputSink(path: dir.path + "/one.json"))
    JSONRenderer().write(r, to: onePass)
    #expect(onePass.finish())
    let expected = try Data(contentsOf: URL(fileURLWithPath: dir.path + "/one.json"))
    #expect(expected.count > 1000)

    // Handed the report once the run's part is written.
    let handed = try start(r, dir.path + "/handed.json")
    while !handed.runWritten { usleep(1000) }
    handed.finish(.report(r))
    handed.done.wait()
    #expect(handed.succeeded)
    #expect(try Data(contentsOf: URL(fileURLWithPath: dir.path + "/handed.json")) == expected)

    // Handed a file holding the analysis part, written meanwhile.
    let appended = try start(r, dir.path + "/appended.json")
    let tailPath = dir.path + "/tail"
    let tail = try #require(OutputSink(path: tailPath))
    JSONRenderer().writeAnalysis(r, to: tail)
    #expect(tail.finish(sync: false))
    appended.finish(.tail(tailPath))
    appended.done.wait()
    #expect(appended.succeeded)
    #expect(try Data(contentsOf: URL(fileURLWithPath: dir.path + "/appended.json")) == expected)
    #expect(!FileManager.default.fileExists(atPath: tailPath), "the appended file is removed")

    // Handed the report at once (most likely before the run's part is written).
    let early = try start(r, dir.path + "/early.json")
    early.finish(.report(r))
    early.done.wait()
    #expect(early.succeeded)
    #expect(try Data(contentsOf: URL(fileURLWithPath: dir.path + "/early.json")) == expected)
  }

  /// A job whose run part is written lets go of its worker before the rest is handed over:
  /// `render` returns, and the hand-over writes the rest. (A worker that waited for the rest
  /// kept work queued behind it, on a queue that runs as many blocks as there are cores.)
  @Test func renderReturnsBeforeTheRestIsHandedOver() throws {
    let r = try SchemaTests().report(SchemaTests.examples + "/logs/ci-curl-verbose.log")
    let dir = TempDir()
    let job = JSONJob(sink: try #require(OutputSink(path: dir.path + "/report.json")))
    let rendered = DispatchGroup()
    rendered.enter()
    DispatchQueue.global().async {
      job.render(r.run, r.findings, r.meta)
      rendered.leave()
    }
    // Not a speed limit: the run's part of this report takes milliseconds; a render that waits
    // for the rest never returns before it is handed over.
    let returned = rendered.wait(timeout: .now() + 20) == .success
    #expect(returned)
    #expect(job.runWritten)
    job.finish(.report(r))
    job.done.wait()
    #expect(job.succeeded)
    let written = try Data(contentsOf: URL(fileURLWithPath: dir.path + "/report.json"))
    #expect(try JSONDecoder().decode(ReportSchema.Document.self, from: written) == ReportSchema.document(r))
  }

  /// A job started on a worker, as `ReportWriter.beginJSON` starts it.
  private func start(_ r: Report, _ path: String) throws -> JSONJob {
    let job = JSONJob(sink: try #require(OutputSink(path: path)))
    DispatchQueue.global().async { job.render(r.run, r.findings, r.meta) }
    return job
  }
}
