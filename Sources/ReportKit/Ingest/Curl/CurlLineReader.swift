import Foundation

/// Turns the raw lines of a curl log into `CurlEvent`s: each line redacted first, then markers
/// recognized, trace blocks rejoined or decoded (and redacted once rejoined).
struct CurlLineReader {
  let path: String
  private var block: CurlTraceBlock?
  /// Lines are redacted in order: a PEM block in a body is masked to its END line.
  private var redactor = Redactor.Stream()

  /// Whether the common lines are told by their first bytes (`quick`); off, every line takes the
  /// general path (the reference the tests compare with).
  var quickLines = true

  init(path: String) { self.path = path }

  /// Whether a trace block is open or a PEM block is being masked: what the next line would
  /// depend on (a split of the file is only equal to one pass where neither is).
  var isMidBlock: Bool { block != nil || redactor.insidePEM }

  /// Reads one raw line; calls `emit` for each event it completes.
  ///
  /// The line is redacted once, before anything is parsed from it, so every event, value and
  /// evidence line comes from masked text. Only trace dump lines wait: a token wrapped over two
  /// of them is redacted after the block rejoins it.
  mutating func read(_ raw: String, line: Int, emit: (CurlEvent) -> Void) {
    if block != nil {
      if block?.add(raw[...], number: line) == true { return }
      flush(emit)
    }
    let clean = redactor.redact(raw)
    // The common lines are told by their first bytes, as below, without a Substring made (each
    // test of one retained and released the line).
    let quick = quickLines ? clean.utf8.withContiguousStorageIfAvailable(Self.quick) ?? .other : .other
    let afterMarker = { String(decoding: clean.utf8.dropFirst(2), as: UTF8.self) }
    switch quick {
    case .note: return info(afterMarker(), clean, line, emit)
    case .request: return event(.requestHeader, afterMarker(), clean, line, emit)
    case .response: return event(.responseHeader, afterMarker(), clean, line, emit)
    case .dataNote: return
    case .other: break
    }
    let s = clean[...]
    if let note = Self.afterProgressMeter(s) { return info(String(note), clean, line, emit) }
    let first = s.utf8.first ?? 0
    if first == UInt8(ascii: "=") || first == UInt8(ascii: "<"), CurlTraceBlock.mayOpen(raw[...]), let b = CurlTraceBlock(raw[...]) {
      block = b
      return
    }
    if first == UInt8(ascii: "=") && s.utf8HasPrefix("== Info: ") {
      return info(String(decoding: s.utf8.dropFirst(9), as: UTF8.self), clean, line, emit)
    }
    if first == UInt8(ascii: "*") && s.utf8HasPrefix("* ") {
      return info(String(decoding: s.utf8.dropFirst(2), as: UTF8.self), clean, line, emit)
    }
    if first == UInt8(ascii: ">") && (s.utf8HasPrefix("> ") || s.utf8.count == 1) {
      return event(.requestHeader, String(decoding: s.utf8.dropFirst(2), as: UTF8.self), clean, line, emit)
    }
    if first == UInt8(ascii: "<") && (s.utf8HasPrefix("< ") || s.utf8.count == 1) {
      return event(.responseHeader, String(decoding: s.utf8.dropFirst(2), as: UTF8.self), clean, line, emit)
    }
    if (first == UInt8(ascii: "{") || first == UInt8(ascii: "}")) && s.utf8.dropFirst().starts(with: " [".utf8) { return }
    if let r = s.utf8Range(of: "curl: ("), let close = s[r.upperBound...].utf8.firstIndex(of: UInt8(ascii: ")")),
      let code = Int(s[r.upperBound..<close])
    {
      let message = s[s.index(after: close)...].drop { $0 == " " }
      return event(.curlError(code), String(message), clean, line, emit)
    }
    if Self.isCommand(s) { return event(.command, clean, clean, line, emit) }
    if first == UInt8(ascii: "{"), s.utf8.last == UInt8(ascii: "}"), s.utf8Contains("\"time_total\"") || s.utf8Contains("\"http_code\"") {
      if let object = CurlWriteOut.parse(clean) { return event(.writeOut(object), clean, clean, line, emit) }
    }
    if let (key, value) = Self.variable(s) { return event(.variable(key, value), clean, clean, line, emit) }
    // A body without a final newline glues the next `set -x` echo to it: `{...}+ curl -sS ...`.
    if let glued = s.utf8Range(of: "+ curl "), glued.lowerBound > s.startIndex {
      event(.body, String(s[..<glued.lowerBound]), clean, line, emit)
      return event(.command, String(s[glued.lowerBound...]), clean, line, emit)
    }
    event(.body, clean, clean, line, emit)
  }

  mutating func finish(emit: (CurlEvent) -> Void) { flush(emit) }

