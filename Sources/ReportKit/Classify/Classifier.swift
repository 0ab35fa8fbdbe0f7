/// Decides one category per failure: user rules first, then built-in rules by the strength of
/// the signal they read (transport > status > exception > assertion > fallback).
public struct Classifier: Sendable {
  /// Every rule in the order it is tried: user rules as written, then built-ins by signal.
  let ranked: [Rule]
  let phrases: PhraseSet
  /// `ranked`'s matchers, each behind one reference: a rule tried against a failure is read in
  /// place, where a matcher read out of an array was copied (its strings, sets and patterns
  /// retained and released) for each of the rules a failure is tried against.
  private let matchers: [Tried]
  /// Who made a `Prejudgement`: only this classifier takes it as its own judgement.
  let identity = Identity()

  /// A classifier's identity (compared by reference).
  final class Identity: Sendable {}

  private final class Tried: Sendable {
    let matcher: Matcher
    init(_ matcher: Matcher) { self.matcher = matcher }

    func match(_ f: borrowing FailureFacts) -> Matcher.Hit? { matcher.match(f) }
  }

  public init(userRules: [Rule] = []) {
    let builtIn = BuiltInRules.all.enumerated()
      .sorted { a, b in
        a.element.signal != b.element.signal ? a.element.signal > b.element.signal : a.offset < b.offset
      }
      .map(\.element)
    let all = userRules + builtIn
    let words = all.flatMap { $0.matcher.anyText + $0.matcher.noneText } + Signals.gatePhrases
    let phrases = PhraseSet(words, groups: Signals.Gate.allCases.map(\.words))
    self.phrases = phrases
    ranked = all.map { $0.resolved(in: phrases) }
    matchers = ranked.map { Tried($0.matcher) }
  }

  /// The facts of a test as rules see them, with the exchanges its text links to.
  func facts(_ test: borrowing TestResult, correlator: Correlator?) -> FailureFacts {
    var f = FailureFacts(test, phrases: phrases)
    if let correlator, !correlator.isEmpty { f.linked = correlator.linked(f.text) }
    return f
  }

  /// The first rule that matches, in precedence order; `unclassified` matches anything.
  func decide(_ f: FailureFacts) -> (rule: Rule, hit: Matcher.Hit) {
    let (i, hit) = decidingRule(f)
    return (ranked[i], hit)
  }

  /// The position in `ranked` of the first rule that matches, and what made it match.
  private func decidingRule(_ f: FailureFacts) -> (Int, Matcher.Hit) {
    // Each matcher borrowed from the array, which holds it for the whole loop: a reference read
    // out of it was retained and released per rule tried (~40 rules a failure).
    matchers.withUnsafeBufferPointer { m in
      for i in m.indices {
        if let hit = Unmanaged.passUnretained(m[i])._withUnsafeGuaranteedRef({ $0.match(f) }) { return (i, hit) }
      }
      preconditionFailure("the fallback rule matches every failure")
    }
  }

  /// Every rule that matches, strongest first (the winner is the first).
  func matching(_ f: FailureFacts) -> [(rule: Rule, hit: Matcher.Hit)] {
    ranked.compactMap { r in r.matcher.match(f).map { (r, $0) } }
  }

  /// Rules that met some but not all of their conditions, best first.
  func nearMisses(_ f: FailureFacts, limit: Int = 5) -> [(rule: Rule, held: Int, of: Int)] {
    ranked.compactMap { r -> (Rule, Int, Int)? in
      let s = r.matcher.score(f)
      return s.held > 0 && s.held < s.of ? (r, s.held, s.of) : nil
    }
    .sorted { Double($0.1) / Double($0.2) > Double($1.1) / Double($1.2) }
    .prefix(limit).map { $0 }
  }

  /// What a failure's facts decide before its evidence is picked: everything of its verdict that
  /// depends on the facts alone.
  struct Judgement: Sendable {
    /// The deciding rule's position in `ranked`.
    var rule: Int
    var hit: Matcher.Hit
    var confidence: Confidence
    /// The numbers of the facts' signals that a cluster signature keeps (`Signals.keptNumbers`).
    var kept: Set<Int>
  }

  /// The rule the facts decide, what made it match, and how sure it is.
  func judge(_ f: FailureFacts) -> Judgement {
    let (i, hit) = decidingRule(f)
    let rule = ranked[i]
    var confidence = rule.confidence
    // A status read from a correlated exchange, not from the failure's own text: at most medium.
    if hit.exchange != nil { confidence = min(confidence, .medium) }
    // `assert 404 == 400`: the test expected an error status and got another one. It tests an
    // error path, where the difference may be the code's: at most medium.
    if rule.matcher.httpStatus != nil, let s = f.signals.httpStatus, let expected = Self.expectedStatus(in: f.text, actual: s),
      !(200...299).contains(expected)
    {
      confidence = min(confidence, .medium)
    }
    return Judgement(rule: i, hit: hit, confidence: confidence, kept: f.signals.keptNumbers)
  }

