/// A sentence of the analysis whose log-borne parts (test ids, hosts, paths) are kept apart from
/// its words, so that each output quotes them its own way: report.md as code spans that nothing
/// inside can break out of, report.json and the terminal as plain text.
///
/// Written like a string: `"Fix \(code: id) or the code under test"`.
public struct Phrase: Sendable, Hashable, ExpressibleByStringInterpolation, CustomStringConvertible {
  public enum Part: Sendable, Hashable {
    case text(String)
    case code(String)
  }

  public var parts: [Part]

  public init(parts: [Part]) { self.parts = parts }

  public init(stringLiteral value: String) { parts = value.isEmpty ? [] : [.text(value)] }

  public init(stringInterpolation: Interpolation) { parts = stringInterpolation.parts }

  public struct Interpolation: StringInterpolationProtocol {
    var parts: [Part] = []

    public init(literalCapacity: Int, interpolationCount: Int) {}

    public mutating func appendLiteral(_ literal: String) { text(literal) }

    /// Words or numbers of our own.
    public mutating func appendInterpolation(_ value: some CustomStringConvertible) { text(value.description) }

    /// A value from a log, quoted as code.
    public mutating func appendInterpolation(code value: String) { parts.append(.code(value)) }

    /// Another phrase, its parts kept.
    public mutating func appendInterpolation(_ phrase: Phrase) {
      for p in phrase.parts {
        if case .text(let t) = p { text(t) } else { parts.append(p) }
      }
    }

    private mutating func text(_ s: String) {
      guard !s.isEmpty else { return }
      if case .text(let last)? = parts.last {
        parts[parts.count - 1] = .text(last + s)
      } else {
        parts.append(.text(s))
      }
    }
  }

  /// A phrase read back from its `description` (report.json): text between backticks is code.
  public init(markedUp s: String) {
    var parts: [Part] = []
    for (k, piece) in s.split(separator: "`", omittingEmptySubsequences: false).enumerated() where !piece.isEmpty {
      parts.append(k % 2 == 1 ? .code(String(piece)) : .text(String(piece)))
    }
    self.parts = parts
  }

  /// The phrase with code in backticks, as report.json and the terminal show it.
  public var description: String {
    parts.map {
      switch $0 {
      case .text(let t): t
      case .code(let c): "`\(c)`"
      }
    }.joined()
  }
}
