extension String {
  /// The same string in storage of its own size.
  ///
  /// A string built by joining or appending keeps the room it grew into: a 1 KB traceback joined
  /// from its lines held 1.7 KB, appended line by line 1.4 KB. Texts kept per failure (details,
  /// messages, output) are copied once into storage of their size: on pytest 1M that slack was
  /// 17 MiB of the peak. Small strings stay inline.
  var exactSized: String {
    var source = self
    return source.withUTF8 { bytes in
      String(unsafeUninitializedCapacity: bytes.count) { storage in
        _ = storage.initialize(fromContentsOf: bytes)
        return bytes.count
      }
    }
  }
}

extension Array where Element == String {
  /// `joined(separator: "\n")` written straight into storage of the result's size: no
  /// intermediate that grows (a traceback's lines become its detail once, for every failure).
  func joinedLines() -> String {
    guard count > 1 else { return first?.exactSized ?? "" }
    let total = reduce(count - 1) { $0 + $1.utf8.count }
    return String(unsafeUninitializedCapacity: total) { storage in
      var n = 0
      for (k, line) in enumerated() {
        if k > 0 {
          storage[n] = UInt8(ascii: "\n")
          n += 1
        }
        var line = line
        line.withUTF8 { bytes in
          _ = UnsafeMutableBufferPointer(rebasing: storage[n...]).initialize(fromContentsOf: bytes)
          n += bytes.count
        }
      }
      return n
    }
  }
}
