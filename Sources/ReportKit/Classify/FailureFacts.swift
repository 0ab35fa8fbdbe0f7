/// What a rule can look at for one test: its text and the signals pulled out of it.
struct FailureFacts: Sendable {
  /// The message and the error lines of the detail (not the source lines of a traceback).
  var text: String
  var exceptionType: String?
  var phase: Phase?
  var skipReason: String?
  var signals: Signals
  /// Curl exchanges for the endpoint this failure names (see `Correlator`).
  var linked: [LinkedExchange] = []
  /// The classifier's phrases and which of them the lower-cased text holds (found in one pass).
  private var phrases: PhraseSet?
  private var found: PhraseSet.Found?

  /// A correlated exchange: where it sits in `Run.requests` and what it returned.
  struct LinkedExchange: Sendable {
    var index: Int
    var status: Int?
    var curlExit: Int?
  }

  init(text: String, exceptionType: String? = nil, phase: Phase? = nil, skipReason: String? = nil, phrases: PhraseSet? = nil) {
    let text = text.utf8.count > Self.textCap ? Excerpt.cap(text, head: Self.textCap, tail: 0) : text
    self.text = text
    self.exceptionType = exceptionType
    self.phase = phase
    self.skipReason = skipReason
    self.phrases = phrases
    found = phrases?.find(inLowercasing: text)
    signals = Signals()
    signals = Signals.extract(from: text, has: has, hasAny: hasAny)
  }

  /// The facts of one test: message, exception type and the `E`/`Caused by` lines of its detail.
  init(_ test: borrowing TestResult, phrases: PhraseSet? = nil) {
    let d = test.details
    self.init(
      text: Self.failureText(message: d?.message, detail: d?.detail), exceptionType: d?.exceptionType,
      phase: test.phase, skipReason: d?.skipReason, phrases: phrases)
  }

  /// Rules read at most this many bytes of a failure's text.
  static let textCap = 6144

  /// Whether the text holds phrase number `id` of the classifier's set (nil: facts made without one).
  func has(id: Int) -> Bool? { found?.contains(id) }

  /// Whether the lower-cased text holds any word of `gate`: by the ids the phrase set keeps for
  /// it (not a lookup per word), else as `has` finds each.
  func hasAny(_ gate: Signals.Gate) -> Bool {
    if let found, let phrases, gate.rawValue < phrases.groups.count {
      return phrases.groups[gate.rawValue].contains { found.contains($0) }
    }
    return gate.words.contains(where: has)
  }

  /// Whether the lower-cased text holds `phrase` (lower case).
  func has(_ phrase: String) -> Bool {
    if let found, let id = phrases?.ids[phrase] { return found.contains(id) }
    return text.lowercasedContains(phrase)
  }

  /// Message plus the detail lines that state an error. Source lines quoted in a traceback
  /// (`assert r.status_code != 404`) are left out: they say what was checked, not what happened.
  static func failureText(message: String?, detail: String?) -> String {
    guard let detail else { return message ?? "" }
    // Lines by bytes, and the parts copied as bytes into one buffer: splitting by Character, or
    // into Substrings, cost more than the rules that read the result.
    var out: [UInt8] = []
    var parts = 0
    func add(_ part: UnsafeBufferPointer<UInt8>) {
      if parts > 0 { out.append(10) }
      out.append(contentsOf: part)
      parts += 1
    }
    // At most the message, the detail and a newline per part picked (61 + 12): made once.
    out.reserveCapacity((message?.utf8.count ?? 0) + detail.utf8.count + 80)
    message?.withUTF8Bytes { add($0) }
    detail.withUTF8Bytes { b in
      var picked = 0
      var firstLines: [Range<Int>] = []
      var sawE = false
      var start = 0
      while start < b.count {
        let end = b.firstIndex(ofByte: 10, from: start) ?? b.count  // memchr: a traceback's lines are long
        let t = Self.trimmed(b, start..<end)
        start = end + 1
        guard !t.isEmpty else { continue }
        let line = UnsafeBufferPointer(rebasing: b[t])
        let first = line[0]
        if first == UInt8(ascii: "E") && (line.count == 1 || line[1] == 0x20) {
          sawE = true
          add(UnsafeBufferPointer(rebasing: b[Self.trimmed(b, (t.lowerBound + 1)..<t.upperBound)]))
          picked += 1
        } else if line.has("Caused by", at: 0) || line.has("During handling", at: 0) || line.has("[cause]", at: 0)
          || line.has("cause:", at: 0)
        {
          add(line)
          picked += 1
        } else if !sawE && firstLines.count < 12 && !line.has("at ", at: 0) && first != UInt8(ascii: ">") && !line.has("def ", at: 0) {
          firstLines.append(t)
        }
        if picked >= 60 { break }
      }
      if !sawE { for r in firstLines { add(UnsafeBufferPointer(rebasing: b[r])) } }
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// `r` without the spaces and tabs at either end.
  private static func trimmed(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Range<Int> {
    var (lo, hi) = (r.lowerBound, r.upperBound)
    while lo < hi && (b[lo] == 0x20 || b[lo] == 0x09) { lo += 1 }
    while hi > lo && (b[hi - 1] == 0x20 || b[hi - 1] == 0x09) { hi -= 1 }
    return lo..<hi
  }

}
