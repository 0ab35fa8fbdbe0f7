import Foundation

/// Groups curl events into exchanges: one per request, several per file, with the evidence lines
/// that show its status or error.
struct CurlExchangeBuilder {
  private(set) var exchanges: [HTTPExchange] = []
  private var current = HTTPExchange()
  private var hasRequest = false
  private var hasResponse = false
  private var closed = false
  private var wroteOut = false
  private var scheme: String?
  private var requestPath: String?
  /// `host:port` from `Trying host:port...`, so a refused request keeps its port in its URL.
  private var address: String?
  private var seenVariables: Set<String> = []

  mutating func feed(_ e: CurlEvent) {
    switch e.kind {
    case .command:
      startNew()
      let (url, method) = Self.command(e.text)
      if let url { current.url = url; current.host = URLParts.host(url) }
      current.method = method
    case .info:
      info(e)
    case .note(let kind):
      apply(note: kind)
    case .requestHeader:
      if let (method, path) = Self.requestLine(e.text) {
        if hasRequest || closed { startNew() }
        hasRequest = true
        current.method = method
        requestPath = path
        current.evidence.append(evidence(e))
      } else if e.text.utf8.count > 5, e.text.utf8.prefix(5).map({ $0 | 0x20 }).elementsEqual("host:".utf8) {
        let value = String(e.text.dropFirst(5).utf8Trimmed())
        current.host = current.host ?? URLParts.stripPort(value)
        if current.url == nil { current.url = (scheme ?? "http") + "://" + value + (requestPath ?? "") }
      }
    case .responseHeader:
      if let (status, reason) = Self.statusLine(e.text) {
        hasResponse = true
        current.status = status
        current.reason = reason
        current.evidence.append(evidence(e))
      } else if HTTPExchange.isTellingHeader(e.text) {
        current.evidence.append(evidence(e))
      }
    case .body:
      // With stdout and stderr merged the body may land after "left intact"; take it then only
      // when it looks like a payload, not the next line of the CI job.
      let lateBody = closed && current.bodyExcerpt == nil && ["{", "[", "<"].contains(e.text.first.map(String.init) ?? "")
      guard hasResponse && (!closed || lateBody) else { return }
      // A body without a final newline runs into the next command's `-v` notes: cut there.
      var text = e.text[...]
      for note: StaticString in ["*   Trying ", "* Host ", "* Connected to "] {
        if let r = text.utf8Range(of: note), r.lowerBound > text.startIndex { text = text[..<r.lowerBound] }
      }
      if current.bodyExcerpt == nil {
        // The first line of the body is evidence: what the service said, citable by its line.
        current.bodyLine = current.evidence.count
        current.evidence.append(evidence(e))
      }
      // (A string of at most 300 bytes has at most 300 Characters: only a longer one is walked.)
      let atMost300 = { (s: String) in s.utf8.count <= 300 ? s : String(s.prefix(300)) }
      if let before = current.bodyExcerpt {
        if before.utf8.count < 300 || before.count < 300 { current.bodyExcerpt = atMost300(before + "\n" + text) }
      } else {
        current.bodyExcerpt = atMost300(String(text))
      }
    case .curlError(let code):
      if current.curlExit != nil || (closed && current.error == nil) || (hasResponse && current.error == nil) { startNew() }
      current.curlExit = code
      current.error = e.text
      current.evidence.append(evidence(e))
      closed = true
    case .writeOut(let json):
      writeOut(json, e)
    case .variable(let key, let value):
      variable(key, value, e)
    }
  }

  mutating func finish() { startNew() }

  private mutating func info(_ e: CurlEvent) {
    let t = e.text
    var bytes = t
    let kind = bytes.withUTF8(Self.noteKind)
    switch kind {
    case .trying:
      if hasRequest || closed || wroteOut { startNew() }
      // `Trying 10.0.0.5:443...`: the address, until a Host header or a URL names the host.
      if current.host == nil, let address = t.dropFirst(7).split(separator: "...").first {
        current.host = URLParts.stripPort(String(address))
        self.address = String(address)
      }
    case .closed, .tls, .none:
      apply(note: kind)
    case .connected:
      let rest = t.dropFirst(13)
      if current.host == nil, let h = rest.split(separator: " ").first { current.host = String(h) }
      // (Both need the bytes `port 443`: looked for first, before the Foundation search.)
      if t.utf8Contains("port 443") && (t.hasSuffix("port 443") || t.containsCharacters("port 443 ")) { scheme = scheme ?? "https" }
    case .failure:
      if closed || hasResponse { startNew() }
      if current.error == nil { current.error = t }
      current.evidence.append(evidence(e))
    }
  }

