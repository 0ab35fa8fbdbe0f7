/// Shapes of upper-case names that some rules' expressions require case-sensitively (`(?-i:...)`
/// inside a case-insensitive expression): ASCII text without the shape cannot match them and is
/// not handed to ICU (`Pattern`'s `shape`). Most failures (`KeyError: 'sku'`) have neither.
enum UpperCaseShapes {
  /// An upper-case letter followed by two or more of `A-Z`, `0-9`, `_`: what every alternative
  /// of `missing_env_var` needs (`[A-Z][A-Z0-9_]{2,}`, or `[A-Z][A-Z0-9]*_[A-Z0-9_]+`, whose
  /// matches have that shape too).
  @Sendable static func name(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
    var run = 0  // bytes of [A-Z0-9_] so far since an upper-case letter began a run
    for b in p {
      if run > 0 && (b.isASCIIUppercase || (b >= 0x30 && b <= 0x39) || b == UInt8(ascii: "_")) {
        run += 1
        if run >= 3 { return true }
      } else {
        run = b.isASCIIUppercase ? 1 : 0
      }
    }
    return false
  }

  /// One of the upper-case words in `missing_secret`'s name (`API_?KEY` holds `KEY`, `CREDENTIALS?`
  /// holds `CREDENTIAL`).
  @Sendable static func secretWord(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
    p.indices.contains { i in p[i].isASCIIUppercase && secretWords.contains { p.has($0, at: i) } }
  }

  private static let secretWords: [StaticString] = ["TOKEN", "SECRET", "KEY", "PASSWORD", "PASSWD", "CREDENTIAL", "AUTH"]
}
