/// The protocol-level numbers a failure text states: HTTP status, gRPC status, WebSocket close
/// code, curl exit code and errno values. Each is read only where words around it say what it is.
struct Signals: Sendable, Equatable {
  var httpStatus: Int?
  var grpcStatus: String?
  var wsCloseCode: Int?
  var curlExit: Int?
  var errnos: [Int] = []

  /// Numbers a cluster signature must keep: two failures that differ in one of these differ.
  var keptNumbers: Set<Int> {
    var s = Set(errnos)
    if let httpStatus { s.insert(httpStatus) }
    if let wsCloseCode { s.insert(wsCloseCode) }
    if let curlExit { s.insert(curlExit) }
    return s
  }

  /// Reads the signals of `text`; `has` tells whether its lower-cased form holds a phrase, so
  /// that each pattern runs only when a word it needs is there.
  static func extract(from text: String, has: (String) -> Bool) -> Signals {
    var s = Signals()
    guard text.utf8.contains(where: { $0 >= 48 && $0 <= 57 }) || gates.grpc.contains(where: has) || gates.ws.contains(where: has) else {
      return s
    }
    s.httpStatus = httpStatus(in: text)
    if gates.grpc.contains(where: has) { s.grpcStatus = grpcStatus(in: text) }
    if gates.ws.contains(where: has) {
      if let m = wsClose.firstMatch(in: text), let code = m.groups.compactMap({ $0 }).first.flatMap({ Int($0) }) {
        s.wsCloseCode = code
      } else if has("no close frame received") {
        s.wsCloseCode = 1006
      }
    }
    if has("curl"), let m = curlExitPattern.firstMatch(in: text), let code = m.groups.compactMap({ $0 }).first.flatMap({ Int($0) }) {
      s.curlExit = code
    }
    if gates.errno.contains(where: has) { s.errnos = errnoPattern.allCaptures(in: text).compactMap { Int($0) } }
    return s
  }

  /// Lower-case words without which a pattern cannot match (they go into the classifier's phrase set).
  static let gates = (
    grpc: [
      "statuscode", "code =", "grpc", "statusruntimeexception", "unavailable", "deadline_exceeded", "unauthenticated",
      "permission_denied", "unimplemented", "not_found", "internal", "unknown", "resource_exhausted", "data_loss",
    ],
    ws: ["received ", "sent ", "close", "websocket", "no close frame received"],
    errno: ["errno", "winerror"]
  )

  static var gatePhrases: [String] { gates.grpc + gates.ws + gates.errno + ["curl"] }

  /// The first status of 300 or more that the text states; a 2xx alone is what was expected.
  static func httpStatus(in text: String) -> Int? {
    // The patterns need words near the number: read a window around each candidate instead
    // of the whole text (a failure text can be kilobytes of traceback).
    let bytes = Array(text.utf8)
    for p in statusCandidates(bytes).prefix(8) {
      let value = Int(bytes[p] - 48) * 100 + Int(bytes[p + 1] - 48) * 10 + Int(bytes[p + 2] - 48)
      let window = String(decoding: bytes[max(0, p - 40)..<min(bytes.count, p + 36)], as: UTF8.self)
      // Only a match on this very number counts (the window may hold others).
      if httpStatusPattern.allCaptures(in: window).contains(String(value)) { return value }
    }
    return nil
  }

  /// Offsets of every run of exactly three digits from 300 to 599 that is not part of a decimal
  /// number or an address (`503.12`, `10.0.404.1`).
  static func statusCandidates(_ b: [UInt8]) -> [Int] {
    var out: [Int] = []
    var run = 0
    var value = 0
    for i in 0...b.count {
      if i < b.count && b[i] >= 48 && b[i] <= 57 {
        run += 1
        value = value &* 10 &+ Int(b[i] - 48)
      } else {
        let start = i - 3
        let decimal =
          (i + 1 < b.count && (b[i] == 46 || b[i] == 44) && b[i + 1] >= 48 && b[i + 1] <= 57)
          || (start > 0 && (b[start - 1] == 46 || b[start - 1] == 44))
        if run == 3 && value >= 300 && value <= 599 && !decimal { out.append(start) }
        run = 0
        value = 0
      }
    }
    return out
  }

  static func grpcStatus(in text: String) -> String? {
    for raw in grpcPattern.allCaptures(in: text) {
      let name = normalizedGRPC(raw)
      if grpcNames.contains(name) { return name }
    }
    return nil
  }

