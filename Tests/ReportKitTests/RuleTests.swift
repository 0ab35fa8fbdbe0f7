import Foundation
import Testing

@testable import ReportKit

/// The rule registry: every example of every rule, the catalog, and precedence between rules.
@Suite struct RuleTests {
  @Test func everyRuleExampleBehaves() {
    let wrong = BuiltInRules.all.flatMap { $0.exampleFailures() }
    #expect(wrong.isEmpty, "\(wrong.joined(separator: "\n"))")
  }

  @Test func registryIsLargeUniqueAndSnakeCase() {
    let ids = BuiltInRules.all.map(\.id)
    #expect(ids.count >= 40)
    #expect(Set(ids).count == ids.count)
    #expect(ids.allSatisfy { $0.range(of: #"^[a-z][a-z0-9]*(_[a-z0-9]+)*$"#, options: .regularExpression) != nil })
    #expect(BuiltInRules.all.allSatisfy { $0.examples.contains { $0.matches } && !$0.rationale.isEmpty })
    // Every rule but the fallback has a counter-example.
    #expect(BuiltInRules.all.filter { $0.signal != .fallback }.allSatisfy { $0.examples.contains { !$0.matches } })
  }

  @Test func docsRulesMarkdownIsCurrent() throws {
    let root = URL(fileURLWithPath: Fixtures.root).deletingLastPathComponent().deletingLastPathComponent().path
    let committed = try String(contentsOfFile: root + "/docs/rules.md", encoding: .utf8)
    #expect(committed == RuleCatalog.markdown(), "docs/rules.md is stale: run `report rules --markdown > docs/rules.md`")
  }

  private func verdict(_ text: String, type: String? = nil, phase: Phase? = .call, linked: [FailureFacts.LinkedExchange] = []) -> Rule {
    let classifier = Classifier()
    var f = FailureFacts(text: text, exceptionType: type, phase: phase, phrases: classifier.phrases)
    f.linked = linked
    return classifier.decide(f).rule
  }

  /// The misses issue 12 quotes, from suites the rules were not written for.
  @Test func setUpFailuresAreInfrastructureAndNamedForWhatTheyAre() {
    let socks = verdict(
      "requests.exceptions.InvalidSchema: Missing dependencies for SOCKS support.", type: "requests.exceptions.InvalidSchema")
    #expect(socks.id == "missing_dependency")
    #expect(socks.category == .infrastructure)
    let unreachable = verdict(
      "requests.exceptions.ConnectionError: HTTPConnectionPool(host='10.255.255.1', port=80): Max retries exceeded with url: / "
        + "(Caused by NewConnectionError('<urllib3.connection.HTTPConnection object>: Failed to establish a new connection: [Errno 101] Network is unreachable'))",
      type: "requests.exceptions.ConnectionError")
    #expect(unreachable.id == "network_unreachable")
    #expect(verdict("ConnectionRefusedError: [Errno 111] Connection refused", type: "ConnectionRefusedError").id == "connection_refused")
    #expect(verdict("PermissionError: [Errno 13] Permission denied: '/srv/out'", type: "PermissionError").category == .infrastructure)
    #expect(verdict("OSError: [Errno 28] No space left on device", type: "OSError").category == .infrastructure)
    #expect(verdict("/bin/sh: 1: pg_dump: not found", type: "AssertionError").id == "missing_executable")
    #expect(verdict("KeyError: 'ORDERS_DATABASE_URL'", type: "KeyError").id == "missing_env_var")
    #expect(verdict("DeprecationWarning: datetime.utcnow() is deprecated", type: "DeprecationWarning").category == .logic)
    // Certificate expiry is the environment's (see README: certificates are renewed by operations).
    #expect(verdict("ssl.SSLCertVerificationError: certificate verify failed: certificate has expired").category == .infrastructure)
  }

  @Test func anErrorStatusExpectedInsteadOfAnotherIsNotHighConfidence() {
    let classifier = Classifier()
    let test = TestResult(idPrefix: "t.py::", name: "t", suite: "t", status: .failed, phase: .call)
    for (text, want) in [
      ("assert 404 == 400\n +  where 404 = <Response [404]>.status_code", Confidence.medium),
      ("assert 404 == 200\n +  where 404 = <Response [404]>.status_code", Confidence.high),
    ] {
      let f = FailureFacts(text: text, exceptionType: "AssertionError", phase: .call, phrases: classifier.phrases)
      let c = classifier.classify(test, facts: f, requests: [])
      #expect(c.rule == "http_404")
      #expect(c.confidence == want, "\(text)")
    }
  }

