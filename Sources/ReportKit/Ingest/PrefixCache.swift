/// Id prefixes derived per class: a table, and the last one (consecutive tests share a class, and
/// the same classname string, so `==` answers without hashing).
struct PrefixCache {
  var table: [String: String] = [:]
  var last: (owner: String, prefix: String)?
}
