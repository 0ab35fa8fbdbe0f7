import Foundation
import Testing

@testable import ReportKit

/// URLs read as bytes give what the Character reading gives (its definition).
@Suite struct EndpointURLTests {
  static let edgeCases = [
    "http://a", "HTTP://Host.Example:8080/Path/To?q=1#f", "https://user:pw@h:443/x", "http://h:/p", "http://h:abc/p",
    "http://[::1]:8080/p", "http://[::1]/p", "ws://h?x", "wss://h#frag", "http:///nohost", "http://@/p", "://h/p",
    "no scheme here", "", "http://h:+80/p", "http://h:-1/p", "http://h:99999999999999999999/p", "http://a@b@c:1/p",
    "http://h/p?q#f?g", "x://h/p://q", "http://h/a b", "http://h:8080", "http://H:8080?", "mailto://X@Y",
    "http://h/p\r\nq", "http://café.test/p", "http://h/ünï", "HTTPS://ÉX.test:1/",
  ]

  @Test(arguments: edgeCases) func edgeCase(_ url: String) {
    #expect(Endpoint(url: url) == Endpoint.parseCharacters(url))
  }

  @Test func everyRequestOfTheFixturesReadsTheSame() throws {
    var urls = 0
    for log in [
      "curl/spread-hosts.log", "curl/spread-routes.log", "../../examples/logs/ci-curl-verbose.log",
      "../../examples/logs/curl-admin-trace.txt",
    ] {
      let run = try ReportBuilder().read([Fixtures.path(log)])
      for r in run.requests {
        guard let url = r.url else { continue }
        #expect(Endpoint(url: url) == Endpoint.parseCharacters(url), "\(url)")
        urls += 1
      }
    }
    #expect(urls > 20)
  }
}
