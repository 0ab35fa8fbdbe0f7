import Foundation
import Yams

/// Reads report.yml strictly: an unknown key, a wrong type, a bad pattern or a rule whose own
/// examples fail is an error naming the file, line and key, before any input is read.
struct ConfigLoader {
  let path: String

  func load() throws(ConfigError) -> ReportConfig {
    guard let data = FileManager.default.contents(atPath: path) else { throw fail(line: nil, "", "cannot read the file") }
    guard let text = String(data: data, encoding: .utf8) else { throw fail(line: nil, "", "is not UTF-8 text") }
    let root: Node?
    do { root = try Yams.compose(yaml: text) } catch let e as YamlError {
      throw fail(line: Self.line(of: e), "", "not valid YAML: \(Self.problem(e))")
    } catch { throw fail(line: nil, "", "not valid YAML: \(error)") }
    var config = ReportConfig()
    config.path = path
    guard let root else { return config }
    let top = try mapping(root, "")
    for (k, v) in top {
      let key = try string(k, "")
      switch key {
      case "version":
        guard v.int == 1 else { throw fail(v, key, "only version 1 is known") }
      case "rules":
        var seen = Set(BuiltInRules.all.map(\.id))
        for item in try sequence(v, key) {
          let rule = try UserRuleReader(loader: self).rule(item)
          guard seen.insert(rule.id).inserted else { throw fail(item, "rules.\(rule.id)", "a rule with this id already exists") }
          config.rules.append(rule)
        }
      case "owners":
        for (ck, cv) in try mapping(v, key) {
          let name = try string(ck, key)
          if name == "paths" {
            for (gk, gv) in try mapping(cv, "owners.paths") {
              config.pathOwners.append((try string(gk, "owners.paths"), try string(gv, "owners.paths")))
            }
          } else {
            guard let category = Category(rawValue: name) else {
              throw fail(ck, "owners.\(name)", "not a category (infrastructure, auth, routing, logic) or `paths`")
            }
            config.owners[category] = try string(cv, "owners.\(name)")
          }
        }
      case "known_issues":
        for item in try sequence(v, key) { config.knownIssues.append(try knownIssue(item)) }
      case "severity":
        for (sk, sv) in try mapping(v, key) {
          let name = try string(sk, key)
          let value = try string(sv, "severity.\(name)")
          guard let s = Severity(rawValue: value) else { throw fail(sv, "severity.\(name)", "must be critical, high, medium or low") }
          config.severity[name] = s
        }
      case "targets":
        config.targets = try targets(v)
      case "impact":
        for item in try sequence(v, key) { config.impacts.append(try impact(item)) }
      default:
        throw fail(k, key, "unknown key (known: version, rules, owners, known_issues, severity, targets, impact)")
      }
    }
    return config
  }

  /// `targets: {pass_rate: 0.95, execution_rate: 1, max_failures: 0, p95_ms: 100, endpoints: {/api/x: {p95_ms: 200}}}`.
  private func targets(_ node: Node) throws(ConfigError) -> Targets {
    var t = Targets()
    for (k, v) in try mapping(node, "targets") {
      let key = try string(k, "targets")
      let at = "targets.\(key)"
      switch key {
      case "pass_rate": t.passRate = try fraction(v, at)
      case "execution_rate": t.executionRate = try fraction(v, at)
      case "max_failures":
        guard let n = Int(try string(v, at)), n >= 0 else { throw fail(v, at, "must be a count (0 or more)") }
        t.maxFailures = n
      case "p95_ms": t.p95Ms = try milliseconds(v, at)
      case "endpoints":
        for (pk, pv) in try mapping(v, at) {
          let path = try string(pk, at)
          for (mk, mv) in try mapping(pv, "\(at).\(path)") {
            guard try string(mk, at) == "p95_ms" else { throw fail(mk, "\(at).\(path)", "unknown key (known: p95_ms)") }
            t.endpointP95Ms[path] = try milliseconds(mv, "\(at).\(path).p95_ms")
          }
        }
      default: throw fail(k, at, "unknown key (known: pass_rate, execution_rate, max_failures, p95_ms, endpoints)")
      }
    }
    return t
  }

