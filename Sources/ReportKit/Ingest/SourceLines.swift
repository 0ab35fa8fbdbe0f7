/// Finds where tests are named in the input files, for evidence about tests the readers kept no
/// line for (passing tests carry none, to stay small). Reads only when asked, stops as soon as
/// every name is found.
enum SourceLines {
  /// The first line of `paths` that names each of `names` (as a JUnit `name="..."` attribute or
  /// as written); names not found are absent.
  static func find(names: [String], in paths: [String]) -> [String: (path: String, line: Int)] {
    var wanted: [String: [String]] = [:]
    for n in Set(names) where !n.isEmpty { wanted[n] = ["name=\"" + xmlEscaped(n) + "\"", n] }
    var found: [String: (path: String, line: Int)] = [:]
    for path in paths where found.count < wanted.count {
      LineReader(path: path).forEach { number, text in
        for (name, needles) in wanted where found[name] == nil && needles.contains(where: { text.utf8Contains($0) }) {
          found[name] = (path, number)
        }
        return found.count < wanted.count
      }
    }
    return found
  }

  private static func xmlEscaped(_ s: String) -> String {
    var out = ""
    for c in s {
      switch c {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      default: out.append(c)
      }
    }
    return out
  }
}