  @Test func transportBeatsStatus() {
    let r = verdict("HTTP 503 from gateway; retry failed: [Errno 111] Connection refused", type: "requests.exceptions.ConnectionError")
    #expect(r.category == .infrastructure)
    #expect(r.signal == .transport)
    // ... even when the status would say auth.
    #expect(verdict("401 Unauthorized, then: connect ECONNREFUSED 10.0.0.1:443").id == "node_econnrefused")
  }

  @Test func statusInsideAssertionBeatsBareAssertion() {
    let r = verdict("AssertionError: got 401: JWT expired\nassert 401 == 200", type: "AssertionError")
    #expect(r.id == "http_401")
    #expect(r.category == .auth)
    #expect(verdict("assert 404 == 200\n +  where 404 = <Response [404]>.status_code", type: "AssertionError").category == .routing)
  }

  @Test func setupConnectionErrorIsInfrastructure() {
    #expect(verdict("OSError: [Errno 99] Cannot assign requested address", type: "OSError", phase: .setup).category == .infrastructure)
    #expect(verdict("OSError: [Errno 22] Invalid argument", type: "OSError", phase: .setup).category == .infrastructure)
    #expect(verdict("OSError: [Errno 22] Invalid argument", type: "OSError", phase: .call).category == .logic)
  }

  @Test func plainAssertionsAndCodeErrorsAreLogic() {
    #expect(verdict("assert 99.5 == (3 * 33.0)", type: "AssertionError").id == "assertion_mismatch")
    #expect(verdict("KeyError: 'items'", type: "KeyError").id == "code_exception")
    let bare = verdict("AssertionError", type: "AssertionError")
    #expect(bare.id == "assertion_type" && bare.confidence == .low)
    #expect(verdict("").id == "unclassified")
  }

  @Test func aVagueFailureTakesTheStatusOfItsCorrelatedExchange() {
    let r = verdict(
      "AssertionError: unexpected inventory from http://x/api/inventory", type: "AssertionError", linked: [.init(index: 0, status: 503)])
    #expect(r.id == "http_502_503_504")
    // A status in the text itself wins over the exchange's.
    #expect(verdict("HTTP Error 401: Unauthorized", linked: [.init(index: 0, status: 503)]).id == "http_401")
  }

  @Test func signalsAreReadOnlyInContext() {
    let s = { (t: String) in Signals.extract(from: t, has: { t.lowercased().utf8Contains($0) }) }
    #expect(s("requests.exceptions.HTTPError: 503 Server Error: Service Unavailable for url: http://h/x").httpStatus == 503)
    #expect(s("expected: <200> but was: <404>").httpStatus == 404)
    #expect(s("assert len(items) == 404").httpStatus == nil)
    #expect(s("assert 200 == 201").httpStatus == nil)
    #expect(s("rpc error: code = DeadlineExceeded desc = x").grpcStatus == "DEADLINE_EXCEEDED")
    #expect(s("websockets.exceptions.ConnectionClosedError: received 1011 (internal error)").wsCloseCode == 1011)
    #expect(s("curl: (28) Operation timed out after 1000 milliseconds").curlExit == 28)
    #expect(s("[Errno 111] Connection refused").errnos == [111])
  }

  @Test func phrasesAreFoundInOnePass() {
    let set = PhraseSet(["refused", "connection refused", "fused", "timeout"])
    let found = set.find(in: "error: connection refused here")
    #expect(found.contains(set.ids["refused"]!) && found.contains(set.ids["connection refused"]!) && found.contains(set.ids["fused"]!))
    #expect(!found.contains(set.ids["timeout"]!))
  }