  /// Whether `read` can pass over a line by its bytes (`p`, as the file has them): a `{ [`/`} [`
  /// data note, a note that tells nothing (`NoteKind.none`) or only that the connection is TLS
  /// or closed (a `.note` event is emitted for it), a header that is neither a request or status
  /// line, nor `Host`, nor a telling response header. None of these is made a String: `read`
  /// would make nothing else of it.
  ///
  /// Why the raw bytes may be asked instead of the redacted line: outside a PEM block, a line
  /// without `-----BEGIN ` leaves the redactor as it was, and a mask only replaces bytes with
  /// `[REDACTED]`, which holds no byte of the words asked (`HTTP/`, `host:`, a header name before
  /// its colon, a note's prefix or failure phrase) other than the letters inside brackets: a
  /// mask can hide such a word, never make one. So a line that says nothing says nothing once
  /// redacted. A TLS or closing note is taken only when redaction leaves it whole.
  mutating func skips(_ p: UnsafeBufferPointer<UInt8>, line: Int, emit: (CurlEvent) -> Void) -> Bool {
    guard quickLines, block == nil, !redactor.insidePEM, p.count >= 1, p.count < 2 || p[1] == 0x20 else { return false }
    let inert: Bool
    switch p[0] {
    case UInt8(ascii: "{"), UInt8(ascii: "}"):
      inert = p.count >= 3 && p[2] == UInt8(ascii: "[")
    case UInt8(ascii: "*"):
      guard p.count >= 2 else { return false }
      var a = 2
      var b = p.count
      while a < b && (p[a] == 0x20 || p[a] == 0x09) { a += 1 }
      while b > a && (p[b - 1] == 0x20 || p[b - 1] == 0x09) { b -= 1 }
      switch CurlExchangeBuilder.noteKind(UnsafeBufferPointer(rebasing: p[a..<b])) {
      case .none:
        inert = true
      case .closed:
        // A mask could hide `left intact`: taken only when redaction leaves the note whole.
        guard Self.leftWhole(p) else { return false }
        emit(CurlEvent(kind: .note(.closed), text: "", line: line, wholeLine: nil))
        return true
      case let kind where kind == .tls || kind == .trying || kind == .connected:
        // The kind stays what redaction makes of the line: these kinds are told by the note's
        // first word, which no mask can begin at (a mask begins after a key's `=` or `:`, a
        // scheme word or a `user:`, or at a token's own prefix, which none of these words is).
        // Only a PEM block the line opens would change what the next lines are.
        guard !Self.mayOpenPEM(p) else { return false }
        let event: CurlEvent.Kind = kind == .tls ? .note(.tls) : .bytes(kind == .trying ? .trying : .connected, p)
        emit(CurlEvent(kind: event, text: "", line: line, wholeLine: nil))
        return true
      default:
        return false
      }
    case UInt8(ascii: ">"):
      let text = UnsafeBufferPointer(rebasing: p[min(2, p.count)...])
      guard text.firstIndex(of: "HTTP/") == nil else { return false }
      if CurlExchangeBuilder.isHostHeader(text) {
        // `Host:` begins the text: no mask can begin there (`host` names no secret).
        guard !Self.mayOpenPEM(p) else { return false }
        emit(CurlEvent(kind: .bytes(.host, p), text: "", line: line, wholeLine: nil))
        return true
      }
      inert = true
    case UInt8(ascii: "<"):
      let text = UnsafeBufferPointer(rebasing: p[min(2, p.count)...])
      inert = !text.has("HTTP/", at: 0) && !Self.mayBeTellingHeader(text)
    default:
      return false
    }
    return inert && !Self.mayOpenPEM(p)
  }

  /// Whether a header may be one of `HTTPExchange.tellingHeaders`: its ASCII name before the
  /// colon is one, in any case, or the name is not ASCII (left to `isTellingHeader`).
  private static func mayBeTellingHeader(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let colon = p.firstIndex(ofByte: UInt8(ascii: ":")) else { return false }
    let name = UnsafeBufferPointer(rebasing: p[..<colon])
    guard name.allSatisfy({ $0 < 0x80 }) else { return true }
    return tellingNames.contains { $0.count == name.count && zip($0, name).allSatisfy { $0 == $1.lowercasedASCII } }
  }

  private static let tellingNames = HTTPExchange.tellingHeaders.map { Array($0.utf8) }

  /// Whether redaction leaves the line as it is, and no PEM block open: its raw bytes are then
  /// what the String path would read.
  private static func leftWhole(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
    let redacted = Redactor.redact(p)
    return redacted.bytes == nil && !redacted.openPEM
  }

  /// Whether the bytes hold `-----BEGIN `, where a PEM block could open. Most lines hold no
  /// two `-` in a row (a header name or a host has single ones): told eight bytes at a time,
  /// before any search. Five dashes in a row put two of them side by side in one of the whole
  /// words read (split over two words, one side holds three or more; `BEGIN ` after them keeps
  /// all five out of the last, partial word): no pair across words or in the rest is needed.
  static func mayOpenPEM(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = p.baseAddress else { return false }
    let dashes = ByteWord.repeating(UInt8(ascii: "-"))
    var i = 0
    var pair = false
    while i + 8 <= p.count && !pair {
      let d = ByteWord.zeros(ByteWord.load(base + i) ^ dashes)  // the high bit of each `-`
      pair = d & (d << 8) != 0
      i += 8
    }
    return pair && p.firstIndex(of: "-----BEGIN ") != nil
  }

