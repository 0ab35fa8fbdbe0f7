import Foundation
import Testing

@testable import ReportKit

/// Files read by a pool of workers give what one reader gives, in the same order.
@Suite struct ParallelReaderTests {
  /// Every fixture folder at once (JUnit, pytest, curl, CTRF): the same artifacts, tests and
  /// requests, in the same order, with one worker and with many.
  @Test func manyWorkersReadWhatOneReads() throws {
    let (files, _) = InputCollector.collect([Fixtures.path("")])
    #expect(files.count > 50)
    let one = ParallelReader.read(files, parallel: false)
    let many = ParallelReader.read(files)
    #expect(one.map(\.path) == many.map(\.path))
    #expect(one.map(\.format) == many.map(\.format))
    #expect(one.map { $0.tests.map(\.id) } == many.map { $0.tests.map(\.id) })
    #expect(one.map { $0.tests.map(\.status) } == many.map { $0.tests.map(\.status) })
    #expect(one.map { $0.tests.map { $0.details?.message } } == many.map { $0.tests.map { $0.details?.message } })
    #expect(one.map { $0.requests.map(\.url) } == many.map { $0.requests.map(\.url) })
    #expect(one.map { $0.warnings.map(\.message) } == many.map { $0.warnings.map(\.message) })
    // In the order the collector listed the files.
    let order = files.map(\.display)
    #expect(one.map(\.path).filter(order.contains) == order.filter(one.map(\.path).contains))
  }
}