  /// The automaton (a row per byte class, not per byte) finds exactly the phrases a plain search
  /// finds: overlapping phrases, phrases inside others, bytes no phrase uses, multi-byte UTF-8,
  /// over 2,000 texts made from pieces of the phrases and other bytes.
  @Test func phrasesFoundAreThoseAPlainSearchFinds() {
    let phrases = [
      "refused", "connection refused", "fused", "timeout", "time", "out", "timed out", "é", "café", "ü", "abab", "bab", "a",
      "503", "http 503", "x-", "-x", "token expired", "expired",
    ]
    let set = PhraseSet(phrases)
    let pieces = phrases + ["", " ", "\n", "zz", "q", "\u{1F600}", "ca", "fé", "ti", "me", "ab", "5", "03", "\t", "~"]
    var seed: UInt64 = 42
    func next(_ n: Int) -> Int {  // a fixed LCG: the same texts every run
      seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((seed >> 33) % UInt64(n))
    }
    let upper = pieces.map { $0.uppercased() } + ["K", "ſ", "İ", "TIMEOUT", "Connection Refused"]
    for _ in 0..<2000 {
      let text = (0..<next(12)).map { _ in pieces[next(pieces.count)] }.joined()
      let found = set.find(in: text)
      for p in phrases {
        #expect(found.contains(set.ids[p]!) == text.utf8Contains(p), "\(p) in \(text)")
      }
      // Lower-casing as it reads (by bytes when ASCII): what lower-casing first finds.
      let mixed = (0..<next(12)).map { _ in next(2) == 0 ? pieces[next(pieces.count)] : upper[next(upper.count)] }.joined()
      let folded = set.find(inLowercasing: mixed)
      for p in phrases {
        #expect(folded.contains(set.ids[p]!) == mixed.lowercased().utf8Contains(p), "\(p) in \(mixed)")
      }
    }
  }
}

/// The contexts in which a number is read as an HTTP status, and the ones in which it is not.
@Suite struct StatusContextTests {
  @Test(arguments: [
    ("<Response [503]>", 503), ("HTTP Error 502: Bad Gateway", 502), ("HTTP/1.1 404 Not Found", 404), ("got HTTP 401", 401),
    ("Request failed with status code 403", 403), ("status_code=503", 503), ("statusCode: 500", 500), ("status was 429", 429),
    ("returned an HTTP status 504", 504), ("responded with 502", 502), ("expected: <200> but was: <503>", 503),
    ("route not found -> 404", 404), ("Response status code does not indicate success: 503 (Service Unavailable).", 503),
    ("401 Client Error: Unauthorized", 401), ("404 NOT_FOUND", 404), ("503: Service Unavailable", 503), ("503 !== 200", 503),
    ("assert 404 == 200", 404), ("ClientResponseError: 503, message='Service Unavailable'", 503),
  ])
  func statusIsRead(text: String, status: Int) {
    #expect(Signals.httpStatus(in: text) == status)
  }

  @Test(arguments: [
    "assert 295 == 302", "assert len(items) == 404", "expected total 4.04 EUR, got 503.12 EUR", "10.0.404.1 unreachable",
    "order 404 has 3 items", "200 !== 503", "took 503 ms", "status 200", "port 443 closed", "HTTPS 4433",
  ])
  func noStatusIsRead(text: String) {
    #expect(Signals.httpStatus(in: text) == nil)
  }