  /// What `read` makes of a redacted line by its first bytes alone: a `* ` note, a `> ` or `<
  /// ` header (or the bare marker), a `{ [`/`} [` data note; `other` for the rest. None of these
  /// can be what `read` tries before them (a progress meter starts with a space or digit, a
  /// trace header with `=>` or `<=`).
  private enum Quick { case note, request, response, dataNote, other }

  private static func quick(_ p: UnsafeBufferPointer<UInt8>) -> Quick {
    guard let first = p.first else { return .other }
    let second: UInt8? = p.count > 1 ? p[1] : nil
    switch first {
    case UInt8(ascii: "*"): return second == 0x20 ? .note : .other
    case UInt8(ascii: ">"): return second == nil || second == 0x20 ? .request : .other
    case UInt8(ascii: "<"): return second == nil || second == 0x20 ? .response : .other
    case UInt8(ascii: "{"), UInt8(ascii: "}"): return p.count >= 3 && second == 0x20 && p[2] == UInt8(ascii: "[") ? .dataNote : .other
    default: return .other
    }
  }

  private mutating func flush(_ emit: (CurlEvent) -> Void) {
    guard let b = block else { return }
    block = nil
    let kind: CurlEvent.Kind
    switch b.direction {
    case .requestHeader: kind = .requestHeader
    case .responseHeader: kind = .responseHeader
    case .responseData: kind = .body
    case .ignored: return
    }
    for (text, line) in b.lines() {
      let marker = kind.isRequest ? "> " : kind.isResponse ? "< " : ""
      emit(CurlEvent(kind: kind, text: redactor.redact(text), line: line, wholeLine: nil, marker: marker))
    }
  }

  private func info(_ text: String, _ clean: String, _ line: Int, _ emit: (CurlEvent) -> Void) {
    event(.info, String(text.utf8Trimmed()), clean, line, emit)
  }

  /// `text` and `clean` (the whole line) are already redacted.
  private func event(_ kind: CurlEvent.Kind, _ text: String, _ clean: String, _ line: Int, _ emit: (CurlEvent) -> Void) {
    emit(CurlEvent(kind: kind, text: text, line: line, wholeLine: clean))
  }

  /// `  0  0  0 ... --:--:--     0*   Trying 127.0.0.1:80...`: without `-s`, curl's progress
  /// meter has no line end before a `-v` note; the note is what follows the `*`.
  static func afterProgressMeter(_ s: Substring) -> Substring? {
    guard s.utf8.first == 0x20 || s.utf8.first.map({ $0 >= 48 && $0 <= 57 }) == true,
      let star = s.utf8.firstIndex(of: UInt8(ascii: "*")), star > s.startIndex
    else { return nil }
    let meter = s[..<star]
    guard
      meter.utf8Contains("--:--")
        || meter.utf8.allSatisfy({
          $0 == 0x20 || ($0 >= 48 && $0 <= 57) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: "k")
            || $0 == UInt8(ascii: "M") || $0 == UInt8(ascii: "G") || $0 == UInt8(ascii: "-")
        })
    else { return nil }
    let note = s[s.utf8.index(after: star)...]
    guard note.utf8.first == 0x20 else { return nil }
    return Substring(note.utf8.drop { $0 == 0x20 })
  }

  /// A shell-echoed curl command: `+ curl ...`, `$ curl ...`, `curl -v ...`.
  static func isCommand(_ s: Substring) -> Bool {
    let t = Substring(s.utf8.drop { $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "$") || $0 == 0x20 })
    return t.utf8HasPrefix("curl ") && (t.utf8Contains("://") || t.utf8Contains(" -"))
  }

  static let variables: Set<String> = [
    "time_namelookup", "time_connect", "time_appconnect", "time_pretransfer", "time_starttransfer",
    "time_redirect", "time_total", "http_code", "response_code", "url_effective", "exitcode", "errormsg",
    "remote_ip", "size_download", "method",
  ]

  /// `time_total: 0.123` or `time_total=0.123`, for curl's own variable names only.
  static func variable(_ s: Substring) -> (String, String)? {
    guard let first = s.utf8.first,
      first == UInt8(ascii: "t") || first == UInt8(ascii: "h") || first == UInt8(ascii: "u")
        || first == UInt8(ascii: "e") || first == UInt8(ascii: "r") || first == UInt8(ascii: "s") || first == UInt8(ascii: "m")
        || first == 0x20
    else { return nil }
    guard let sep = s.utf8.firstIndex(where: { $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: "=") }) else { return nil }
    let key = String(s[..<sep].utf8Trimmed())
    guard variables.contains(key) else { return nil }
    let value = String(s[s.utf8.index(after: sep)...].utf8Trimmed())
    return (key, value.hasSuffix("s") && key.hasPrefix("time_") ? String(value.dropLast()) : value)
  }
}

extension CurlEvent.Kind {
  var isRequest: Bool { if case .requestHeader = self { true } else { false } }
  var isResponse: Bool { if case .responseHeader = self { true } else { false } }
}
