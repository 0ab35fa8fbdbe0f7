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
  /// `bytes: false` reads an ASCII classname as any other (the reference the tests compare with).
  static func pytestNodeID(classname: String, name: String, file: String?, bytes: Bool = true) -> String {
    guard !classname.isEmpty else {
      // Collection errors: classname "", name "tests.test_mod" (the module that failed to import).
      if name.contains("/") || name.hasSuffix(".py") { return name }
      return name.replacingOccurrences(of: ".", with: "/") + ".py"
    }
    if bytes, let id = asciiNodeID(classname: classname, name: name, file: file) { return id }
    let parts = classname.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    // Module parts are lower-case by convention; classes start upper-case.
    let firstClass = parts.firstIndex { $0.first?.isUppercase == true } ?? parts.count
    var module = parts[..<firstClass].joined(separator: "/")
    if let file, file.hasSuffix(".py") { module = String(file.dropLast(3)) }
    var id = module + ".py"
    for cls in parts[firstClass...] { id += "::" + cls }
    return id + "::" + name
  }

  /// `pytestNodeID` of an ASCII classname, made over its bytes (nil for any other): the parts
  /// before the first one that begins with an upper-case letter (what `Character.isUppercase`
  /// says of an ASCII one) are the module, their dots made `/`; the dots between the classes
  /// become `::`. A JUnit file of a million tests names ~23k classes: each was split into
  /// Strings and its parts' first Characters asked for their case.
  private static func asciiNodeID(classname: String, name: String, file: String?) -> String? {
    classname.withUTF8Bytes { p -> String? in
      guard p.allSatisfy({ $0 < 0x80 }) else { return nil }
      let dot = UInt8(ascii: ".")
      let firstClass =
        p.indices.first { i in (i == 0 || p[i - 1] == dot) && p[i] >= UInt8(ascii: "A") && p[i] <= UInt8(ascii: "Z") } ?? p.count
      var out: [UInt8] = []
      out.reserveCapacity(p.count + name.utf8.count + 16)
      if let file, file.hasSuffix(".py") {
        out += String(file.dropLast(3)).utf8
      } else {
        for b in p[..<(firstClass == p.count ? p.count : max(firstClass - 1, 0))] { out.append(b == dot ? UInt8(ascii: "/") : b) }
      }
      out += ".py".utf8
      if firstClass < p.count {
        out += "::".utf8
        for b in p[firstClass...] {
          if b == dot { out += "::".utf8 } else { out.append(b) }
        }
      }
      out += "::".utf8
      out += name.utf8
      return String(decoding: out, as: UTF8.self)
    }
  }

  /// The file part of an id prefix: up to the first `::` (`tests/a.py` of `tests/a.py::T::`).
  static func file(ofPrefix prefix: String) -> String {
    guard let r = prefix.utf8Range(of: "::") else { return prefix }
    return String(prefix[..<r.lowerBound])
  }
}