  /// `Unavailable` / `DeadlineExceeded` / `UNAVAILABLE` → `UNAVAILABLE` / `DEADLINE_EXCEEDED`.
  static func normalizedGRPC(_ raw: String) -> String {
    if raw.uppercased() == raw { return raw }
    var out = ""
    for (i, c) in raw.enumerated() {
      if c.isUppercase && i > 0 { out += "_" }
      out += c.uppercased()
    }
    return out
  }

  static let grpcNames: Set<String> = [
    "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT", "DEADLINE_EXCEEDED", "NOT_FOUND", "ALREADY_EXISTS",
    "PERMISSION_DENIED", "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION", "ABORTED", "OUT_OF_RANGE",
    "UNIMPLEMENTED", "INTERNAL", "UNAVAILABLE", "DATA_LOSS", "UNAUTHENTICATED",
  ]

  private static let reasons =
    "unauthorized|forbidden|not[ _]found|method[ _]not[ _]allowed|service[ _]unavailable|bad[ _]gateway|gateway[ _]time-?out"
    + "|internal[ _]server[ _]error|too[ _]many[ _]requests|bad[ _]request|conflict|unprocessable[ _]entity|request[ _]timeout"
    + "|not[ _]implemented|moved[ _]permanently|see[ _]other|temporary[ _]redirect|permanent[ _]redirect|gone"
    + "|proxy[ _]authentication[ _]required|payload[ _]too[ _]large|unsupported[ _]media[ _]type"

  /// Status numbers in the contexts libraries print them; the first group that took part is the status.
  static let httpStatusPattern = Pattern(
    builtIn: [
      #"<Response \[(\d{3})\]>"#,  // requests' repr, in pytest's `where 503 = <Response [503]>.status_code`
      #"\bHTTP(?:/\d(?:\.\d)?)?(?: Error)?[ :]+(\d{3})\b"#,  // HTTP Error 503, HTTP/1.1 404, HTTP 401
      #"\b(\d{3}) (?:Client|Server) Error\b"#,  // requests' raise_for_status
      #"\bstatus(?:[ _-]?code)?\b[\s:=]*(?:was |of |is |<)?(\d{3})\b"#,  // status code 404, status_code=503, statusCode: 500
      #"\b(\d{3})[ :]+(?:"# + reasons + #")\b"#,  // 401 Unauthorized, 404 NOT_FOUND, 503: Service Unavailable
      #"\b(?:got|returned|received|responded with|response was|answered)(?: an?)?(?: HTTP)?(?: status)? (\d{3})\b"#,
      #"\bbut (?:was|got)[: <]*(\d{3})\b"#,  // expected: <200> but was: <503>
      // pytest and node:assert print the actual value first: `assert 503 == 200`, `503 !== 200`.
      #"\bassert (\d{3}) == 2\d\d\b"#,
      #"(?:->|→|=>) ?(\d{3})\b"#,
      #"does not indicate success: (\d{3})"#,  // .NET HttpRequestException
      #"\b(\d{3}) (?:!==|!=|===|==) 2\d\d\b"#,
      #"\b(\d{3}), message="#,  // aiohttp's ClientResponseError
    ].joined(separator: "|"))

  static let grpcPattern = Pattern(
    builtIn: [
      #"StatusCode\.([A-Z_]+)"#,  // python grpc
      #"\bcode = ([A-Za-z]+) desc"#,  // Go status.Error
      #"\b\d{1,2} ([A-Z_]{5,}):"#,  // Node @grpc/grpc-js: `14 UNAVAILABLE: ...`
      #"StatusRuntimeException: ([A-Z_]+)"#,  // Java
      #"\bgRPC (?:status|error)[: ]+([A-Z_]{5,})"#,
    ].joined(separator: "|"))

  static let wsClose = Pattern(
    builtIn: [
      #"\b(?:received|sent) (\d{4}) \("#,  // websockets: `received 1011 (internal error)`
      #"\bclose(?:d)?(?: with)?(?: status)? code[ :=]*(\d{4})\b"#,  // close code 1008, closed with code 1006
      #"\bCloseEvent[^\n]{0,40}?code[ :=]*(\d{4})\b"#,
      #"\bwebsocket[^\n]{0,60}?\bcode[ :=]*(\d{4})\b"#,
    ].joined(separator: "|"))

  static let curlExitPattern = Pattern(
    builtIn: #"\bcurl: \((\d{1,2})\)|\bcurl(?:[^\n]{0,30}?)exit(?:ed)?(?: with)?(?: code| status)?[ :=]*(\d{1,2})\b"#)
  static let errnoPattern = Pattern(builtIn: #"\[Errno (-?\d+)\]|\berrno[ :=]*(-?\d+)|\[WinError (\d+)\]"#)
}
