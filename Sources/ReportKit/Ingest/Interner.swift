/// Shares one copy of strings that repeat (suite names, id prefixes) across many tests.
struct Interner {
  private var table: [String: String] = [:]
  private var last: (in: String, out: String)?

  mutating func callAsFunction(_ s: String) -> String {
    // Consecutive tests hand in the same string (same storage: `==` answers without hashing).
    if let last, last.in == s { return last.out }
    let out = lookUp(s)
    last = (s, out)
    return out
  }

  /// The shared copy of `s`, made into a String only when it is not the last one handed in.
  mutating func callAsFunction(_ s: Substring) -> String {
    if let last, last.in.utf8Equals(s) { return last.out }
    return self(String(s))
  }

  private mutating func lookUp(_ s: String) -> String {
    if let existing = table[s] { return existing }
    if table.count > 200_000 { table.removeAll(keepingCapacity: true) }  // bound the table itself
    table[s] = s
    return s
  }
}
