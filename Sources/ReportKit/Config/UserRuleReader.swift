import Yams

/// Reads one user rule of report.yml into a `Rule`, and runs its examples before accepting it.
struct UserRuleReader {
  let loader: ConfigLoader

  func rule(_ node: Node) throws(ConfigError) -> Rule {
    var id: String?
    var category: Category?
    var confidence = Confidence.high
    var rationale = "Defined in report.yml."
    var matcher: Matcher?
    var examples: [Rule.Example] = []
    for (k, v) in try loader.mapping(node, "rules") {
      let key = try loader.string(k, "rules")
      let here = "rules.\(id ?? "?").\(key)"
      switch key {
      case "id":
        let value = try loader.string(v, here)
        guard value.range(of: #"^[a-z][a-z0-9]*(_[a-z0-9]+)*$"#, options: .regularExpression) != nil else {
          throw loader.fail(v, "rules.id", "`\(value)` is not snake_case")
        }
        id = value
      case "category":
        let value = try loader.string(v, here)
        guard let c = Category(rawValue: value) else { throw loader.fail(v, here, "must be infrastructure, auth, routing or logic") }
        category = c
      case "confidence":
        let value = try loader.string(v, here)
        guard let c = Confidence(rawValue: value) else { throw loader.fail(v, here, "must be high, medium or low") }
        confidence = c
      case "rationale": rationale = try loader.string(v, here)
      case "match": matcher = try self.matcher(v, "rules.\(id ?? "?").match")
      case "examples": examples = try self.examples(v, "rules.\(id ?? "?").examples")
      default: throw loader.fail(k, here, "unknown key (known: id, category, confidence, rationale, match, examples)")
      }
    }
    guard let id else { throw loader.fail(node, "rules.id", "is required") }
    guard let category else { throw loader.fail(node, "rules.\(id).category", "is required") }
    guard let matcher else { throw loader.fail(node, "rules.\(id).match", "is required") }
    var rule = Rule(id, category, .status, confidence, rationale, matcher, examples: examples)
    rule.isUser = true
    if let wrong = rule.exampleFailures().first { throw loader.fail(node, "rules.\(id).examples", "example fails: \(wrong)") }
    return rule
  }

  private func matcher(_ node: Node, _ here: String) throws(ConfigError) -> Matcher {
    var m = Matcher()
    var any = false
    for (k, v) in try loader.mapping(node, here) {
      let key = try loader.string(k, here)
      let at = "\(here).\(key)"
      any = true
      switch key {
      case "text": m.text = try loader.pattern(v, at)
      case "contains": m.anyText = try loader.strings(v, at).map { $0.lowercased() }
      case "not_contains": m.noneText = try loader.strings(v, at).map { $0.lowercased() }
      case "exception": m.exception = try loader.pattern(v, at)
      case "http_status": m.httpStatus = try statusRange(v, at)
      case "curl_exit": m.curlExit = Set(try ints(v, at))
      case "ws_close": m.wsClose = Set(try ints(v, at))
      case "grpc":
        let names = try loader.strings(v, at).map { Signals.normalizedGRPC($0) }
        if let bad = names.first(where: { !Signals.grpcNames.contains($0) }) { throw loader.fail(v, at, "`\(bad)` is not a gRPC status") }
        m.grpc = Set(names)
      case "phase":
        var phases = Set<Phase>()
        for p in try loader.strings(v, at) {
          guard let phase = Phase(rawValue: p) else { throw loader.fail(v, at, "`\(p)` is not collection, setup, call or teardown") }
          phases.insert(phase)
        }
        m.phase = phases
      case "skip_reason": m.skipReason = try loader.pattern(v, at)
      default:
        throw loader.fail(
          k, at,
          "unknown matcher (known: text, contains, not_contains, exception, http_status, curl_exit, ws_close, grpc, phase, skip_reason)")
      }
    }
    guard any else { throw loader.fail(node, here, "needs at least one condition") }
    return m
  }

  /// `503`, `"500-599"` or `5xx`.
  private func statusRange(_ node: Node, _ at: String) throws(ConfigError) -> ClosedRange<Int> {
    let s = try loader.string(node, at).lowercased()
    if s.count == 3, s.hasSuffix("xx"), let d = Int(s.prefix(1)), (1...5).contains(d) { return (d * 100)...(d * 100 + 99) }
    let parts = s.split(separator: "-").map { Int($0.trimmingCharacters(in: .whitespaces)) }
    if parts.count == 1, let v = parts[0], (100...599).contains(v) { return v...v }
    if parts.count == 2, let a = parts[0], let b = parts[1], a <= b, (100...599).contains(a), (100...599).contains(b) { return a...b }
    throw loader.fail(node, at, "must be a status (503), a range (\"500-599\") or a class (5xx)")
  }

  private func ints(_ node: Node, _ at: String) throws(ConfigError) -> [Int] {
    var out: [Int] = []
    for s in try loader.strings(node, at) {
      guard let v = Int(s) else { throw loader.fail(node, at, "`\(s)` is not a number") }
      out.append(v)
    }
    return out
  }

  private func examples(_ node: Node, _ here: String) throws(ConfigError) -> [Rule.Example] {
    var out: [Rule.Example] = []
    for (k, v) in try loader.mapping(node, here) {
      let key = try loader.string(k, here)
      switch key {
      case "match": out += try loader.strings(v, "\(here).match").map { .yes($0) }
      case "no_match": out += try loader.strings(v, "\(here).no_match").map { .no($0) }
      default: throw loader.fail(k, "\(here).\(key)", "unknown key (known: match, no_match)")
      }
    }
    return out
  }
}
