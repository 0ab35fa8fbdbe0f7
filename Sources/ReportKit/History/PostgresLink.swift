import Foundation
internal import PostgresNIO

/// One connection to a PostgreSQL server, used synchronously: each query is sent through
/// PostgresNIO's `EventLoopFuture` API and waited for on the calling thread. The future is
/// completed by NIO's event loop threads, so waiting is safe from any thread that is not one of
/// them (the CLI's, or a test's). Errors are mapped to `HistoryError`s that name the server with
/// its password masked; PostgresNIO's own log is silenced.
final class PostgresLink: Sendable {
  let connection: PostgresConnection
  let location: HistoryLocation
  let logger: Logger

  private init(connection: PostgresConnection, location: HistoryLocation, logger: Logger) {
    self.connection = connection
    self.location = location
    self.logger = logger
  }

  /// Connects, trying again after a pause when the server refuses or times out.
  static func connect(_ url: PostgresURL, attempts: Int) throws -> PostgresLink {
    let location = HistoryLocation.postgres(url)
    var logger = Logger(label: "report.history")
    logger.logLevel = .critical
    var config = PostgresConnection.Configuration(
      host: url.host, port: url.port, username: url.user, password: url.password(), database: url.database,
      tls: try tls(url, location))
    config.options.connectTimeout = .seconds(10)
    var attempt = 0
    while true {
      attempt += 1
      do {
        let connection = try PostgresConnection.connect(
          on: PostgresConnection.defaultEventLoopGroup.any(), configuration: config, id: 1, logger: logger
        ).wait()
        return PostgresLink(connection: connection, location: location, logger: logger)
      } catch {
        let mapped = map(error, location)
        guard attempt < attempts, retriesConnecting(error) else { throw mapped }
        usleep(UInt32(300_000 * attempt))
      }
    }
  }

  private static func tls(_ url: PostgresURL, _ location: HistoryLocation) throws -> PostgresConnection.Configuration.TLS {
    guard url.tls != .disable else { return .disable }
    var tls = TLSConfiguration.makeClientConfiguration()
    // libpq's prefer and require encrypt without checking the certificate; verify-full checks it.
    if url.tls != .verifyFull { tls.certificateVerification = .none }
    do {
      let context = try NIOSSLContext(configuration: tls)
      return url.tls == .prefer ? .prefer(context) : .require(context)
    } catch {
      throw HistoryError.unreachable(location: location.description, why: "cannot set up TLS: \(error)")
    }
  }

  func close() { try? connection.close().wait() }

  // MARK: - Queries

  func execute(_ sql: String, _ arguments: [SQLValue] = []) throws { _ = try rows(sql, arguments) }

  func rows(_ sql: String, _ arguments: [SQLValue] = []) throws -> [SQLRow] {
    var binds = PostgresBindings(capacity: arguments.count)
    for a in arguments {
      switch a {
      case .int(let n): binds.append(n)
      case .double(let d): binds.append(d)
      case .text(let s): binds.append(s)
      case .null: binds.appendNull()
      }
    }
    return try rows(PostgresQuery(unsafeSQL: sql, binds: binds))
  }

  func rows(_ query: PostgresQuery) throws -> [SQLRow] {
    do {
      let result = try connection.query(query, logger: logger).wait()
      return try result.rows.map { row in SQLRow(values: try row.map(Self.value)) }
    } catch {
      throw Self.map(error, location)
    }
  }

  private static func value(_ cell: PostgresCell) throws -> SQLValue {
    guard cell.bytes != nil else { return .null }
    switch cell.dataType {
    case .int2, .int4, .int8: return .int(try cell.decode(Int64.self))
    case .float4, .float8: return .double(try cell.decode(Double.self))
    case .bool: return .text(try cell.decode(Bool.self) ? "true" : "false")
    default: return .text(try cell.decode(String.self))
    }
  }

  /// Runs `body` between BEGIN and COMMIT; rolls back when it throws.
  func transaction(_ body: (PostgresLink) throws -> Void) throws {
    try execute("BEGIN")
    do {
      try body(self)
      try execute("COMMIT")
    } catch {
      try? execute("ROLLBACK")
      throw error
    }
  }

  /// Runs `body` again, after a pause, when it lost a race with another writer.
  func retrying<T>(attempts: Int, _ body: () throws -> T) throws -> T {
    var attempt = 0
    while true {
      attempt += 1
      do {
        return try body()
      } catch let error as Raced where attempt < attempts {
        _ = error
        usleep(UInt32(200_000 * attempt))
      } catch let error as Raced {
        throw HistoryError.unreachable(location: location.description, why: "\(error.why), \(attempts) times; the run was not recorded")
      }
    }
  }

  /// `?` placeholders numbered as PostgreSQL wants them: `$1`, `$2`, ... (the shared queries hold
  /// no `?` inside a string literal).
  static func numbered(_ sql: String) -> String {
    var out = ""
    var n = 0
    for c in sql {
      if c == "?" {
        n += 1
        out += "$\(n)"
      } else {
        out.append(c)
      }
    }
    return out
  }

  // MARK: - Errors

  /// A transaction that lost to a concurrent one: worth running again.
  struct Raced: Error {
    var why: String
  }

  private static func retriesConnecting(_ error: Error) -> Bool {
    guard let e = error as? PSQLError else { return true }
    return e.code == .connectionError || e.code == .serverClosedConnection
  }

  /// A PostgresNIO error as a `HistoryError`: words from the server (its SQLSTATE and message,
  /// which never hold the password) and the location masked.
  static func map(_ error: Error, _ location: HistoryLocation) -> Error {
    if error is HistoryError || error is Raced { return error }
    let where_ = location.description
    guard let e = error as? PSQLError else {
      return HistoryError.unreachable(location: where_, why: PostgresURL.mask(String(describing: error)))
    }
    let state = e.serverInfo?[.sqlState] ?? ""
    let message = e.serverInfo?[.message] ?? ""
    let said = "\(message) (SQLSTATE \(state))"
    // Lost a race; cannot log in, no such database, the server starting or full; anything else.
    if ["40P01", "40001", "23505"].contains(state) { return Raced(why: said) }
    if state.hasPrefix("28") || ["3D000", "57P03", "53300"].contains(state) {
      return HistoryError.unreachable(location: where_, why: said)
    }
    if !state.isEmpty { return HistoryError.failed(location: where_, why: said) }
    let underlying = e.underlying.map { ": \(PostgresURL.mask(String(describing: $0)))" } ?? ""
    switch e.code {
    case .authMechanismRequiresPassword:
      return HistoryError.unreachable(location: where_, why: "the server asks for a password: give it in PGPASSWORD or ~/.pgpass")
    case .sslUnsupported: return HistoryError.unreachable(location: where_, why: "the server does not offer TLS (sslmode=require)")
    default: return HistoryError.unreachable(location: where_, why: "\(e.code)\(underlying)")
    }
  }
}
