import Foundation

/// One titled block of pytest's ERRORS, FAILURES or PASSES section: a test's traceback, its
/// `E` lines, location and captured output.
struct PytestBlock {
  enum Kind { case failure, error(Phase), passed }

  let kind: Kind
  /// The test as the title names it (`TestX.test_y[p]`), or the module for collection errors.
  let title: String
  private(set) var headerLine: Int
  /// Groups of consecutive `E` lines; with chained exceptions the last group is the one raised.
  private(set) var eGroups: [[(line: Int, text: String)]] = []
  private var lastWasE = false
  /// Where the block is in a `--tb=native` traceback (Python's own format, no `E` lines).
  private var native = NativeTrace.outside
  /// Whether the last group came from a native traceback (its lines are quoted as they are).
  private var lastGroupIsNative = false
  private(set) var locations: [(file: String, line: Int, type: String?, at: Int)] = []
  private var head: [String] = []
  private var tail: [String] = []
  private var dropped = 0
  private var output = ""
  private var capturing = false
  /// The log line of the first `Captured ...` separator: `capturedOutput`'s lines follow it.
  private(set) var outputLine: Int?

  /// Parses a block title: `ERROR at setup of T.t` / `ERROR collecting a.py` / `T.t`.
  init(title: String, line: Int, section: PytestSection) {
    headerLine = line
    switch section {
    case .errors:
      if let r = title.range(of: "ERROR at setup of ") {
        kind = .error(.setup); self.title = String(title[r.upperBound...])
      } else if let r = title.range(of: "ERROR at teardown of ") {
        kind = .error(.teardown); self.title = String(title[r.upperBound...])
      } else if let r = title.range(of: "ERROR collecting ") {
        kind = .error(.collection); self.title = String(title[r.upperBound...])
      } else {
        kind = .error(.call); self.title = title
      }
    case .passes: kind = .passed; self.title = title
    default: kind = .failure; self.title = title
    }
  }

  mutating func add(_ text: String, line: Int) {
    let s = text[...]
    if let sep = PytestLines.separator(s), sep.char == "-" {
      capturing = sep.title.hasPrefix("Captured")
      if capturing {
        if outputLine == nil { outputLine = line }
        output += (output.isEmpty ? "" : "\n") + "--- \(sep.title) ---"
      }
      return
    }
    if capturing {
      if output.utf8.count < 8192 { output += "\n" + text }
      return
    }
    let isE = s.hasPrefix("E ") || s == "E"
    if isE {
      if !lastWasE { eGroups.append([]); lastGroupIsNative = false }
      if eGroups[eGroups.count - 1].count < 40 { eGroups[eGroups.count - 1].append((line, String(s.dropFirst().drop { $0 == " " }))) }
    } else if readNative(s, line: line) {
      // A line of a native traceback: frame, source or the exception raised.
    } else if let loc = PytestLines.location(s) {
      // A Windows traceback says `tests\test_x.py:12`: the same file as `tests/test_x.py`.
      let file = loc.file.containsCharacters("\\") ? loc.file.replacingOccurrences(of: "\\", with: "/") : loc.file
      locations.append((file, loc.line, loc.type, line))
    }
    lastWasE = isE
    if head.count < 20 {
      head.append(text)
    } else {
      tail.append(text)
      if tail.count > 60 { tail.removeFirst(); dropped += 1 }
    }
  }

  private enum NativeTrace { case outside, frames, raised }

