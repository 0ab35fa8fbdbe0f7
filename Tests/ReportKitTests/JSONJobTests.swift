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
    handed.finish(with: r)
    handed.done.wait()
    #expect(handed.succeeded)
    #expect(try Data(contentsOf: URL(fileURLWithPath: dir.path + "/handed.json")) == expected)

    // Handed a file holding the analysis part, written meanwhile.
    let appended = try start(r, dir.path + "/appended.json")
    let tailPath = dir.path + "/tail"
    let tail = try #require(OutputSink(path: tailPath))
    JSONRenderer().writeAnalysis(r, to: tail)
    #expect(tail.finish(sync: false))
    appended.finish(withTail: tailPath)
    appended.done.wait()
    #expect(appended.succeeded)
    #expect(try Data(contentsOf: URL(fileURLWithPath: dir.path + "/appended.json")) == expected)
    #expect(!FileManager.default.fileExists(atPath: tailPath), "the appended file is removed")
  }

  /// A job started on its own thread, as `ReportWriter.beginJSON` starts it.
  private func start(_ r: Report, _ path: String) throws -> JSONJob {
    let job = JSONJob(sink: try #require(OutputSink(path: path)))
    job.done.enter()
    Detached.run {
      job.render(r.run, r.findings, r.meta)
      job.done.leave()
    }
    return job
  }
}