  /// `- paths: "tests/checkout/**"` (or `endpoint:`, `category:`), `says: "..."`, `severity: critical`.
  private func impact(_ node: Node) throws(ConfigError) -> ImpactRule {
    var rule = ImpactRule(impact: Impact(statement: ""))
    var hasMatch = false
    for (k, v) in try mapping(node, "impact") {
      let key = try string(k, "impact")
      let at = "impact.\(key)"
      switch key {
      case "paths": rule.paths = try string(v, at); hasMatch = true
      case "endpoint": rule.endpoint = try string(v, at); hasMatch = true
      case "category":
        let name = try string(v, at)
        guard let c = Category(rawValue: name) else { throw fail(v, at, "not a category (infrastructure, auth, routing, logic)") }
        rule.category = c
        hasMatch = true
      case "says": rule.impact.statement = try string(v, at)
      case "severity":
        let value = try string(v, at)
        guard let s = Severity(rawValue: value) else { throw fail(v, at, "must be critical, high, medium or low") }
        rule.impact.severity = s
      default: throw fail(k, at, "unknown key (known: paths, endpoint, category, says, severity)")
      }
    }
    guard hasMatch else { throw fail(node, "impact", "needs one of paths, endpoint or category") }
    guard !rule.impact.statement.isEmpty else { throw fail(node, "impact.says", "is required") }
    return rule
  }

  private func fraction(_ node: Node, _ at: String) throws(ConfigError) -> Double {
    guard let v = Double(try string(node, at)), (0...1).contains(v) else { throw fail(node, at, "must be a fraction from 0 to 1 (0.95)") }
    return v
  }

  private func milliseconds(_ node: Node, _ at: String) throws(ConfigError) -> Double {
    guard let v = Double(try string(node, at)), v > 0 else { throw fail(node, at, "must be a positive number of milliseconds") }
    return v
  }

  private func knownIssue(_ node: Node) throws(ConfigError) -> KnownIssueRule {
    var issue = KnownIssueRule(issue: KnownIssue(url: ""))
    var hasMatch = false
    for (k, v) in try mapping(node, "known_issues") {
      let key = try string(k, "known_issues")
      let where_ = "known_issues.\(key)"
      switch key {
      case "rule": issue.rule = try string(v, where_); hasMatch = true
      case "cluster": issue.cluster = try string(v, where_); hasMatch = true
      case "signature": issue.signature = try pattern(v, where_); hasMatch = true
      case "url": issue.issue.url = try string(v, where_)
      case "title": issue.issue.title = try string(v, where_)
      default: throw fail(k, where_, "unknown key (known: rule, cluster, signature, url, title)")
      }
    }
    guard hasMatch else { throw fail(node, "known_issues", "needs one of rule, cluster or signature") }
    guard !issue.issue.url.isEmpty else { throw fail(node, "known_issues.url", "is required") }
    return issue
  }

  // MARK: - Typed access with located errors

  func fail(_ node: Node?, _ key: String, _ message: String) -> ConfigError {
    ConfigError(path: path, line: node?.mark?.line, key: key, message: message)
  }

  private func fail(line: Int?, _ key: String, _ message: String) -> ConfigError {
    ConfigError(path: path, line: line, key: key, message: message)
  }

  func mapping(_ node: Node, _ key: String) throws(ConfigError) -> [(Node, Node)] {
    guard case .mapping(let m) = node else { throw fail(node, key, "must be a mapping (key: value)") }
    return m.map { ($0.key, $0.value) }
  }

  func sequence(_ node: Node, _ key: String) throws(ConfigError) -> [Node] {
    guard case .sequence(let s) = node else { throw fail(node, key, "must be a list") }
    return Array(s)
  }

  func string(_ node: Node, _ key: String) throws(ConfigError) -> String {
    guard case .scalar(let s) = node else { throw fail(node, key, "must be a single value") }
    return s.string
  }

  /// A list of values, or one value standing for a list of one.
  func strings(_ node: Node, _ key: String) throws(ConfigError) -> [String] {
    if case .sequence(let s) = node { return try s.map { n throws(ConfigError) in try string(n, key) } }
    return [try string(node, key)]
  }

  func pattern(_ node: Node, _ key: String) throws(ConfigError) -> Pattern {
    let source = try string(node, key)
    do { return try Pattern(source) } catch { throw fail(node, key, "not a valid regular expression: \(source)") }
  }

  private static func line(of e: YamlError) -> Int? {
    switch e {
    case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): return mark.line
    default: return nil
    }
  }

  private static func problem(_ e: YamlError) -> String {
    switch e {
    case .scanner(_, let p, _, _), .parser(_, let p, _, _), .composer(_, let p, _, _): return p
    default: return "\(e)"
    }
  }
}
