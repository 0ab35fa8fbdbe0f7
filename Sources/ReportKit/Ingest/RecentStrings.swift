/// The classname of the previous testcase, kept with its raw bytes: consecutive testcases almost
/// always share it, so its String (and its redaction) is made once per class, not once per test.
struct RecentStrings {
  private var bytes: [UInt8]?
  private var value = ""

  mutating func classname(_ raw: UnsafeBufferPointer<UInt8>?, make: () -> String) -> String {
    let raw = raw ?? UnsafeBufferPointer(start: nil, count: 0)
    if let bytes, bytes.withUnsafeBufferPointer({ raw.equals($0) }) { return value }
    bytes = Array(raw)
    value = make()
    return value
  }
}
