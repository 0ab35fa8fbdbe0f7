/// The kind of evidence a rule reads; when several rules match, the strongest signal wins.
///
/// A transport error (refused, reset, DNS, TLS, timeout) beats a protocol status (HTTP, gRPC,
/// WebSocket close), which beats a typed exception, which beats a bare assertion.
public enum Signal: String, Sendable, CaseIterable, Comparable {
  case transport, status, exception, assertion, fallback

  var strength: Int {
    switch self {
    case .transport: 4
    case .status: 3
    case .exception: 2
    case .assertion: 1
    case .fallback: 0
    }
  }

  public static func < (a: Signal, b: Signal) -> Bool { a.strength < b.strength }
}