  /// Follows `Traceback (most recent call last):`, its `  File "x.py", line 3, in f` frames and
  /// the unindented exception line (with the lines that continue it) that `--tb=native` prints.
  /// Returns whether the line belonged to such a traceback.
  private mutating func readNative(_ s: Substring, line: Int) -> Bool {
    if s == "Traceback (most recent call last):" {
      native = .frames
      return true
    }
    switch native {
    case .outside:
      return false
    case .frames:
      if s.hasPrefix("  File \"") {
        if let loc = PytestLines.nativeFrame(s) { locations.append((loc.file, loc.line, nil, line)) }
        return true
      }
      if s.isEmpty || s.first == " " { return true }
      guard PytestLines.exceptionLine(s) else {
        native = .outside
        return false
      }
      eGroups.append([(line, String(s))])
      lastGroupIsNative = true
      native = .raised
      return true
    case .raised:
      if s.isEmpty || s.hasPrefix("During handling of the above exception") || s.hasPrefix("The above exception was the direct cause") {
        native = .outside
        return s.isEmpty
      }
      if eGroups[eGroups.count - 1].count < 40 { eGroups[eGroups.count - 1].append((line, String(s))) }
      return true
    }
  }

  /// The outcome the block implies for a test the log did not name elsewhere.
  var status: TestStatus {
    switch kind {
    case .error: .error
    case .failure: .failed
    case .passed: .passed
    }
  }

  /// Whether a test the log already gave `status` could be the one this block is about.
  func fits(_ status: TestStatus) -> Bool {
    switch kind {
    case .failure: status == .failed || status == .xpassed
    case .error: status == .error || status == .passed || status == .failed
    case .passed: status == .passed
    }
  }

  /// Which section the block came from, for matching blocks to tests in turn.
  var sectionKey: Int {
    switch kind {
    case .error: 0
    case .failure: 1
    case .passed: 2
    }
  }

  var message: String? {
    guard let last = eGroups.last else { return locations.last?.type }
    return last.prefix(20).map(\.text).joined(separator: "\n")
  }

  /// The message as the test keeps it.
  var keptMessage: String? { message.map { Excerpt.keep($0, head: 2048, tail: 0) } }

  /// The block's failure judged by `judge` from what `apply` gives its test (message, type,
  /// detail, and the phase of a test that had none); nil for a passing block or one without a
  /// message (its test keeps the message it had).
  func prejudged(by judge: any FailureJudge) -> PrejudgedFailure? {
    let phase: Phase
    switch kind {
    case .passed: return nil
    case .failure: phase = .call
    case .error(let p): phase = p
    }
    guard let message = keptMessage else { return nil }
    return judge.prejudge(message: message, exceptionType: exceptionType, detail: detail, phase: phase)
  }

  /// Where the test failed: the last frame in the test's own file, else the last frame in the
  /// project (a relative path, such as a conftest.py fixture), else the last frame.
  func failingLocation(testFile: String) -> (file: String, line: Int)? {
    if !testFile.isEmpty, let own = locations.last(where: { $0.file == testFile || $0.file.hasSuffix("/" + testFile) }) {
      return (own.file, own.line)
    }
    if let project = locations.last(where: { !$0.file.hasPrefix("/") && !$0.file.contains("site-packages") }) {
      return (project.file, project.line)
    }
    return locations.last.map { ($0.file, $0.line) }
  }

  /// The exception type: from the last location line, or the `Type:` that opens the message.
  var exceptionType: String? {
    let fromMessage = messageType
    if let t = locations.last?.type { return fromMessage.map { $0.hasSuffix(t) } == true ? fromMessage : t }
    return fromMessage
  }

  /// `requests.exceptions.HTTPError` from `E   requests.exceptions.HTTPError: 404 ...`.
  private var messageType: String? {
    guard let first = eGroups.last?.first?.text else { return nil }
    return Self.messageTypeASCII(first) ?? Self.messageTypeByCharacters(first)
  }

