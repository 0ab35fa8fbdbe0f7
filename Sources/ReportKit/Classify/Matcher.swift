/// What a rule matches: every condition given must hold (an empty matcher matches everything).
///
/// Text conditions read the failure text (message and error lines, case-insensitive). Status
/// and exit-code conditions read the failure text first, then the curl exchanges correlated
/// with it; a match through an exchange is reported as such.
struct Matcher: Sendable {
  /// Literal phrases, any of which must appear (lower case). Cheap: every rule checks these first.
  var anyText: [String] = []
  /// A regular expression the text must match.
  var text: Pattern?
  /// Phrases that veto the rule (`permission denied` from the file system is not auth).
  var noneText: [String] = []
  /// `anyText` and `noneText` as ids in the classifier's phrase set (set by `resolved(in:)`).
  var anyIDs: [Int] = []
  var noneIDs: [Int] = []

  /// This matcher with its phrases looked up once in `phrases`, so matching tests bits, not strings.
  func resolved(in phrases: PhraseSet) -> Matcher {
    var m = self
    m.anyIDs = anyText.compactMap { phrases.ids[$0] }
    m.noneIDs = noneText.compactMap { phrases.ids[$0] }
    if m.anyIDs.count != anyText.count || m.noneIDs.count != noneText.count { m.anyIDs = []; m.noneIDs = [] }
    return m
  }
  /// A regular expression on the exception type (`requests.exceptions.ConnectionError`).
  var exception: Pattern?
  var httpStatus: ClosedRange<Int>?
  var curlExit: Set<Int>?
  var wsClose: Set<Int>?
  var grpc: Set<String>?
  var phase: Set<Phase>?
  var skipReason: Pattern?

  /// What made a rule match: the text to cite, and the exchange when evidence came from curl.
  struct Hit: Sendable {
    var needle: String?
    var exchange: Int?
  }

  /// How many of the conditions given held, out of how many (for `report explain`'s near misses).
  func score(_ f: FailureFacts) -> (held: Int, of: Int) {
    var held = 0
    var of = 0
    /// Counts a condition that is set (`ok` nil when it is not).
    func check(_ ok: Bool?) {
      guard let ok else { return }
      of += 1
      if ok { held += 1 }
    }
    check(anyText.isEmpty ? nil : textNeedle(f) != nil)
    check(text.map { $0.matches(f.text) })
    check(exception.map { e in f.exceptionType.map { e.matches($0) } ?? false })
    check(httpStatus == nil ? nil : statusHit(f) != nil)
    check(curlExit == nil ? nil : curlHit(f) != nil)
    check(wsClose.map { codes in f.signals.wsCloseCode.map { codes.contains($0) } ?? false })
    check(grpc.map { names in f.signals.grpcStatus.map { names.contains($0) } ?? false })
    check(phase.map { phases in f.phase.map { phases.contains($0) } ?? false })
    check(skipReason.map { p in f.skipReason.map { p.matches($0) } ?? false })
    return (held, of)
  }

  func match(_ f: FailureFacts) -> Hit? {
    var hit = Hit()
    if let phase {
      guard let p = f.phase, phase.contains(p) else { return nil }
    }
    if let skipReason {
      guard let reason = f.skipReason, let m = skipReason.firstMatch(in: reason) else { return nil }
      hit.needle = m.whole
    }
    if !anyText.isEmpty {
      guard let needle = textNeedle(f) else { return nil }
      hit.needle = needle
    }
    if !noneIDs.isEmpty, f.has(id: noneIDs[0]) != nil {
      for id in noneIDs where f.has(id: id) == true { return nil }
    } else {
      for veto in noneText where f.has(veto) { return nil }
    }
    if let exception {
      guard let type = f.exceptionType, exception.matches(type) else { return nil }
      hit.needle = hit.needle ?? type
    }
    if let text {
      guard let m = text.firstMatch(in: f.text) else { return nil }
      hit.needle = m.whole
    }
    if let wsClose {
      guard let code = f.signals.wsCloseCode, wsClose.contains(code) else { return nil }
      hit.needle = hit.needle ?? String(code)
    }
    if let grpc {
      guard let status = f.signals.grpcStatus, grpc.contains(status) else { return nil }
      hit.needle = hit.needle ?? status
    }
    if httpStatus != nil {
      guard let (status, exchange) = statusHit(f) else { return nil }
      hit.needle = hit.needle ?? String(status)
      hit.exchange = hit.exchange ?? exchange
    }
    if curlExit != nil {
      guard let (code, exchange) = curlHit(f) else { return nil }
      hit.needle = hit.needle ?? "curl: (\(code))"
      hit.exchange = hit.exchange ?? exchange
    }
    return hit
  }

  private func textNeedle(_ f: FailureFacts) -> String? {
    if !anyIDs.isEmpty, f.has(id: anyIDs[0]) != nil {
      return anyIDs.firstIndex { f.has(id: $0) == true }.map { anyText[$0] }
    }
    return anyText.first { f.has($0) }
  }

  /// The status the text states, else the first failed status of a correlated exchange.
  private func statusHit(_ f: FailureFacts) -> (Int, Int?)? {
    guard let range = httpStatus else { return nil }
    if let s = f.signals.httpStatus { return range.contains(s) ? (s, nil) : nil }
    for x in f.linked { if let s = x.status, s >= 300, range.contains(s) { return (s, x.index) } }
    return nil
  }

  private func curlHit(_ f: FailureFacts) -> (Int, Int?)? {
    guard let codes = curlExit else { return nil }
    if let c = f.signals.curlExit { return codes.contains(c) ? (c, nil) : nil }
    for x in f.linked { if let c = x.curlExit, codes.contains(c) { return (c, x.index) } }
    return nil
  }
}
