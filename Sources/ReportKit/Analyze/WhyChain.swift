/// One step of a Five-Whys chain: observed (with the log line that shows it) or left to fill
/// (with questions for the person who will).
public struct Why: Sendable {
  public var question: String
  /// Our sentence; `quote` is the log text it rests on (shown as code).
  public var answer: String?
  public var quote: String?
  public var citation: Evidence?
  public var prompts: [String]

  init(question: String, answer: String?, quote: String? = nil, citation: Evidence?, prompts: [String]) {
    self.question = question
    self.answer = answer
    self.quote = quote
    self.citation = citation
    self.prompts = prompts
  }

  public var observed: Bool { answer != nil && citation != nil }
}

/// Builds five whys per cluster: symptom, what the system answered, which component, then the
/// deeper causes. Only what a log line shows is answered; the rest are prompts by category.
struct WhyChain {
  let run: Run

  func whys(for c: Cluster, _ findings: Findings) -> [Why] {
    let first = c.tests[0]
    let t = run.tests[first]
    let d = t.details
    let verdict = findings.classifications[first]
    let n = c.tests.count
    let message = Excerpt.line(d?.message ?? d?.exceptionType ?? t.status.rawValue, limit: 200)
    var out: [Why] = []
    // 1. The symptom.
    out.append(
      Why(
        question: n == 1 ? "Why did this test fail?" : "Why did \(n) tests fail?",
        answer: "\(n == 1 ? "It" : "They") failed\(t.phase.map { " in \($0.rawValue)" } ?? "") with", quote: message,
        citation: c.evidence, prompts: []))
    // 2. What the system answered: a correlated exchange, or a status/error in the failure itself.
    out.append(immediateCause(t, verdict))
    // 3. The component or layer: the endpoint the failure names.
    out.append(component(t, verdict))
    // 4 and 5: deeper causes, left for a human.
    let p = Self.prompts(c.category)
    out.append(Why(question: p.cause.question, answer: nil, citation: nil, prompts: p.cause.prompts))
    out.append(Why(question: p.process.question, answer: nil, citation: nil, prompts: p.process.prompts))
    return out
  }

  private func immediateCause(_ t: borrowing TestResult, _ verdict: Classification?) -> Why {
    let question = "What did the system answer?"
    if let r = verdict?.request {
      let x = run.requests[r]
      var what = "no answer"
      if let status = x.status {
        what = "HTTP \(status)" + (x.reason.map { " " + $0 } ?? "")
      } else if let code = x.curlExit {
        what = "curl exit \(code)" + (x.error.map { ": " + $0 } ?? "")
      }
      let body = x.bodyExcerpt.map { "; body: \(Excerpt.line($0, limit: 160))" } ?? ""
      let cite = x.statusLine ?? x.evidence.first { $0.text.hasPrefix("<") } ?? x.evidence.last
      return Why(question: question, answer: "\(x.method ?? "GET") \(x.url ?? "?") returned \(what)\(body)", citation: cite, prompts: [])
    }
    let f = FailureFacts(t)
    let s = f.signals
    var stated: String?
    if let v = s.httpStatus {
      stated = "HTTP \(v)"
    } else if let v = s.grpcStatus {
      stated = "gRPC \(v)"
    } else if let v = s.wsCloseCode {
      stated = "WebSocket close code \(v)"
    } else if let v = s.curlExit {
      stated = "curl exit \(v)"
    } else if let v = s.errnos.first {
      stated = "errno \(v)"
    }
    if let stated, let line = verdict?.evidence.first {
      return Why(question: question, answer: "The failure states \(stated)", citation: line, prompts: [])
    }
    if let verdict, BuiltInRules.all.first(where: { $0.id == verdict.rule })?.signal == .transport, let line = verdict.evidence.first {
      return Why(
        question: question, answer: "No HTTP answer arrived: the request failed at the transport level", citation: line, prompts: [])
    }
    return Why(
      question: question, answer: nil, citation: nil,
      prompts: [
        "The logs hold no response or status for this failure. What did the service log at this time?",
        "Can the request be replayed with `curl -v` to capture the answer?",
      ])
  }

  private func component(_ t: borrowing TestResult, _ verdict: Classification?) -> Why {
    let question = "Which component or layer gave that answer?"
    if let r = verdict?.request, let host = run.requests[r].host {
      let x = run.requests[r]
      let path = x.url.flatMap { Correlator.path(ofURL: $0) } ?? "/"
      return Why(question: question, answer: "The service at \(host), endpoint", quote: path, citation: x.evidence.first, prompts: [])
    }
    if let d = t.details, let message = d.message, let e = Correlator.endpoints(in: message).first, let cite = d.evidence.first {
      return Why(
        question: question, answer: "The service \(e.host.map { "at \($0), " } ?? "")endpoint", quote: e.path, citation: cite, prompts: [])
    }
    if let d = t.details, let file = d.file, let line = d.line, !d.lineIsDefinition {
      // Only a line that names the place backs the claim.
      if let cite = d.evidence.first(where: { $0.text.contains("\(file):\(line)") }) {
        return Why(question: question, answer: "The code at", quote: "\(file):\(line)", citation: cite, prompts: [])
      }
    }
    return Why(
      question: question, answer: nil, citation: nil,
      prompts: ["Which service, gateway or module produced the error?", "Is the same component used by tests that passed?"])
  }

  typealias Step = (question: String, prompts: [String])

  /// The questions a human answers for the deeper whys, by category.
  static func prompts(_ c: Category) -> (cause: Step, process: Step) {
    switch c {
    case .infrastructure:
      return (
        (
          "Why was the service unavailable or slow?",
          [
            "Was anything deployed or restarted around the time of the run?",
            "Did the service or its database run out of capacity (connections, memory, instances)?",
            "What do the service's health checks and logs say at that time?",
          ]
        ),
        (
          "Why did no check catch it before the tests ran?",
          [
            "Is there a health check or alert on this dependency in staging?",
            "Does the pipeline wait for the environment to be healthy before running the suite?",
          ]
        )
      )
    case .auth:
      return (
        (
          "Why were the credentials refused?",
          [
            "Where does the test's token or key come from (vault, CI variable, fixture), and was it rotated?",
            "What is the token lifetime, and could it expire during the run?",
            "Is there clock skew between the runner and the service?",
          ]
        ),
        (
          "Why did the credential problem reach the test run?",
          [
            "Is secret rotation tested or monitored in staging?",
            "Does the suite check its credentials once, up front, with a clear error?",
          ]
        )
      )
    case .routing:
      return (
        (
          "Why did the request reach no handler, or the wrong one?",
          [
            "Is the route deployed in this environment, in this version?",
            "Does the gateway or ingress map this path and host?",
            "Is the base URL or domain in the test configuration the one the environment serves?",
          ]
        ),
        (
          "Why did the configuration drift go unnoticed?",
          [
            "Is there a contract or smoke test of the routes after each deploy?",
            "Is the host name defined once, or copied between configs?",
          ]
        )
      )
    case .logic:
      return (
        (
          "Why did the code behave differently from what the test expects?",
          [
            "What changed recently in the code under test or in this test?",
            "Does the test assume data, ordering or timing that no longer holds?",
          ]
        ),
        (
          "Why was it not caught earlier?",
          [
            "Is there a unit test for this behaviour that runs before the end-to-end suite?",
            "Was the change reviewed against this test's expectation?",
          ]
        )
      )
    }
  }
}
