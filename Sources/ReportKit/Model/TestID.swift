import Foundation

/// Test ids: the canonical split into prefix and name, and pytest node ids derived from JUnit.
enum TestID {
  /// Splits an id at its last `::` outside brackets: `a.py::T::t[x::y]` → (`a.py::T::`, `t[x::y]`).
  static func split(_ id: String) -> (prefix: Substring, name: Substring) {
    var bytes = id
    // The id's own bytes, read in place (no copy per id: this runs once per test of a log).
    let found = bytes.withUTF8 { u -> Int? in
      var depth = 0
      var cut: Int? = nil
      var i = 0
      while i < u.count {
        let c = u[i]
        if c == UInt8(ascii: "[") {
          depth += 1
        } else if c == UInt8(ascii: "]") {
          depth = max(0, depth - 1)
        } else if depth == 0 && c == UInt8(ascii: ":") && i + 1 < u.count && u[i + 1] == UInt8(ascii: ":") {
          cut = i + 2; i += 1
        }
        i += 1
      }
      return cut
    }
    guard let cut = found else { return ("", id[...]) }
    let index = id.utf8.index(id.utf8.startIndex, offsetBy: cut)
    return (id[..<index], id[index...])
  }

  /// `id` (a slice of a log line) split at the UTF-8 offset `cut` that `split` would find (0: no
  /// prefix).
  static func split(_ id: Substring, at cut: Int) -> (prefix: Substring, name: Substring) {
    let index = id.utf8.index(id.utf8.startIndex, offsetBy: cut)
    return (id[..<index], id[index...])
  }

  /// The pytest node id for a JUnit testcase written by pytest: `tests.api.test_users.TestX` +
  /// `test_get` → `tests/api/test_users.py::TestX::test_get`.
  static func pytestNodeID(classname: String, name: String, file: String?) -> String {
    guard !classname.isEmpty else {
      // Collection errors: classname "", name "tests.test_mod" (the module that failed to import).
      if name.contains("/") || name.hasSuffix(".py") { return name }
      return name.replacingOccurrences(of: ".", with: "/") + ".py"
    }
    let parts = classname.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    // Module parts are lower-case by convention; classes start upper-case.
    let firstClass = parts.firstIndex { $0.first?.isUppercase == true } ?? parts.count
    var module = parts[..<firstClass].joined(separator: "/")
    if let file, file.hasSuffix(".py") { module = String(file.dropLast(3)) }
    var id = module + ".py"
    for cls in parts[firstClass...] { id += "::" + cls }
    return id + "::" + name
  }

  /// The file part of an id prefix: up to the first `::` (`tests/a.py` of `tests/a.py::T::`).
  static func file(ofPrefix prefix: String) -> String {
    guard let r = prefix.utf8Range(of: "::") else { return prefix }
    return String(prefix[..<r.lowerBound])
  }
}
