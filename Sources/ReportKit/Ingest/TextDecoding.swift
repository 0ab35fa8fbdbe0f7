/// The text encodings `report` recognizes from a file's first bytes.
enum TextEncoding: Equatable {
  case utf8, utf8BOM, utf16LE, utf16BE

  /// Detects the encoding from a BOM, or from the NUL pattern of BOM-less UTF-16 text.
  static func detect(_ head: [UInt8]) -> TextEncoding {
    if head.starts(with: [0xEF, 0xBB, 0xBF]) { return .utf8BOM }
    if head.starts(with: [0xFF, 0xFE]) { return .utf16LE }
    if head.starts(with: [0xFE, 0xFF]) { return .utf16BE }
    if head.count >= 4 {
      if head[0] != 0 && head[1] == 0 && head[2] != 0 && head[3] == 0 { return .utf16LE }
      if head[0] == 0 && head[1] != 0 && head[2] == 0 && head[3] != 0 { return .utf16BE }
    }
    return .utf8
  }

  var bomLength: Int {
    switch self {
    case .utf8: 0
    case .utf8BOM: 3
    case .utf16LE, .utf16BE: 2
    }
  }
}

/// Turns a file's bytes into UTF-8, chunk by chunk: BOMs dropped, UTF-16 transcoded.
///
/// Invalid bytes survive here and are replaced with U+FFFD when a line becomes a `String`.
final class UTF8Stream {
  private let chunks: ByteChunks
  let encoding: TextEncoding
  private var pending: [UInt8] = []  // an odd byte or a lone high surrogate between chunks
  private var started = false

  init?(path: String) {
    guard let head = ByteChunks.head(of: path, count: 4), let chunks = ByteChunks(path: path)
    else { return nil }
    self.chunks = chunks
    self.encoding = TextEncoding.detect(head)
  }

  /// The bytes `range` of a UTF-8 file, as they are (no BOM handling inside a range).
  init?(path: String, utf8Range range: Range<Int>) {
    guard let chunks = ByteChunks(path: path, range: range) else { return nil }
    self.chunks = chunks
    self.encoding = .utf8
    self.started = range.lowerBound > 0
  }

  /// Appends the next chunk of UTF-8 to `out`; false at the end of the file.
  func next(into out: inout [UInt8]) -> Bool {
    let raw = chunks.next()
    if raw.isEmpty {
      if !pending.isEmpty { out.append(contentsOf: [0xEF, 0xBF, 0xBD]); pending = [] }
      return false
    }
    var start = 0
    if !started {
      started = true
      start = min(encoding.bomLength, raw.count)
    }
    switch encoding {
    case .utf8, .utf8BOM:
      out.append(contentsOf: raw[start...])
    case .utf16LE, .utf16BE:
      transcodeUTF16(pending + raw[start...], into: &out)
    }
    return true
  }

  private func transcodeUTF16(_ bytes: [UInt8], into out: inout [UInt8]) {
    let little = encoding == .utf16LE
    var units: [UInt16] = []
    units.reserveCapacity(bytes.count / 2)
    var i = 0
    while i + 1 < bytes.count {
      units.append(little ? UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8 : UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1]))
      i += 2
    }
    pending = i < bytes.count ? [bytes[i]] : []
    // Keep a trailing high surrogate for the next chunk, where its partner is.
    if let last = units.last, (0xD800...0xDBFF).contains(last) {
      units.removeLast()
      let pair: [UInt8] = little ? [UInt8(last & 0xFF), UInt8(last >> 8)] : [UInt8(last >> 8), UInt8(last & 0xFF)]
      pending = pair + pending
    }
    var iterator = units.makeIterator()
    var decoder = UTF16()
    loop: while true {
      switch decoder.decode(&iterator) {
      case .scalarValue(let s): UTF8.encode(s) { out.append($0) }
      case .error: out.append(contentsOf: [0xEF, 0xBF, 0xBD])
      case .emptyInput: break loop
      }
    }
  }
}
