import Foundation
import Testing

@testable import ReportKit

/// The per-file table of the metrics: every test counted once under its file, however the
/// tests of one file are spread through the run.
@Suite struct MetricsTests {
  @Test func filesCountEveryTestUnderItsFile() {
    var groups = GroupInterner()
    let a1 = groups("a.py::TestOne::", "a.TestOne")
    let a2 = groups("a.py::TestTwo::", "a.TestTwo")
    let b = groups("b.py::", "b")
    let noFile = groups("", "suite-x")
    let order: [(TestGroup, TestStatus)] = [
      (a1, .passed), (a1, .failed), (a2, .passed), (b, .passed), (b, .error), (b, .passed),
      (a1, .failed), (noFile, .passed), (noFile, .failed), (b, .skipped), (a2, .passed),
      // A group of its own with the same prefix and another suite: still file a.py.
      (TestGroup(idPrefix: "a.py::TestTwo::", suite: "other"), .passed),
    ]
    let tests = order.enumerated().map { k, t in TestResult(group: t.0, name: "t\(k)", status: t.1, durationSeconds: Double(k)) }
    let m = Metrics(Run(inputs: [], tests: tests, requests: []), Findings(), targets: Targets())
    // Counted by hand from `order`: a.py 6 tests (2 failing), b.py 4 (1), suite-x 2 (1).
    let failing = Dictionary(uniqueKeysWithValues: m.files.map { ($0.file, ($0.tests, $0.failing)) })
    #expect(failing.count == 3)
    #expect(failing["a.py"]! == (6, 2))
    #expect(failing["b.py"]! == (4, 1))
    #expect(failing["suite-x"]! == (2, 1))
    #expect(m.files.map(\.file) == ["a.py", "b.py", "suite-x"])  // most failing first, then by name
    #expect(m.passingFiles.isEmpty)
    #expect(m.slowest.map(\.id) == ["a.py::TestTwo::t11", "a.py::TestTwo::t10", "b.py::t9", "t8", "t7"])
  }

  /// The endpoints found by interned parts and sorted by their ranks are those the string keys
  /// and pairwise string comparisons gave (the code before, kept here): 20,000 seeded requests
  /// over few methods, hosts (one missing, one not ASCII, one in two cases) and routes (ids
  /// folded), with statuses, curl exits, no answer and timings.
  @Test func endpointsAsStringKeysGaveThem() {
    var seed: UInt64 = 11
    func pick(_ n: Int) -> Int {
      seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((seed >> 33) % UInt64(n))
    }
    let methods: [String?] = ["GET", "POST", nil, "DELETE", "get"]
    let hosts: [String?] = ["api.example.com", "API.example.com", nil, "b\u{e9}ta.example.com", "be\u{301}ta.example.com", "z.example"]
    let paths = ["/v1/users/", "/v1/orders/", "/", "/caf\u{e9}/", "/a/b/c/", "/v1/users"]
    var requests: [HTTPExchange] = []
    for _ in 0..<20_000 {
      var x = HTTPExchange()
      x.method = methods[pick(methods.count)]
      x.host = hosts[pick(hosts.count)]
      let tail = pick(3) == 0 ? String(pick(100_000)) : ["x", "items", ""][pick(3)]
      x.url = pick(20) == 0 ? nil : "https://\(x.host ?? "h")\(paths[pick(paths.count)])\(tail)?q=\(pick(9))"
      switch pick(4) {
      case 0: x.curlExit = [6, 7, 28][pick(3)]
      case 1: break
      default: x.status = [200, 201, 404, 503][pick(4)]
      }
      if pick(3) > 0 { x.timingsMs["total"] = Double(pick(5_000)) / 10 }
      requests.append(x)
    }
    let found = Metrics.endpoints(requests)
    let expected = Self.endpointsByStrings(requests)
    #expect(found.count == expected.count)
    #expect(found.count > 100)
    // Spellings compared as bytes: `==` holds two spellings of one host equal, the report does not.
    func same(_ a: String, _ b: String) -> Bool { a.utf8.elementsEqual(b.utf8) }
    for (a, b) in zip(found, expected) {
      #expect(
        same(a.method, b.method) && same(a.host, b.host) && same(a.path, b.path) && a.requests == b.requests && a.statuses == b.statuses
          && a.p50 == b.p50 && a.p95 == b.p95 && a.max == b.max)
    }
    #expect(found.reduce(0) { $0 + $1.requests } == requests.count)
  }

  /// `Metrics.endpoints` as it was before interning: a string key per request, a status table
  /// per endpoint, the endpoints sorted by comparing their strings.
  private static func endpointsByStrings(_ requests: [HTTPExchange]) -> [Metrics.Endpoint] {
    var index: [String: Int] = [:]
    var list: [Metrics.Endpoint] = []
    var times: [[Double]] = []
    for r in requests {
      let path = Correlator.route(r.url.flatMap { Correlator.path(ofURL: $0) } ?? "/")
      let key = "\(r.method ?? "GET") \(r.host ?? "?") \(path)"
      let k = index[key] ?? list.count
      if k == list.count {
        index[key] = k
        list.append(Metrics.Endpoint(method: r.method ?? "GET", host: r.host ?? "?", path: path, requests: 0, statuses: [:]))
        times.append([])
      }
      list[k].requests += 1
      list[k].statuses[r.status.map(String.init) ?? r.curlExit.map { "curl \($0)" } ?? "no answer", default: 0] += 1
      if let total = r.timingsMs["total"] { times[k].append(total) }
    }
    for k in list.indices where !times[k].isEmpty {
      let t = times[k].sorted()
      (list[k].p50, list[k].p95, list[k].max) = (Metrics.percentile(t, 0.50), Metrics.percentile(t, 0.95), t.last)
    }
    return list.sorted { ($0.path, $0.method, $0.host) < ($1.path, $1.method, $1.host) }
  }
}
