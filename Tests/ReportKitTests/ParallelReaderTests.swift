import Foundation
import Testing

@testable import ReportKit

/// Files read by a pool of workers give what one reader gives, in the same order.
@Suite struct ParallelReaderTests {
  /// Every fixture folder at once (JUnit, pytest, curl, CTRF): the same artifacts, tests and
  /// requests, in the same order, with one worker and with four.
  @Test func manyWorkersReadWhatOneReads() throws {
    let (files, _) = InputCollector.collect([Fixtures.path("")])
    #expect(files.count > 50)
    let one = ParallelReader.read(files, workers: 1)
    let four = ParallelReader.read(files, workers: 4)
    #expect(one.map(\.path) == four.map(\.path))
    #expect(one.map(\.format) == four.map(\.format))
    #expect(one.map { $0.tests.map(\.id) } == four.map { $0.tests.map(\.id) })
    #expect(one.map { $0.tests.map(\.status) } == four.map { $0.tests.map(\.status) })
    #expect(one.map { $0.tests.map { $0.details?.message } } == four.map { $0.tests.map { $0.details?.message } })
    #expect(one.map { $0.requests.map(\.url) } == four.map { $0.requests.map(\.url) })
    #expect(one.map { $0.warnings.map(\.message) } == four.map { $0.warnings.map(\.message) })
    // In the order the collector listed the files.
    let order = files.map(\.display)
    #expect(one.map(\.path).filter(order.contains) == order.filter(one.map(\.path).contains))
  }
}
