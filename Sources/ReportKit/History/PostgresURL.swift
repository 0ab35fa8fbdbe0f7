public import Foundation

/// A PostgreSQL server and database, from `postgresql://user[:password]@host[:port]/database`
/// (`?sslmode=disable|prefer|require|verify-full`). The password may come from the URL, else from
/// `PGPASSWORD`, else from the password file (`PGPASSFILE` or `~/.pgpass`), as libpq does.
///
/// The password is never part of `description`: every message that names the server prints it as
/// `***`, and `mask(_:)` does the same to any text that might quote the URL.
public struct PostgresURL: Sendable, Equatable, CustomStringConvertible {
  public enum TLS: String, Sendable {
    case disable, prefer, require
    case verifyFull = "verify-full"
  }

  public var user: String
  /// The password written in the URL itself, if any (see `password(environment:)`).
  var urlPassword: String?
  public var host: String
  public var port: Int
  public var database: String
  public var tls: TLS

  static func isURL(_ text: String) -> Bool { text.hasPrefix("postgresql://") || text.hasPrefix("postgres://") }

  /// Parses a URL; a bad one throws a message that shows the URL masked.
  public init(_ text: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
    let usage = "postgresql://user[:password]@host[:port]/database"
    guard Self.isURL(text), let parts = URLComponents(string: text), let host = parts.host, !host.isEmpty else {
      throw HistoryError.badLocation("--history: '\(Self.mask(text))' is not a PostgreSQL URL (\(usage))")
    }
    self.host = host
    port = parts.port ?? 5432
    user = parts.user.flatMap { $0.isEmpty ? nil : $0 } ?? environment["PGUSER"] ?? environment["USER"] ?? "postgres"
    urlPassword = parts.password
    let path = parts.path.hasPrefix("/") ? String(parts.path.dropFirst()) : parts.path
    database = path.isEmpty ? user : path
    var mode = TLS.prefer
    for item in parts.queryItems ?? [] where item.name == "sslmode" {
      guard let value = item.value, let m = TLS(rawValue: value) else {
        throw HistoryError.badLocation("--history: sslmode '\(item.value ?? "")' is not disable, prefer, require or verify-full")
      }
      mode = m
    }
    tls = mode
    guard (1...65535).contains(port) else { throw HistoryError.badLocation("--history: port \(port) is out of range") }
  }

  /// `postgresql://user:***@host:port/database`: what messages and outputs print.
  public var description: String {
    "postgresql://\(user)\(urlPassword == nil ? "" : ":***")@\(host.contains(":") ? "[\(host)]" : host):\(port)/\(database)"
      + (tls == .prefer ? "" : "?sslmode=\(tls.rawValue)")
  }

  /// The password to log in with: the URL's, else `PGPASSWORD`, else the password file's entry
  /// for this host, port, database and user (`PGPASSFILE`, default `~/.pgpass`); nil when none.
  func password(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
    if let urlPassword { return urlPassword }
    if let p = environment["PGPASSWORD"] { return p }
    let file = environment["PGPASSFILE"] ?? (environment["HOME"].map { $0 + "/.pgpass" } ?? "")
    guard !file.isEmpty, let text = try? String(contentsOfFile: file, encoding: .utf8) else { return nil }
    return PGPass.lookup(text, host: host, port: port, database: database, user: user)
  }

  /// `text` with the password of every `postgres://user:password@` in it replaced by `***`.
  public static func mask(_ text: String) -> String {
    guard text.contains("postgres") else { return text }
    var out = ""
    var rest = text[...]
    while let scheme = rest.range(of: "://") {
      let before = rest[..<scheme.lowerBound]
      out += rest[..<scheme.upperBound]
      rest = rest[scheme.upperBound...]
      guard before.hasSuffix("postgres") || before.hasSuffix("postgresql") else { continue }
      // The authority runs to the first '/' or blank; its userinfo to the last '@' in it.
      let end = rest.firstIndex { $0 == "/" || $0.isWhitespace } ?? rest.endIndex
      guard let at = rest[..<end].lastIndex(of: "@"), let colon = rest[..<at].firstIndex(of: ":") else { continue }
      out += rest[..<colon] + ":***"
      rest = rest[at...]
    }
    return out + rest
  }
}
