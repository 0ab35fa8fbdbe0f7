extension StringProtocol {
  /// `body` with the string's (or substring's) UTF-8 bytes: a native one's read where they are
  /// stored, any other (bridged, or small and kept inline) made contiguous in a copy first.
  /// Unlike `withUTF8`, it needs no `var` copy of a native string, whose making and dropping
  /// retained and released it per call (per test, per string written, on the hot paths that ask
  /// this).
  @inline(__always)
  func withUTF8Bytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    if let r = utf8.withContiguousStorageIfAvailable(body) { return r }
    var copy = String(self)
    return copy.withUTF8(body)
  }
}
