/// The registry of built-in rules, in the order ties are broken (earlier wins at equal signal).
enum BuiltInRules {
  static let all: [Rule] = transport + status + auth + routing + environment + logic + skips

  /// Shorthand for a built-in pattern.
  static func re(
    _ source: String, requiring required: [String] = [], orShape shape: (@Sendable (UnsafeBufferPointer<UInt8>) -> Bool)? = nil
  ) -> Pattern {
    Pattern(builtIn: source, requiring: required, orShape: shape)
  }
}
