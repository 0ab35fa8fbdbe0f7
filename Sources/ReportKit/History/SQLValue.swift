/// A value bound to or read from a history query, the same in both stores.
enum SQLValue: Sendable, Equatable {
  case int(Int64)
  case double(Double)
  case text(String)
  case null

  init(_ s: String?) { self = s.map { .text($0) } ?? .null }
  init(_ n: Int) { self = .int(Int64(n)) }
  init(_ d: Double?) { self = d.map { .double($0) } ?? .null }

  var int: Int? {
    switch self {
    case .int(let n): Int(n)
    case .double(let d): Int(d)
    case .text(let s): Int(s)
    case .null: nil
    }
  }

  var double: Double? {
    switch self {
    case .int(let n): Double(n)
    case .double(let d): d
    case .text(let s): Double(s)
    case .null: nil
    }
  }

  var text: String? {
    switch self {
    case .text(let s): s
    case .int(let n): String(n)
    case .double(let d): String(d)
    case .null: nil
    }
  }
}

/// One row of a query's result, read by column position.
struct SQLRow: Sendable {
  var values: [SQLValue]

  func int(_ i: Int) -> Int { values[i].int ?? 0 }
  func int64(_ i: Int) -> Int64 {
    if case .int(let n) = values[i] { return n }
    return Int64(values[i].int ?? 0)
  }
  func double(_ i: Int) -> Double? { values[i].double }
  func text(_ i: Int) -> String { values[i].text ?? "" }
  func optionalText(_ i: Int) -> String? { values[i].text }
}