  /// The candidate numbers of 40,000 seeded texts made of the words around statuses (in any case,
  /// cut, next to digits, letters, decimal points and a non-ASCII arrow) are found, and each is
  /// read, as the code before found and read them.
  @Test func readAsBefore() {
    let pieces = [
      "<Response [", "]>", "does not indicate success: ", "->", "=>", "→", " ", "  ", ":", "<", ">", "but was", "BUT GOT", "http",
      "HTTP/1.1", "/2", " error", "status", "Status Code", "status_code", "status-code", "statuscode", "was", "of", "is", "=", "\t",
      "got", "returned", "received", "responded with", "response was", "answered", "an", "a", "x", "1", "7", "404", "503", "200",
      "299", "301", "599", "4041", ".", ",", ", message=", "!==", "===", "!=", "==", " 200", " 2000", "Unauthorized", "not found",
      "NOT_FOUND", "gateway time-out", "gone", "goner", "service unavailable", "_", "é", "\n",
    ]
    var rng = DamagedInputTests.SplitMix(state: 23)
    var read = 0
    var candidates = 0
    for _ in 0..<40_000 {
      let text = (0..<Int(rng.next() % 10)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()
      let bytes = Array(text.utf8)
      let all = Signals.statusCandidates(bytes)
      #expect(all == StatusContextBefore.statusCandidates(bytes), "\(text.debugDescription)")
      #expect(Signals.statusCandidates(bytes, limit: 2) == Array(all.prefix(2)))
      for p in all {
        candidates += 1
        let now = StatusContext.isStatus(bytes, at: p)
        #expect(now == StatusContextBefore.isStatus(bytes, at: p), "\(text.debugDescription) at \(p)")
        if now { read += 1 }
      }
    }
    #expect(candidates > 7_000 && read > 1_400 && candidates - read > 4_000, "\(candidates) candidates, \(read) read")
  }

  /// A pattern's required words only keep ICU from texts it cannot match: with them, every
  /// match, capture and miss is what the same expression gives without them, on texts made of
  /// the words in every case, near misses, and non-ASCII letters that fold to ASCII ones
  /// (`ſ` is `s`, `K` is `k`) where the check must stand aside.
  /// A gate asked by the ids the phrase set keeps for it answers what asking each word answers.
  @Test func gatesAskedAsOneAreTheirWords() {
    let classifier = Classifier()
    let words = Signals.Gate.allCases.flatMap(\.words) + ["nothing", "Errno", "CLOSE", "ws", "grp"]
    var rng = DamagedInputTests.SplitMix(state: 5)
    for _ in 0..<2000 {
      let text = (0..<Int(rng.next() % 5)).map { _ in words[Int(rng.next() % UInt64(words.count))] }.joined(separator: " ")
      let f = FailureFacts(text: text, phrases: classifier.phrases)
      for gate in Signals.Gate.allCases {
        #expect(f.hasAny(gate) == gate.words.contains { text.lowercased().contains($0) }, "\(gate) \(text)")
      }
    }
  }

  @Test func requiredWordsChangeNoMatch() throws {
    let assertion = try #require(BuiltInRules.all.first { $0.id == "assertion_mismatch" }?.matcher.text)
    // Two rules that need an upper-case name (`UpperCaseShapes`): a shape and no words.
    let secret = try #require(BuiltInRules.all.first { $0.id == "missing_secret" }?.matcher.text)
    let envVar = try #require(BuiltInRules.all.first { $0.id == "missing_env_var" }?.matcher.text)
    let shaped = [secret, envVar]
    let patterns = [Classifier.comparedStatus, ClusterStory.urllibPool, assertion, Signals.grpcPattern] + shaped
    let pieces = [
      "StatusCode.UNAVAILABLE", "statuscode.x", "code = Unavailable desc", "CODE = x DESC", "14 UNAVAILABLE:", "9 not_found:", "1 abcd:",
      "12 ABCDE", "StatusRuntimeException: ABORTED", "gRPC status: DATA_LOSS", "GRPC error INTERNAL", "grpc", "3", "_",
      "UNAVAILABLE", ":",
      "404", "400", "200", " == ", " != ", " === ", "!==", "= =", "!", "=", "host='api', port=443)", "HOST='x', PORT=1)",
      "hoſt='a', port=8)", "host=", "Max retries exceeded with url: /v1/items?x=1", "assert", "ASSERT", "asser", "AssertionError: ",
      "\nE   assert ", "expected 3 but was 4", "EXPECTATION FAILED", "Did Not Raise", "not equal", "Actual:", "to equal", "toBe(",
      "should be", "ShOuLd HaVe", "comparisonFailure", "é", "K", " ", "\n", "x", "ſhould be",
      "KeyError: '", "keyerror: \"", "'", "\"", "environ['", "os.environ", "getenv(\"", "environment variable ", "env var ", "missing ",
      "not set: ", " is not set", " is required", " unset", "API_", "APIKEY", "TOKEN", "Token", "SECRET", "sEcReT", "KEY", "PASSWORD",
      "PASSWD", "CREDENTIALS", "AUTH", "Auth", "DB", "URL", "A_B", "X9", "_1", "a_B", "ab", "Q",
    ]
    var rng = DamagedInputTests.SplitMix(state: 17)
    var shapedMatches = [0, 0]  // texts each shaped pattern matched: the shape let them through
    for _ in 0..<4000 {
      let text = (0..<Int(rng.next() % 8)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()
      for (k, p) in shaped.enumerated() where p.matches(text) { shapedMatches[k] += 1 }
      for p in patterns {
        #expect(!p.required.isEmpty || shaped.contains { $0 === p })
        #expect(p.shape == nil || p === Signals.grpcPattern || shaped.contains { $0 === p })
        let plain = Pattern(builtIn: p.source)
        #expect(p.firstMatch(in: text)?.whole == plain.firstMatch(in: text)?.whole, "\(p.source) \(text.debugDescription)")
        #expect(p.allMatches(in: text) == plain.allMatches(in: text), "\(text.debugDescription)")
        #expect(p.allCaptures(in: text) == plain.allCaptures(in: text), "\(text.debugDescription)")
      }
    }
    #expect(shapedMatches.allSatisfy { $0 >= 50 }, "\(shapedMatches)")
  }

  /// The byte scanners of the gRPC and errno patterns capture in ASCII text what ICU captures
  /// with the patterns' expressions: random texts made of the pieces the alternatives are made
  /// of, near misses and case changes included (and non-ASCII text, which goes to ICU).
  @Test func signalScannersCaptureAsTheirExpressions() {
    let shared = [" ", ":", ": ", "::", "-", "_", "=", "[", "]", "1", "5", "14", "123", "a", "Ab", "x1", "\n", "é", "K", "ſ"]
    let grpcPieces = [
      "StatusCode.", "statuscode.", "STATUSCODE", "UNAVAILABLE", "not_found", "code = ", "CODE =", "code  = ", " desc", " DESC", "desc",
      "Unavailable", "9 ", "abcde", "ABCD", "UNAV", "DEADLINE_EXCEEDED", "StatusRuntimeException: ", "statusruntimeexception:", "gRPC ",
      "grpc", "status", "error", "ERROR", "gRPC status: ", "gRPC error ", "GRPC STATUS", "gRPC status", "xgRPC ", "14 UNAVAILABLE: ",
      "code = Unavailable desc",
    ]
    let errnoPieces = [
      "[Errno ", "[errno", "[WinError ", "[winerror ", "errno", "Errno", "ERRNO", "xerrno", "_errno", "-3", "111", "=-", "[Errno 111]",
      "[WinError 10061]", "errno=-2", "errno: ", "[Errno -", "[WinError -1]",
    ]
    var rng = DamagedInputTests.SplitMix(state: 41)
    for (pattern, own) in [(Signals.grpcPattern, grpcPieces), (Signals.errnoPattern, errnoPieces)] {
      #expect(pattern.asciiCaptures != nil)
      let plain = Pattern(builtIn: pattern.source)
      let pieces = own + shared
      var matched = 0
      for _ in 0..<20_000 {
        let text = (0..<Int(rng.next() % 9)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()
        let expected = plain.allCaptures(in: text)
        if !expected.isEmpty { matched += 1 }
        #expect(pattern.allCaptures(in: text) == expected, "\(pattern.source) \(text.debugDescription)")
      }
      #expect(matched > 2_000, "\(pattern.source): \(matched) texts with a match")
    }
    // Each alternative, and a near miss of each, against ICU and against what it must capture.
    let cases: [(Pattern, String, [String])] = [
      (
        Signals.grpcPattern, "x StatusCode.UNAVAILABLE; code = Internal desc; 14 UNAVAILABLE: y",
        ["UNAVAILABLE", "Internal", "UNAVAILABLE"]
      ),
      (Signals.grpcPattern, "io.grpc.StatusRuntimeException: PERMISSION_DENIED: no", ["PERMISSION_DENIED"]),
      (Signals.grpcPattern, "gRPC status: UNAVAILABLE", ["UNAVAILABLE"]),
      (Signals.grpcPattern, "gRPC error :: DEADLINE_EXCEEDED", ["DEADLINE_EXCEEDED"]),
      (Signals.grpcPattern, "grpc ERROR  internal", ["internal"]),
      (Signals.grpcPattern, "gRPC status UNAV:", []),
      (Signals.grpcPattern, "xgRPC status: UNAVAILABLE", []),
      (Signals.grpcPattern, "gRPC statusUNAVAILABLE", []),
      (Signals.grpcPattern, "123 UNAVAILABLE: x1 UNAVAILABLE: 7 ABCD:", []),
      (Signals.grpcPattern, "code = Unavailable1 desc", []),
      (Signals.errnoPattern, "[Errno -2] errno=5 [WinError 10061] xerrno=1", ["-2", "5", "10061"]),
      (Signals.errnoPattern, "[Errno -] [WinError -1] errno: =-7 ERRNO 3", ["-7", "3"]),
    ]
    for (pattern, text, captures) in cases {
      #expect(pattern.allCaptures(in: text) == captures, "\(text)")
      #expect(Pattern(builtIn: pattern.source).allCaptures(in: text) == captures, "ICU: \(text)")
    }
  }

  /// Matches and captures cut from the bytes of ASCII text are NSString's cuts, and non-ASCII
  /// text (astral letters: UTF-16 offsets differ from UTF-8 ones) is cut as before: every
  /// pattern of the classifier's signals and rules, against NSRegularExpression read directly.
  @Test func cutsAreNSStringsCuts() throws {
    let sources =
      [Signals.grpcPattern.source, Signals.wsClose.source, Signals.errnoPattern.source, Signals.curlExitPattern.source]
      + BuiltInRules.all.compactMap { $0.matcher.text?.source }
    let pieces = [
      "StatusCode.UNAVAILABLE", "code = Unavailable desc", "14 UNAVAILABLE:", "[Errno 111]", "errno=-3", "curl: (7)",
      "received 1011 (", "close code 1006", "assert 1 == 2", "KeyError: 'API_TOKEN'", "environment variable DB_URL", " ", "\n",
      "é", "𝔘", "ſ", "x", "'", "E   assert ", "expected 3 but was 4", "dial tcp 10.0.0.1:5432: connect: connection refused",
    ]
    var rng = DamagedInputTests.SplitMix(state: 29)
    for source in sources {
      let pattern = Pattern(builtIn: source)
      let regex = try NSRegularExpression(pattern: source, options: [.caseInsensitive])
      for _ in 0..<300 {
        let text = (0..<Int(rng.next() % 7)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()
        let ns = text as NSString
        let all = regex.matches(in: text, range: NSRange(location: 0, length: ns.length))
        let cut = { (r: NSRange) in r.location == NSNotFound ? nil : ns.substring(with: r) }
        let first = all.first.map { m in (cut(m.range), (1..<max(m.numberOfRanges, 1)).map { cut(m.range(at: $0)) }) }
        let got = pattern.firstMatch(in: text)
        #expect(got?.whole == first?.0 && (got?.groups ?? []) == (first?.1 ?? []), "\(source) \(text.debugDescription)")
        #expect(pattern.allMatches(in: text) == all.map { m in (1..<max(m.numberOfRanges, 1)).map { cut(m.range(at: $0)) } })
        #expect(pattern.matches(text) == !all.isEmpty)
      }
    }
  }

  /// A failed request's verdict is the same whether its kind was decided before (the memo a
  /// run's request clusters share) or is decided afresh: on the demo's curl logs, and on
  /// exchanges that differ only where the rule does not look (their position) or where it does.
  @Test func aFailedRequestsVerdictDoesNotDependOnTheMemo() throws {
    let run = try ReportBuilder().read([Fixtures.root + "/../../examples/logs"])
    var requests = run.requests.filter(\.failed)
    var odd = HTTPExchange()
    odd.error = "HTTP 503 Service Unavailable"  // the words of a status, but no status
    requests.append(odd)
    odd.status = 503
    requests.append(odd)
    // Two spellings of one text (precomposed and decomposed): two kinds, each decided alone.
    var spelled = HTTPExchange()
    spelled.error = "Connexion refusée"
    requests.append(spelled)
    spelled.error = "Connexion refuse\u{301}e"
    requests.append(spelled)
    #expect(
      Classifier.RequestKind(text: "refusée", status: nil, curlExit: nil)
        != Classifier.RequestKind(text: "refuse\u{301}e", status: nil, curlExit: nil))
    #expect(requests.count >= 4)
    let classifier = Classifier()
    var shared: [Classifier.RequestKind: Int] = [:]
    for pass in 0..<2 {
      for i in requests.indices {
        var fresh: [Classifier.RequestKind: Int] = [:]
        let a = requests.withUnsafeBufferPointer { classifier.classify(request: i, of: $0, decided: &shared) }
        let b = requests.withUnsafeBufferPointer { classifier.classify(request: i, of: $0, decided: &fresh) }
        #expect(a.rule == b.rule && a.category == b.category && a.confidence == b.confidence && a.evidence == b.evidence, "\(pass) \(i)")
      }
    }
  }
}
