/// What a rule can look at for one test: its text and the signals pulled out of it.
struct FailureFacts: Sendable {
  /// The message and the error lines of the detail (not the source lines of a traceback).
  var text: String
  /// `text` lowercased once, for the literal checks every rule starts with.
  var lowered: String
  var exceptionType: String?
  var phase: Phase?
  var skipReason: String?
  var signals: Signals
  /// Curl exchanges for the endpoint this failure names (see `Correlator`).
  var linked: [LinkedExchange] = []
  /// The classifier's phrases and which of them `lowered` holds (found in one pass).
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
    lowered = text.lowercased()
    self.exceptionType = exceptionType
    self.phase = phase
    self.skipReason = skipReason
    self.phrases = phrases
    found = phrases?.find(in: lowered)
    signals = Signals()
    signals = Signals.extract(from: text, has: has)
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

  /// Whether the lower-cased text holds `phrase` (lower case).
  func has(_ phrase: String) -> Bool {
    if let found, let id = phrases?.ids[phrase] { return found.contains(id) }
    return lowered.utf8Contains(phrase)
  }

  /// Message plus the detail lines that state an error. Source lines quoted in a traceback
  /// (`assert r.status_code != 404`) are left out: they say what was checked, not what happened.
  static func failureText(message: String?, detail: String?) -> String {
    var parts: [Substring] = []
    if let message { parts.append(message[...]) }
    guard let detail else { return parts.joined(separator: "\n") }
    var picked = 0
    var firstLines: [Substring] = []
    var sawE = false
    // Lines by bytes: splitting by Character costs more than the rules that read the result.
    for raw in detail.utf8.split(separator: 10, omittingEmptySubsequences: true) {
      let t = Substring(raw).utf8Trimmed()
      guard let first = t.utf8.first else { continue }
      if first == UInt8(ascii: "E") && (t.utf8.count == 1 || t.utf8HasPrefix("E ")) {
        sawE = true
        parts.append(t.dropFirst().utf8Trimmed())
        picked += 1
      } else if t.utf8HasPrefix("Caused by") || t.utf8HasPrefix("During handling") || t.utf8HasPrefix("[cause]")
        || t.utf8HasPrefix("cause:")
      {
        parts.append(t)
        picked += 1
      } else if !sawE && firstLines.count < 12 && !t.utf8HasPrefix("at ") && first != UInt8(ascii: ">") && !t.utf8HasPrefix("def ") {
        firstLines.append(t)
      }
      if picked >= 60 { break }
    }
    if !sawE { parts += firstLines }
    return parts.joined(separator: "\n")
  }
}
