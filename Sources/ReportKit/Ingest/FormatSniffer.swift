/// Decides what a file is from its content, never its name.
enum FormatSniffer {
  /// What the file holds: the formats to parse it with (primary first), or why it is skipped.
  enum Verdict: Equatable {
    case formats([InputFormat])
    case skip(String)
  }

  static let headBytes = 256 * 1024

  static func sniff(path: String) -> Verdict {
    guard let raw = ByteChunks.head(of: path, count: headBytes) else { return .skip("cannot open file") }
    if raw.isEmpty { return .skip("empty file") }
    let encoding = TextEncoding.detect(raw)
    var text: [UInt8] = []
    if encoding == .utf16LE || encoding == .utf16BE {
      guard let stream = UTF8Stream(path: path) else { return .skip("cannot open file") }
      _ = stream.next(into: &text)
    } else {
      text = Array(raw.dropFirst(encoding.bomLength))
    }
    if text.prefix(8192).contains(0) { return .skip("binary file") }
    if let first = text.first(where: { !isSpace($0) }), first == UInt8(ascii: "<") { return .formats([.junit]) }
    let (pytest, curl) = score(String(decoding: text, as: UTF8.self))
    switch (pytest, curl) {
    case (0, 0): return .skip("not a recognized test artifact (pytest console, JUnit XML or curl trace)")
    case (let p, let c) where p >= 2 && c >= 2: return .formats(p >= c ? [.pytest, .curl] : [.curl, .pytest])
    case (let p, let c): return .formats(p >= c ? [.pytest] : [.curl])
    }
  }

  /// Counts the lines that only pytest, and only curl, would write.
  static func score(_ text: String) -> (pytest: Int, curl: Int) {
    var pytest = 0
    var curl = 0
    for raw in text.split(omittingEmptySubsequences: true, whereSeparator: \.isNewline).prefix(5000) {
      let line = raw.hasPrefix("\u{1B}") ? Substring(ANSI.strip(String(raw))) : raw
      if let sep = PytestLines.separator(line), sep.char == "=" {
        if sep.title.contains("test session starts") || ["FAILURES", "ERRORS", "short test summary info", "PASSES"].contains(sep.title)
          || PytestSummary(title: sep.title, line: 0) != nil
        {
          pytest += 3
        }
      } else if PytestLines.verbose(line)?.status != nil || (PytestLines.progress(line).map { !$0.file.isEmpty } ?? false) {
        pytest += 1
      } else if line.hasPrefix("collected ") || line.hasPrefix("collecting ... collected") {
        pytest += 2
      } else if line.hasPrefix("* Trying") || line.hasPrefix("*   Trying") || line.hasPrefix("== Info:") || line.hasPrefix("=> Send header")
        || line.hasPrefix("<= Recv header") || line.hasPrefix("< HTTP/") || line.contains("curl: (")
        || line.contains("\"time_total\"") || line.hasPrefix("time_total")
      {
        curl += 2
      } else if let r = CurlExchangeBuilder.requestLine(String(line.dropFirst(2))), line.hasPrefix("> "), !r.0.isEmpty {
        curl += 2
      }
    }
    return (pytest, curl)
  }
}