  /// What a note of a kind whose text does not matter does to the exchange.
  private mutating func apply(note kind: NoteKind) {
    switch kind {
    case .closed: closed = true
    case .tls: scheme = "https"
    default: break
    }
  }

  /// What a curl note (`* ` and trimmed) tells the exchange.
  enum NoteKind {
    /// `Trying host:port...`: a new connection, the address.
    case trying
    /// `Connection #0 to host ... left intact`, `Closing connection`.
    case closed
    /// `Connected to host (address) port N`.
    case connected
    /// `SSL connection ...`, `ALPN ...`, `TLS...`: the scheme is https.
    case tls
    /// A failure (`isFailureNote`).
    case failure
    /// Nothing: most notes (certificates, handshake steps).
    case none
  }

  /// The kind of a note, by its bytes. Each prefix is asked only of notes that start with its first
  /// byte (most start with none of them: a note is one of the commonest lines of a trace).
  static func noteKind(_ p: UnsafeBufferPointer<UInt8>) -> NoteKind {
    let first = p.first
    let (T, C, S, A) = (UInt8(ascii: "T"), UInt8(ascii: "C"), UInt8(ascii: "S"), UInt8(ascii: "A"))
    if first == T && p.has("Trying ", at: 0) { return .trying }
    if first == C && (p.has("Connection #", at: 0) && p.firstIndex(of: "left intact") != nil || p.has("Closing connection", at: 0)) {
      return .closed
    }
    if first == C && p.has("Connected to ", at: 0) { return .connected }
    if (first == S && p.has("SSL connection", at: 0)) || (first == A && p.has("ALPN", at: 0)) || (first == T && p.has("TLS", at: 0)) {
      return .tls
    }
    return isFailureNote(p) ? .failure : .none
  }

  private mutating func writeOut(_ json: CurlWriteOut, _ e: CurlEvent) {
    let url = json.url_effective ?? json.url
    if wroteOut || (closed && url != nil && current.url != nil && current.url != url) { startNew() }
    wroteOut = true
    if let url { current.url = url; current.host = URLParts.host(url) }
    if let m = json.method { current.method = m }
    if let code = json.http_code ?? json.response_code, code > 0 { current.status = code }
    if let exit = json.exitcode { current.curlExit = exit }
    if let msg = json.errormsg, !msg.isEmpty { current.error = msg }
    for (phase, seconds) in json.times { current.timingsMs[phase] = seconds * 1000 }
    current.evidence.append(evidence(e))
  }

  private mutating func variable(_ key: String, _ value: String, _ e: CurlEvent) {
    // Plain `-w` output repeats the same variables for each request: a repeat starts the next one.
    if seenVariables.contains(key) { startNew() }
    seenVariables.insert(key)
    if key.hasPrefix("time_") {
      let name = String(key.dropFirst(5))
      if let s = Double(value) { current.timingsMs[name] = s * 1000 }
      if name == "total" { current.evidence.append(evidence(e)) }
    } else if key == "http_code" || key == "response_code", let code = Int(value), code > 0 {
      current.status = code
      current.evidence.append(evidence(e))
    } else if key == "url_effective" {
      current.url = value
      current.host = URLParts.host(value)
    } else if key == "exitcode", let code = Int(value) {
      current.curlExit = code
    } else if key == "errormsg", !value.isEmpty {
      current.error = value
    } else if key == "method" {
      current.method = value
    }
  }

  private mutating func startNew() {
    if current.url == nil, let host = current.host {
      let authority = address.flatMap { URLParts.stripPort($0) == host ? $0 : nil } ?? host
      current.url = (scheme ?? "http") + "://" + authority + (requestPath ?? "")
    }
    if current.hasContent { exchanges.append(current) }
    current = HTTPExchange()
    hasRequest = false
    hasResponse = false
    closed = false
    wroteOut = false
    scheme = nil
    requestPath = nil
    address = nil
    seenVariables = []
  }

  private func evidence(_ e: CurlEvent) -> Evidence { Evidence(path: "", line: e.line, text: e.evidenceText) }

  /// Whether a note states a failure: it holds "Could not resolve", "Failed to connect",
  /// "Connection refused", "timed out", "Connection reset", "SSL certificate problem", "Recv
  /// failure" or "Empty reply" (each phrase asked only where its first byte is).
  static func isFailureNote(_ t: String) -> Bool {
    var text = t
    return text.withUTF8(isFailureNote)
  }