  /// Classifies a failed or errored test and picks the lines that show why.
  func classify(_ test: borrowing TestResult, facts f: FailureFacts, requests: [HTTPExchange]) -> Classification {
    classify(test, judged: judge(f), requests: requests)
  }

  /// The verdict of a test its facts judged as `j`, with the lines that show why.
  func classify(_ test: borrowing TestResult, judged j: Judgement, requests: [HTTPExchange]) -> Classification {
    let rule = ranked[j.rule]
    let evidence = Self.evidence(test, needle: j.hit.needle, exchange: j.hit.exchange.map { requests[$0] })
    return Classification(category: rule.category, rule: rule.id, confidence: j.confidence, evidence: evidence, request: j.hit.exchange)
  }

  /// The status an assertion compared `actual` with (`assert 404 == 400` → 400).
  static func expectedStatus(in text: String, actual: Int) -> Int? {
    for m in comparedStatus.allMatches(in: text) where Int(m[0] ?? "") == actual { return Int(m[1] ?? "") }
    return nil
  }

  static let comparedStatus = Pattern(builtIn: #"\b([1-5]\d\d) (?:==|!=|===|!==) ([1-5]\d\d)\b"#, requiring: ["==", "!="])

  /// Classifies failed request `exchanges[index]` by itself (no test names it): its status or
  /// curl error as the text, the exchange as its own correlated evidence; the trace states it,
  /// so at least medium.
  /// `decided` keeps the rule of each kind of failed request already seen (a run's failed
  /// requests repeat a few kinds): the rule depends on the words, the status and the exit code
  /// only (the exchange's position is carried along, never tested).
  func classify(request index: Int, of exchanges: UnsafeBufferPointer<HTTPExchange>, decided: inout [RequestKind: Int]) -> Classification {
    // Fields read through the buffer: an exchange passed as a value was copied whole (its nine
    // references retained) at every call.
    let (status, exit) = (exchanges[index].status, exchanges[index].curlExit)
    // The words joined by spaces: `HTTP 503 Service Unavailable`, `curl: (7)`, the error.
    var text = ""
    if let status { text = "HTTP \(status)" + (exchanges[index].reason.map { " " + $0 } ?? "") }
    if let exit { text += (status == nil ? "" : " ") + "curl: (\(exit))" }
    if let error = exchanges[index].error { text += (status == nil && exit == nil ? "" : " ") + error }
    let kind = RequestKind(text: text, status: status, curlExit: exit)
    let rule: Rule
    if let known = decided[kind] {
      rule = ranked[known]
    } else {
      var f = FailureFacts(text: text, phrases: phrases)
      f.linked = [.init(index: index, status: status, curlExit: exit)]
      let i = decidingRule(f).0
      decided[kind] = i
      rule = ranked[i]
    }
    let lines = [
      exchanges[index].statusLine ?? exchanges[index].evidence.first { $0.text.contains("curl: (") } ?? exchanges[index].evidence.last
    ].compactMap { $0 }
    return Classification(
      category: rule.category, rule: rule.id, confidence: max(rule.confidence, .medium), evidence: lines, request: index)
  }

  /// What the rule for a failed request is decided on. Texts are compared as bytes (String's
  /// `==` equates canonically equal spellings, which byte searches and ICU tell apart).
  struct RequestKind: Hashable {
    let text: String
    let status: Int?
    let curlExit: Int?

    static func == (a: RequestKind, b: RequestKind) -> Bool {
      a.status == b.status && a.curlExit == b.curlExit && a.text.utf8.elementsEqual(b.text.utf8)
    }

    func hash(into hasher: inout Hasher) {
      var t = text
      t.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
      hasher.combine(status)
      hasher.combine(curlExit)
    }
  }

  /// The test's own lines that hold the matched text first, then the exchange's lines; never empty.
  static func evidence(_ test: borrowing TestResult, needle: String?, exchange: HTTPExchange?) -> [Evidence] {
    let own = test.details?.evidence ?? []
    var picked: [Evidence] = []
    if let needle, !needle.isEmpty {
      let n = needle.lowercasedFast
      // The first three lines that hold it are kept: the search stops there (a pytest block
      // gives a failure a dozen lines and more).
      for e in own where e.text.lowercasedContains(n) {
        picked.append(e)
        if picked.count == 3 { break }
      }
    }
    if picked.isEmpty, let first = own.first { picked = [first] }
    if let exchange {
      let lines = exchange.evidence.filter { e in
        e.text.hasPrefix("<") || (e.text.contains("HTTP/") && !e.text.hasPrefix(">")) || e.text.lowercased().contains("curl")
          || e.text.contains("exit")
      }
      picked += (lines.isEmpty ? exchange.evidence : lines).prefix(2)
    }
    if picked.isEmpty {
      let d = test.details
      picked = [Evidence(path: d?.sources.first ?? "", line: d?.line ?? 0, text: d?.message ?? test.status.rawValue)]
    }
    return picked
  }
}

extension Rule {
  /// Skip-reason rules describe skipped tests; they are never a failure's verdict.
  var isSkipRule: Bool { matcher.skipReason != nil }
}
