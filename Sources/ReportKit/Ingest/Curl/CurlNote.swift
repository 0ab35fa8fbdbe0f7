/// What a curl note (`* Trying ...`, `* TLSv1.3 ...`, `* Connection refused`) tells the exchange,
/// read from its bytes: the builder and the reader's byte skip ask the same function.
extension CurlExchangeBuilder {
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
}
