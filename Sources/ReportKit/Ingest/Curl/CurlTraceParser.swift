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
    if let (cuts, size) = CurlSplit.cuts(path: path, threshold: splitThreshold), let parts = readSplit(cuts: cuts, size: size) {
      exchanges = parts
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

  /// The parts between `cuts` (see `CurlSplit`) read by two threads: this one reads the first,
  /// the other the second, then each takes the next small part left. A command line starts a
  /// new exchange whatever came before, so the parts give what one pass gives, unless a part
  /// but the last ends inside a trace or PEM block: then nil (read in one pass).
  private func readSplit(cuts: [Int], size: Int) -> [HTTPExchange]? {
    let bounds = [0] + cuts + [size]
    let ranges = (0..<(bounds.count - 1)).map { bounds[$0]..<bounds[$0 + 1] }
    typealias Part = (exchanges: [HTTPExchange], lines: Int, midBlock: Bool)
    let me = self
    // Parts are taken in order by whichever thread is free (as the reader's pool hands out
    // files): the two large ones first, then the small ones.
    var parts: [Part?] = Concurrently.results(ranges.count) { me.read(range: ranges[$0]) }
    guard parts.allSatisfy({ $0 != nil }), parts.dropLast().allSatisfy({ $0?.midBlock == false }) else { return nil }
    // Where each part's exchanges and lines go in the whole: after those of the parts before
    // (one entry more than there are parts: the last is the whole's count).
    let firstExchange = parts.reduce(into: [0]) { $0.append(($0.last ?? 0) + ($1?.exchanges.count ?? 0)) }
    let firstLine = parts.reduce(into: [0]) { $0.append(($0.last ?? 0) + ($1?.lines ?? 0)) }
    let total = firstExchange.last ?? 0
    // Each part's exchanges are moved into place (an empty one left behind, not a copy: each
    // holds nine references, retained and released per copy) and their evidence lines counted
    // on from the lines of the parts before, by both threads, a part each: on one thread this
    // took ~30 ms while the other core waited.
    return [HTTPExchange](unsafeUninitializedCapacity: total) { buffer, initialized in
      let out = UncheckedBuffer(buffer)
      parts.withUnsafeMutableBufferPointer { all in
        let all = UncheckedBuffer(all)
        DispatchQueue.concurrentPerform(iterations: all.base.count) { k in
          let (at, lines) = (firstExchange[k], firstLine[k])
          all.base[k]?.exchanges.withUnsafeMutableBufferPointer { moved in
            guard let from = moved.baseAddress, let to = out.base.baseAddress else { return }
            if lines > 0 {
              for m in moved.indices { for e in moved[m].evidence.indices { moved[m].evidence[e].line += lines } }
            }
            (to + at).moveInitialize(from: from, count: moved.count)
            from.initialize(repeating: HTTPExchange(), count: moved.count)
          }
          all.base[k] = nil  // the empty ones released here, on this thread
        }
      }
      initialized = total  // every slot, by the thread of its part
    }
  }
}
