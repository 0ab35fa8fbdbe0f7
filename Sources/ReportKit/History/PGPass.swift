/// The password file of libpq (`~/.pgpass`, or `PGPASSFILE`): lines of
/// `hostname:port:database:username:password`, `*` matching anything, `\:` and `\\` escaped,
/// `#` starting a comment. The first line that matches wins.
enum PGPass {
  static func lookup(_ text: String, host: String, port: Int, database: String, user: String) -> String? {
    for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
      let fields = split(line)
      guard fields.count == 5 else { continue }
      let wanted = [host, String(port), database, user]
      if zip(fields.prefix(4), wanted).allSatisfy({ $0.0 == "*" || $0.0 == $0.1 }) { return fields[4] }
    }
    return nil
  }

  /// The fields of one line, with `\:` and `\\` unescaped.
  static func split(_ line: Substring) -> [String] {
    var fields: [String] = []
    var current = ""
    var escaped = false
    for c in line {
      if escaped {
        current.append(c)
        escaped = false
      } else if c == "\\" {
        escaped = true
      } else if c == ":" && fields.count < 4 {
        fields.append(current)
        current = ""
      } else {
        current.append(c)
      }
    }
    fields.append(current)
    return fields
  }
}
