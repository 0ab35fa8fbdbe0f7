/// One logical line of a curl trace, whatever the format that wrote it (`-v`, `--trace-ascii`,
/// `--trace`, `-w`), already rejoined and redacted.
struct CurlEvent {
  enum Kind {
    /// A shell echo of the command (`+ curl -sS https://...`).
    case command
    /// curl's own notes (`* Trying ...`, `== Info: ...`).
    case info
    /// A note read by its bytes whose text the exchange does not keep (`text` is empty): one
    /// that says the connection is TLS (`* TLSv1.3 ...`) or closed (`* Connection #0 to host
    /// ... left intact`).
    case note(CurlExchangeBuilder.NoteKind)
    /// A line read by its bytes, not yet redacted, whose text the exchange needs only while it
    /// lacks what the line could give: a `Trying` or `Connected to` note, a `Host:` request
    /// header. `text(of:)` makes the text the general path would give (the line redacted, its
    /// marker dropped, a note trimmed). The bytes are valid only while the event is fed (`text`
    /// is empty).
    case bytes(ByteLine, UnsafeBufferPointer<UInt8>)
    case requestHeader
    case responseHeader
    case body
    /// `curl: (7) Failed to connect ...`, with the exit code.
    case curlError(Int)
    /// A `-w '%{json}'` object.
    case writeOut(CurlWriteOut)
    /// A plain `-w` line such as `time_total: 0.123`.
    case variable(String, String)
  }

  /// The lines a `.bytes` event stands for.
  enum ByteLine {
    case trying, connected, host

    /// The text of `line` (its raw bytes) as the general path gives it to the builder: the line
    /// redacted, its two marker bytes dropped, and a note's spaces and tabs trimmed.
    func text(of line: UnsafeBufferPointer<UInt8>) -> String {
      let clean = Redactor.redact(line).bytes.map { String(decoding: $0, as: UTF8.self) } ?? String(decoding: line, as: UTF8.self)
      let afterMarker = String(decoding: clean.utf8.dropFirst(2), as: UTF8.self)
      return self == .host ? afterMarker : String(afterMarker.utf8Trimmed())
    }
  }

  var kind: Kind
  /// The text without its marker (`> `, `== Info: `, `0000: `), redacted.
  var text: String
  var line: Int
  /// The whole (redacted) log line, when it differs from what evidence shows; nil for trace
  /// dumps, whose evidence is the marker and the rejoined text.
  var wholeLine: String?
  var marker = ""

  /// The line as evidence shows it, cut.
  var evidenceText: String { wholeLine.map { Excerpt.line($0) } ?? marker + text }
}