  /// `messageType` by bytes when the text up to its first `:` (and the byte after it) is ASCII,
  /// where a Character is a byte; nil: left to the Character path.
  static func messageTypeASCII(_ text: String) -> String?? {
    var text = text
    return text.withUTF8 { p -> String?? in
      var i = 0
      while i < p.count && p[i] != UInt8(ascii: ":") {
        if p[i] >= 0x80 { return nil }
        i += 1
      }
      guard i < p.count else { return .some(nil) }
      if i + 1 < p.count && p[i + 1] >= 0x80 { return nil }  // a combining mark would join the colon
      let t = UnsafeBufferPointer(rebasing: p[0..<i])
      let word = { (c: UInt8) in
        (c | 0x20 >= UInt8(ascii: "a") && c | 0x20 <= UInt8(ascii: "z")) || (c >= 0x30 && c <= 0x39) || c == UInt8(ascii: ".")
          || c == UInt8(ascii: "_")
      }
      guard !t.isEmpty, t.allSatisfy(word) else { return .some(nil) }
      return .some(String(decoding: t, as: UTF8.self))
    }
  }

  /// `messageType` by Characters (the reference of `messageTypeASCII`).
  static func messageTypeByCharacters(_ first: String) -> String? {
    guard let colon = first.firstIndex(of: ":") else { return nil }
    let t = first[..<colon]
    return t.allSatisfy { $0.isLetter || $0.isNumber || $0 == "." || $0 == "_" } && !t.isEmpty ? String(t) : nil
  }

  /// Moves every line number by `offset`: a block read by the second thread numbered its lines
  /// from its section's header (see `PytestSplitReader`).
  /// The header and output lines move now; the lines of `E` groups and locations are moved
  /// where evidence is made (`shift`): no copy of every block's lines is made on adoption.
  mutating func shiftLines(by offset: Int) {
    headerLine += offset
    outputLine = outputLine.map { $0 + offset }
    shift += offset
  }

  /// What `shiftLines` added to the lines of `eGroups` and `locations` (`at`).
  private var shift = 0

  /// Lets go of what only reading and matching the block needed, once it has been applied to
  /// its test (the test keeps its own copies): the lines, locations and output.
  mutating func release() {
    eGroups = []
    locations = []
    head = []
    tail = []
    output = ""
    sealed = nil
  }

  /// Freezes a finished block: its lines become one detail string and only the last `E` group
  /// is kept, so a log with many failures does not hold every traceback line as its own String.
  /// Its locations' files and exception types are taken from `shared` (a few files repeat in
  /// thousands of tracebacks).
  mutating func seal(sharing shared: inout Interner) {
    sealed = Excerpt.cap(detail, head: 1024, tail: 3072)  // built at its size: kept as it is when short
    head = []
    tail = []
    output = output.exactSized  // appended line by line: held until the block is applied
    if eGroups.count > 1 { eGroups = [eGroups[eGroups.count - 1]] }
    for k in locations.indices {
      locations[k].file = shared(locations[k].file)
      locations[k].type = locations[k].type.map { shared($0) }
    }
  }

  private var sealed: String?

  var detail: String {
    if let sealed { return sealed }
    var lines = head
    if dropped > 0 { lines.append("… [\(dropped) lines cut] …") }
    lines += tail
    return lines.joinedLines()
  }

  var capturedOutput: String? { output.isEmpty ? nil : output }

  /// Evidence: the first `E` line and the final location line.
  func evidence(path: String) -> [Evidence] {
    var items: [Evidence] = []
    items.reserveCapacity(2)  // kept with the test: no room to spare
    // The texts are kept with the test too: in storage of their size (a text made by `+` or an
    // interpolation keeps the room it grew into).
    if let e = eGroups.last?.first {
      items.append(
        Evidence(path: path, line: e.line + shift, text: Excerpt.line(lastGroupIsNative ? e.text : "E   " + e.text).exactSized))
    }
    if let loc = locations.last {
      items.append(
        Evidence(path: path, line: loc.at + shift, text: ("\(loc.file):\(loc.line)" + (loc.type.map { ": \($0)" } ?? "")).exactSized))
    }
    if items.isEmpty { items.append(Evidence(path: path, line: headerLine, text: Excerpt.line(title))) }
    return items
  }
}

/// The section of a pytest log a line belongs to.
enum PytestSection { case none, header, errors, failures, passes, summary, other }
