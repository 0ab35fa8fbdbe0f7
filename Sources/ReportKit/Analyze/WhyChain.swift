/// One step of a Five-Whys chain: observed (with the log lines that show it) or left to fill
/// (with questions for the person who will).
public struct Why: Sendable {
  public var question: String
  /// Our sentence when a log line shows the answer; its log-borne parts are code.
  public var answer: Phrase?
  /// The lines that show the answer, most telling first.
  public var citations: [Evidence]
  public var prompts: [String]

  init(question: String, answer: Phrase?, citations: [Evidence], prompts: [String] = []) {
    self.question = question
    self.answer = answer
    self.citations = citations
    self.prompts = prompts
  }

  /// A why left to fill, with its questions.
  init(question: String, prompts: [String]) { self.init(question: question, answer: nil, citations: [], prompts: prompts) }

  public var observed: Bool { answer != nil && !citations.isEmpty }
}

/// Builds five whys per cluster: the symptom, what the system answered, which component answered,
/// why (what the service itself says), and why no check caught it. An answer is observed only
/// where a log line shows it; the rest are questions by category.
struct WhyChain {
  let run: Run

  func whys(for c: Cluster, story: ClusterStory, _ findings: Findings) -> [Why] {
    let first = c.tests.first.map { run.tests[$0] }
    let verdict = c.tests.first.flatMap { findings.classifications[$0] }
    let n = max(c.tests.count, c.requests.count, 1)
    let what = c.tests.isEmpty && !c.requests.isEmpty ? "request" : "test"
    let p = Self.prompts(c.category)
    return [
      Why(
        question: n == 1 ? "Why did this \(what) fail?" : "Why did \(n) \(what)s fail?",
        answer: "\(n == 1 ? "It" : "They") failed\(first?.phase.map { " in \($0.rawValue)" } ?? "") with \(code: Self.symptom(story))",
        citations: [c.evidence]),
      answer(story, verdict),
      component(story, first, verdict),
      cause(story, p.cause),
      Why(question: p.process.question, prompts: p.process.prompts),
    ]
  }

  /// 2. What the system answered: the exchange's status and headers, a status the failure
  /// states, or a transport error (no answer at all).
  private func answer(_ story: ClusterStory, _ verdict: Classification?) -> Why {
    let question = "What did the system answer?"
    if let r = story.response {
      var said: Phrase =
        story.spread == nil ? "\(code: r.request) returned \(r.outcome)" : "All got \(r.sharedOutcome); the first was \(code: r.request)"
      var lines = [r.answerLine].compactMap { $0 }
      if let retry = r.retryAfter {
        said = "\(said), asking to retry after \(code: retry.text)"
        lines.append(retry.evidence)
      }
      if let to = r.location, r.exchange.status.map({ (300..<400).contains($0) }) == true {
        said = "\(said), redirecting to \(code: to.text)"
        lines.append(to.evidence)
      }
      return Why(question: question, answer: said, citations: lines)
    }
    guard let line = verdict?.evidence.first else { return Why(question: question, prompts: Self.noAnswerPrompts) }
    if let s = story.statedStatus {
      return Why(
        question: question, answer: "The failure states HTTP \(s)\(HTTPStatusText.phrase(s).map { " " + $0 } ?? "")", citations: [line])
    }
    if let t = story.transport {
      return Why(question: question, answer: "No HTTP answer arrived: \(t)", citations: [line])
    }
    let s = FailureFacts(text: line.text).signals
    let stated =
      s.grpcStatus.map { "gRPC \($0)" } ?? s.wsCloseCode.map { "WebSocket close code \($0)" } ?? s.curlExit.map { "curl exit \($0)" }
      ?? s.errnos.first.map { "errno \($0)" }
    if let stated { return Why(question: question, answer: "The failure states \(stated)", citations: [line]) }
    return Why(question: question, prompts: Self.noAnswerPrompts)
  }

  /// 3. Which component answered: the server or gateway a header names, the service at the
  /// address the failure names, or the line of code that raised.
  private func component(_ story: ClusterStory, _ t: TestResult?, _ verdict: Classification?) -> Why {
    let question = "Which component or layer gave that answer?"
    if let hosts = story.spread?.hosts, hosts.count > 1, let line = story.response?.answerLine ?? verdict?.evidence.first {
      let named = ActionPlan.codeList(Array(hosts.prefix(5)))
      let more: Phrase = hosts.count > 5 ? " and \(hosts.count - 5) more" : ""
      return Why(question: question, answer: "Requests to \(hosts.count) hosts got the same answer: \(named)\(more)", citations: [line])
    }
    if let r = story.response, let by = r.answeredBy {
      let at = story.endpoint?.address.map { " at \($0)" } ?? ""
      return Why(question: question, answer: "The service\(at) answered as \(code: by.text)", citations: [by.evidence])
    }
    if let e = story.endpoint, let address = e.address, let line = story.response?.answerLine ?? verdict?.evidence.first {
      let path: Phrase = e.path.isEmpty ? "" : ", endpoint \(code: e.path)"
      return Why(question: question, answer: "The service at \(code: address)\(path)", citations: [line])
    }
    if let e = story.endpoint, !e.path.isEmpty, let line = verdict?.evidence.first {
      return Why(question: question, answer: "The service behind endpoint \(code: e.path)", citations: [line])
    }
    if let d = t?.details, let file = d.file, let line = d.line, !d.lineIsDefinition,
      let cite = d.evidence.first(where: { $0.text.contains("\(file):\(line)") })
    {
      return Why(question: question, answer: "The code at \(code: "\(file):\(line)")", citations: [cite])
    }
    return Why(
      question: question,
      prompts: ["Which service, gateway or module produced the error?", "Is the same component used by tests that passed?"])
  }

  /// 4. Why it happened, where the service says so: its body's reason, its auth challenge.
  private func cause(_ story: ClusterStory, _ step: Step) -> Why {
    if let reason = story.response?.reason {
      return Why(question: step.question, answer: "The service says: \(code: reason.text)", citations: [reason.evidence])
    }
    if let challenge = story.response?.challenge {
      return Why(question: step.question, answer: "The service's challenge says: \(code: challenge.text)", citations: [challenge.evidence])
    }
    return Why(question: step.question, prompts: step.prompts)
  }

  /// The exception type (the message is quoted beside the whys), else the message's start.
  static func symptom(_ story: ClusterStory) -> String {
    story.exceptionType.map { ActionPlan.shortType($0) } ?? Excerpt.line(story.message, limit: 100)
  }

  static let noAnswerPrompts = [
    "The logs hold no response or status for this failure. What did the service log at this time?",
    "Can the request be replayed with `curl -v` to capture the answer?",
  ]

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
