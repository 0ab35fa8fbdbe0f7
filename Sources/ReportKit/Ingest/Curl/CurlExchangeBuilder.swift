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
  /// Hosts, one copy of each spelling.
  private var hosts = SharedSpellings()
  /// The path every evidence line names (the file as the report shows it).
  private let evidencePath: String

  init(evidencePath: String = "") { self.evidencePath = evidencePath }

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
    case .bytes(let line, let p):
      byBytes(line, p)
    case .requestHeader:
      if let (method, path) = Self.requestLine(e.text) {
        if hasRequest || closed { startNew() }
        hasRequest = true
        current.method = method
        requestPath = path
        current.evidence.append(evidence(e))
      } else {
        var text = e.text
        if text.withUTF8(Self.isHostHeader) { hostHeader(e.text) }
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
      // (Each note begins with `*`: a body without one is not searched for them.)
      if e.text.utf8Contains(byte: UInt8(ascii: "*")) {
        for note: StaticString in ["*   Trying ", "* Host ", "* Connected to "] {
          if let r = text.utf8Range(of: note), r.lowerBound > text.startIndex { text = text[..<r.lowerBound] }
        }
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
      trying(t)
    case .closed, .tls, .none:
      apply(note: kind)
    case .connected:
      connected(t)
    case .failure:
      if closed || hasResponse { startNew() }
      if current.error == nil { current.error = t }
      current.evidence.append(evidence(e))
    }
  }

  /// `Trying 10.0.0.5:443...`: the address, until a Host header or a URL names the host.
  private mutating func trying(_ t: String) {
    if current.host == nil, let address = t.dropFirst(7).split(separator: "...").first {
      current.host = URLParts.stripPort(String(address))
      self.address = String(address)
    }
  }

  /// `Connected to host (address) port N`: the host, if none yet; https on port 443.
  private mutating func connected(_ t: String) {
    let rest = t.dropFirst(13)
    if current.host == nil, let h = rest.split(separator: " ").first { current.host = String(h) }
    // (Both need the bytes `port 443`: looked for first, before the Foundation search.)
    if t.utf8Contains("port 443") && (t.hasSuffix("port 443") || t.containsCharacters("port 443 ")) { scheme = scheme ?? "https" }
  }

  /// `Host: name:port` (after `> `): the host and URL, if none yet.
  private mutating func hostHeader(_ t: String) {
    let value = String(t.dropFirst(5).utf8Trimmed())
    current.host = current.host ?? URLParts.stripPort(value)
    if current.url == nil { current.url = (scheme ?? "http") + "://" + value + (requestPath ?? "") }
  }

  /// Whether a request header is `Host:`, its first five bytes read with `| 0x20`.
  static func isHostHeader(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
    p.count > 5 && zip(p.prefix(5), "host:".utf8).allSatisfy { $0 | 0x20 == $1 }
  }

  /// A `.bytes` line (`p` its raw bytes): its text is redacted and made only where the
  /// exchange still lacks what it gives, as `info` and `hostHeader` would take it.
  private mutating func byBytes(_ line: CurlEvent.ByteLine, _ p: UnsafeBufferPointer<UInt8>) {
    switch line {
    case .trying:
      if hasRequest || closed || wroteOut { startNew() }
      if current.host == nil { trying(line.text(of: p)) }
    case .connected:
      if current.host == nil || scheme == nil { connected(line.text(of: p)) }
    case .host:
      if current.host == nil || current.url == nil { hostHeader(line.text(of: p)) }
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
    if current.hasContent {
      if let host = current.host { current.host = hosts(host) }
      exchanges.append(current)
    }
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

  private func evidence(_ e: CurlEvent) -> Evidence { Evidence(path: evidencePath, line: e.line, text: e.evidenceText) }

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
}