  /// `isFailureNote` of a note's bytes.
  static func isFailureNote(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
    // A phrase is tried only where its first byte is, and those bytes are found eight at a
    // time: `C`, `F`, `t`, `S` in one pass, `R`, `E` in another (most notes hold few of them).
    func found(at i: Int) -> Bool {
      switch p[i] {
      case UInt8(ascii: "C"):
        p.has("Could not resolve", at: i) || p.has("Connection refused", at: i) || p.has("Connection reset", at: i)
      case UInt8(ascii: "F"): p.has("Failed to connect", at: i)
      case UInt8(ascii: "t"): p.has("timed out", at: i)
      case UInt8(ascii: "S"): p.has("SSL certificate problem", at: i)
      case UInt8(ascii: "R"): p.has("Recv failure", at: i)
      case UInt8(ascii: "E"): p.has("Empty reply", at: i)
      default: false
      }
    }
    func any(_ a: UInt8, _ b: UInt8, _ c: UInt8, _ d: UInt8) -> Bool {
      var i = p.firstIndex(ofAny: a, b, c, d, from: 0)
      while i < p.count {
        if found(at: i) { return true }
        i = p.firstIndex(ofAny: a, b, c, d, from: i + 1)
      }
      return false
    }
    let (C, F, t, S, R, E) = (
      UInt8(ascii: "C"), UInt8(ascii: "F"), UInt8(ascii: "t"), UInt8(ascii: "S"), UInt8(ascii: "R"), UInt8(ascii: "E")
    )
    return any(C, F, t, S) || any(R, E, R, E)
  }

  /// `GET /path HTTP/1.1` → ("GET", "/path").
  static func requestLine(_ s: String) -> (String, String)? {
    // Most `> ` lines are headers: without the bytes `HTTP/` no third word can begin with them
    // (no other spelling is canonically equal), so the split below is made for request lines only.
    guard s.utf8Contains("HTTP/") else { return nil }
    var text = s
    if let ascii = text.withUTF8({ requestLineASCII($0) }) { return ascii }
    return requestLineByCharacters(s)
  }

