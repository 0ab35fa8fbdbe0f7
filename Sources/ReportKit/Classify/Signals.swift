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
    extract(from: text, has: has) { $0.words.contains(where: has) }
  }

  /// `hasAny` tells whether the text holds a word of a gate (as `has` of each word would).
  static func extract(from text: String, has: (String) -> Bool, hasAny: (Gate) -> Bool) -> Signals {
    var s = Signals()
    // Each gate is asked once (a phrase lookup per word: 40 of them per failure when asked twice).
    let grpc = hasAny(.grpc)
    let ws = hasAny(.ws)
    guard text.utf8.contains(where: { $0 >= 48 && $0 <= 57 }) || grpc || ws else {
      return s
    }
    s.httpStatus = httpStatus(in: text)
    if grpc { s.grpcStatus = grpcStatus(in: text) }
    if ws {
      if let m = wsClose.firstMatch(in: text), let code = m.groups.compactMap({ $0 }).first.flatMap({ Int($0) }) {
        s.wsCloseCode = code
      } else if has("no close frame received") {
        s.wsCloseCode = 1006
      }
    }
    if has("curl"), let m = curlExitPattern.firstMatch(in: text), let code = m.groups.compactMap({ $0 }).first.flatMap({ Int($0) }) {
      s.curlExit = code
    }
    if hasAny(.errno) { s.errnos = errnoPattern.allCaptures(in: text).compactMap { Int($0) } }
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

  /// The gates whose words are asked as one.
  enum Gate: Int, CaseIterable {
    case grpc, ws, errno

    var words: [String] {
      switch self {
      case .grpc: Signals.gates.grpc
      case .ws: Signals.gates.ws
      case .errno: Signals.gates.errno
      }
    }
  }

  /// The first status of 300 or more that the text states; a 2xx alone is what was expected.
  static func httpStatus(in text: String) -> Int? {
    let bytes = Array(text.utf8)
    for p in statusCandidates(bytes, limit: 16) where StatusContext.isStatus(bytes, at: p) && !ComparedData.contains(bytes, at: p) {
      return Int(bytes[p] - 48) * 100 + Int(bytes[p + 1] - 48) * 10 + Int(bytes[p + 2] - 48)
    }
    return nil
  }

  /// Offsets of the first `limit` runs of exactly three digits from 300 to 599 that are not part
  /// of a decimal number or an address (`503.12`, `10.0.404.1`). Read through the buffer (every
  /// failure's text comes here, tracebacks included), and no further than the last one asked for.
  static func statusCandidates(_ b: [UInt8], limit: Int = .max) -> [Int] {
    b.withUnsafeBufferPointer { p in
      var out: [Int] = []
      var i = 0
      while i < p.count && out.count < limit {
        guard p[i] &- 48 <= 9 else {
          i += 1
          continue
        }
        let start = i
        var value = 0
        while i < p.count && p[i] &- 48 <= 9 {
          value = value &* 10 &+ Int(p[i] &- 48)
          i += 1
        }
        guard i - start == 3, value >= 300, value <= 599 else { continue }
        let decimal =
          (i + 1 < p.count && (p[i] == 46 || p[i] == 44) && p[i + 1] &- 48 <= 9)
          || (start > 0 && (p[start - 1] == 46 || p[start - 1] == 44))
        if !decimal { out.append(start) }
      }
      return out
    }
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

  static let grpcPattern = Pattern(
    builtIn: [
      #"StatusCode\.([A-Z_]+)"#,  // python grpc
      #"\bcode = ([A-Za-z]+) desc"#,  // Go status.Error
      #"\b\d{1,2} ([A-Z_]{5,}):"#,  // Node @grpc/grpc-js: `14 UNAVAILABLE: ...`
      #"StatusRuntimeException: ([A-Z_]+)"#,  // Java
      #"\bgRPC (?:status|error)[: ]+([A-Z_]{5,})"#,
    ].joined(separator: "|"),
    requiring: ["statuscode.", "code = ", "statusruntimeexception: ", "grpc "], orShape: numberedStatus,
    asciiCaptures: SignalScanners.grpc)

  /// The shape of `\d{1,2} ([A-Z_]{5,}):` (case-insensitive), the one alternative of
  /// `grpcPattern` without a word of its own: a digit, a space, five letters or underscores.
  @Sendable static func numberedStatus(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
    guard p.count >= 7 else { return false }
    var i = 0
    while i + 6 < p.count {
      if p[i + 1] == UInt8(ascii: " "), p[i] >= 48, p[i] <= 57,
        p[(i + 2)..<(i + 7)].allSatisfy({ ($0 | 0x20 >= 97 && $0 | 0x20 <= 122) || $0 == UInt8(ascii: "_") })
      {
        return true
      }
      i += 1
    }
    return false
  }

  static let wsClose = Pattern(
    builtIn: [
      #"\b(?:received|sent) (\d{4}) \("#,  // websockets: `received 1011 (internal error)`
      #"\bclose(?:d)?(?: with)?(?: status)? code[ :=]*(\d{4})\b"#,  // close code 1008, closed with code 1006
      #"\bCloseEvent[^\n]{0,40}?code[ :=]*(\d{4})\b"#,
      #"\bwebsocket[^\n]{0,60}?\bcode[ :=]*(\d{4})\b"#,
    ].joined(separator: "|"))

  static let curlExitPattern = Pattern(
    builtIn: #"\bcurl: \((\d{1,2})\)|\bcurl(?:[^\n]{0,30}?)exit(?:ed)?(?: with)?(?: code| status)?[ :=]*(\d{1,2})\b"#)
  static let errnoPattern = Pattern(
    builtIn: #"\[Errno (-?\d+)\]|\berrno[ :=]*(-?\d+)|\[WinError (\d+)\]"#, asciiCaptures: SignalScanners.errno)
}
