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
    /// A line read by its bytes, which redaction leaves whole, whose text the exchange needs
    /// only while it lacks what the line could give: the trimmed text of a `Trying` or
    /// `Connected to` note, the text of a `Host:` request header after its `> `. The bytes are
    /// valid only while the event is fed (`text` is empty).
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
  enum ByteLine { case trying, connected, host }

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
