import Foundation

/// Reads curl output (`-v`, `--trace-ascii`, `--trace`, `-w`), several requests per file and
/// interleaved with other CI log lines, into HTTP exchanges.
struct CurlTraceParser: ArtifactParser {
  static let format = InputFormat.curl

  /// Counts the lines only curl writes: `*   Trying`, trace headers, status lines, `curl: (N)`,
  /// `-w` timings, and `> METHOD /path` request lines. A line pytest claims is never curl's, nor
  /// is a CTRF report (its messages may quote `curl: (7)`).
  static func sniff(_ head: SniffedHead) -> Int {
    guard head.firstSignificantByte != UInt8(ascii: "<"), !CTRFParser.claims(head) else { return 0 }
    var score = 0
    let pytest = head.pytestScores
    for (k, line) in head.lines.enumerated() {
      if pytest[k] != nil { continue }
      // (Foundation's search matches only where the phrase's bytes are: they are looked for first.)
      let has = { (phrase: StaticString) in line.utf8Contains(phrase) && line.contains(phrase.description) }
      if line.hasPrefix("* Trying") || line.hasPrefix("*   Trying") || line.hasPrefix("== Info:") || line.hasPrefix("=> Send header")
        || line.hasPrefix("<= Recv header") || line.hasPrefix("< HTTP/") || has("curl: (") || has("\"time_total\"")
        || line.hasPrefix("time_total")
      {
        score += 2
      } else if line.hasPrefix("> "), let r = CurlExchangeBuilder.requestLine(String(line.dropFirst(2))), !r.0.isEmpty {
        score += 2
      }
    }
    return score
  }

  let path: String
  let displayPath: String
  /// Files from this size on are read by two threads, split at a `+ curl ` line.
  var splitThreshold = 32 << 20

  init(path: String, displayPath: String) {
    self.path = path
    self.displayPath = displayPath
  }

  func parse() -> ParsedArtifact { parseNotingSplit().artifact }

  /// The artifact, and whether it was read by two threads (for tests).
  func parseNotingSplit() -> (artifact: ParsedArtifact, split: Bool) {
    var artifact = ParsedArtifact(path: displayPath, format: .curl)
    let exchanges: [HTTPExchange]
    var split = false
    if let (at, size) = CurlSplit.point(path: path, threshold: splitThreshold), let two = readSplit(at: at, size: size) {
      exchanges = two
      split = true
    } else {
      guard let one = read(range: nil) else { return (.unreadable(displayPath, format: .curl), false) }
      exchanges = one.exchanges
    }
    artifact.requests = exchanges
    return (artifact, split)
  }

  /// The exchanges of `range` (nil: the whole file), the lines read, and whether the last line
  /// left a trace or PEM block open; nil when the file cannot be opened.
  private func read(range: Range<Int>?) -> (exchanges: [HTTPExchange], lines: Int, midBlock: Bool)? {
    var reader = CurlLineReader(path: displayPath)
    // Evidence names the file as it is made (not set on 100k exchanges after the read).
    var builder = CurlExchangeBuilder(evidencePath: displayPath)
    var lines = 0
    let opened = LineReader(path: path, range: range).forEachLine { number, bytes in
      lines = number
      return reader.skips(bytes, line: number) { builder.feed($0) }
    } _: { number, raw, _ in
      lines = number
      reader.read(raw, line: number) { builder.feed($0) }
      return true
    }
    guard opened else { return nil }
    let midBlock = reader.isMidBlock
    reader.finish { builder.feed($0) }
    builder.finish()
    return (builder.exchanges, lines, midBlock)
  }

  /// The head `0..<at` on this thread, the tail from the `+ curl` line at `at` on another. A
  /// command line starts a new exchange whatever came before, so the two halves give what one
  /// pass gives, unless the head ends inside a trace or PEM block: then nil (read in one pass).
  private func readSplit(at: Int, size: Int) -> [HTTPExchange]? {
    let me = self
    let second = Background { me.read(range: at..<size) }
    guard case let (first, lines, midBlock)? = read(range: 0..<at), !midBlock, var tail = second.take() else {
      second.join()
      return nil
    }
    // The tail's exchanges are swapped into place behind empty ones, not copied: each holds
    // nine references, retained and released per copy (a copy of 50k exchanges, then the
    // release of the tail's array, took ~60 ms on this thread while the other one waited).
    var exchanges = consume first
    let head = exchanges.count
    exchanges.append(contentsOf: repeatElement(HTTPExchange(), count: tail.exchanges.count))
    exchanges.withUnsafeMutableBufferPointer { all in
      tail.exchanges.withUnsafeMutableBufferPointer { moved in
        for k in moved.indices {
          for e in moved[k].evidence.indices { moved[k].evidence[e].line += lines }
          swap(&all[head + k], &moved[k])
        }
      }
    }
    return exchanges
  }
}