  /// `requestLine` of an ASCII line, by bytes (a Character is a byte there: `A`-`Z` are the
  /// upper-case ones); nil: not ASCII, left to the Character path.
  static func requestLineASCII(_ p: UnsafeBufferPointer<UInt8>) -> (String, String)?? {
    guard p.isASCII else { return nil }
    var words: [Range<Int>] = []
    var start = 0
    for i in 0...p.count where i == p.count || p[i] == 0x20 {
      if i > start {
        guard words.count < 3 else { return .some(nil) }
        words.append(start..<i)
      }
      start = i + 1
    }
    guard words.count == 3, p.has("HTTP/", at: words[2].lowerBound),
      p[words[0]].allSatisfy({ $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") })
    else { return .some(nil) }
    let word = { (r: Range<Int>) in String(decoding: UnsafeBufferPointer(rebasing: p[r]), as: UTF8.self) }
    return .some((word(words[0]), word(words[1])))
  }

  /// `requestLine` by Characters, for lines that are not ASCII.
  static func requestLineByCharacters(_ s: String) -> (String, String)? {
    let parts = s.split(separator: " ")
    guard parts.count == 3, parts[2].hasPrefix("HTTP/"), parts[0].allSatisfy({ $0.isUppercase }) else { return nil }
    return (String(parts[0]), String(parts[1]))
  }

  /// `HTTP/1.1 404 Not Found` or `HTTP/2 200` → (404, "Not Found").
  static func statusLine(_ s: String) -> (Int, String?)? {
    var text = s
    if let ascii = text.withUTF8({ statusLineASCII($0) }) { return ascii }
    return statusLineByCharacters(s)
  }

  /// `statusLine` of an ASCII line, by bytes: the words split as `split(separator: " ",
  /// maxSplits: 2)` splits them (empty words skipped, not counted); nil: not ASCII.
  static func statusLineASCII(_ p: UnsafeBufferPointer<UInt8>) -> (Int, String?)?? {
    guard p.isASCII else { return nil }
    guard p.has("HTTP/", at: 0) else { return .some(nil) }
    var words: [Range<Int>] = []
    var start = 0
    var i = 0
    while i < p.count {
      guard p[i] == 0x20 else {
        i += 1
        continue
      }
      let appended = i > start
      if appended { words.append(start..<i) }
      i += 1
      start = i
      if appended && words.count == 2 { break }
    }
    if start < p.count { words.append(start..<p.count) }
    let word = { (r: Range<Int>) in String(decoding: UnsafeBufferPointer(rebasing: p[r]), as: UTF8.self) }
    guard words.count >= 2, let code = Int(word(words[1])) else { return .some(nil) }
    return .some((code, words.count == 3 ? word(words[2]) : nil))
  }

  /// `statusLine` by Characters, for lines that are not ASCII.
  static func statusLineByCharacters(_ s: String) -> (Int, String?)? {
    guard s.hasPrefix("HTTP/") else { return nil }
    let parts = s.split(separator: " ", maxSplits: 2)
    guard parts.count >= 2, let code = Int(parts[1]) else { return nil }
    return (code, parts.count == 3 ? String(parts[2]) : nil)
  }

  /// `commandURL` and `commandMethod` in one pass over the words of an ASCII command line, by
  /// bytes (a Character is a byte there, but for CR LF, which holds no quote, space or letter
  /// asked); other lines take those two.
  static func command(_ s: String) -> (url: String?, method: String) {
    var text = s
    let ascii = text.withUTF8 { p -> (url: String?, method: String)? in
      guard p.isASCII else { return nil }
      var url: String?
      var method: String?
      var (requestOption, awaitingMethod, data, head) = (false, false, false, false)
      var i = 0
      while i < p.count {
        guard p[i] != 0x20 else {
          i += 1
          continue
        }
        var j = i
        while j < p.count && p[j] != 0x20 { j += 1 }
        let token = UnsafeBufferPointer(rebasing: p[i..<j])
        let isQuote = { (c: UInt8) in c == UInt8(ascii: "'") || c == UInt8(ascii: "\"") }
        var (a, b) = (i, j)
        while a < b && isQuote(p[a]) { a += 1 }
        while b > a && isQuote(p[b - 1]) { b -= 1 }
        let bare = UnsafeBufferPointer(rebasing: p[a..<b])
        if url == nil
          && (bare.has("http://", at: 0) || bare.has("https://", at: 0) || bare.has("ws://", at: 0) || bare.has("wss://", at: 0))
        {
          url = String(decoding: bare, as: UTF8.self)
        }
        if awaitingMethod {
          method = String(decoding: bare, as: UTF8.self)
          awaitingMethod = false
        } else if !requestOption && (token.equals("-X") || token.equals("--request")) {
          (requestOption, awaitingMethod) = (true, true)
        }
        data = data || dataOptionBytes.contains { token.equals($0) }
        head = head || token.equals("-I") || token.equals("--head")
        i = j
      }
      return (url, method ?? (data ? "POST" : head ? "HEAD" : "GET"))
    }
    return ascii ?? (commandURL(s), commandMethod(s))
  }

  private static let dataOptionBytes: [StaticString] = ["-d", "--data", "--data-raw", "--data-binary", "--json", "-F", "--form"]

  static func commandURL(_ s: String) -> String? {
    for token in commandTokens(s) {
      let t = unquoted(token)
      // Each scheme begins with the byte `h` or `w`: other words are out without a Character.
      guard let first = t.utf8.first, first == UInt8(ascii: "h") || first == UInt8(ascii: "w") else { continue }
      if t.hasPrefix("http://") || t.hasPrefix("https://") || t.hasPrefix("ws://") || t.hasPrefix("wss://") { return String(t) }
    }
    return nil
  }

  static func commandMethod(_ s: String) -> String {
    let tokens = commandTokens(s)
    if let i = tokens.firstIndex(where: { $0 == "-X" || $0 == "--request" }), i + 1 < tokens.count {
      return String(unquoted(tokens[i + 1]))
    }
    if tokens.contains(where: { dataOptions.contains($0) }) { return "POST" }
    if tokens.contains("-I") || tokens.contains("--head") { return "HEAD" }
    return "GET"
  }

  private static let dataOptions = Set(dataOptionBytes.map { Substring($0.description) })

  /// The words of a command line, split at spaces by bytes (a `set -x` line per request).
  private static func commandTokens(_ s: String) -> [Substring] { s.utf8Split { $0 == UInt8(ascii: " ") } }

  /// A token without the quotes around it (`'...'`, `"..."`, or a stray one at either end).
  private static func unquoted(_ t: Substring) -> Substring {
    var t = t
    while let f = t.utf8.first, f == UInt8(ascii: "'") || f == UInt8(ascii: "\"") { t = t.dropFirst() }
    while let l = t.utf8.last, l == UInt8(ascii: "'") || l == UInt8(ascii: "\"") { t = t.dropLast() }
    return t
  }
}
