import Foundation

/// What a team sets in `report.yml`: its own rules, owners, known issues and severities.
public struct ReportConfig: Sendable {
  /// The file it was read from (nil: built-in defaults only).
  public var path: String?
  /// Checked before every built-in rule, in file order.
  public var rules: [Rule] = []
  public var owners: [Category: String] = [:]
  /// Owners by test path glob (`tests/payments/**`), first match wins; checked before `owners`.
  public var pathOwners: [(glob: String, owner: String)] = []
  public var knownIssues: [KnownIssueRule] = []
  /// Severity by rule id, category name or cluster id (most specific first).
  public var severity: [String: Severity] = [:]
  /// Goals the report marks as met or missed.
  public var targets = Targets()
  /// Business impact by test path glob, endpoint glob or category; the first that matches applies.
  public var impacts: [ImpactRule] = []

  public init() {}

  /// Who owns a failure: the first path glob matching the test's file, else the category's owner.
  public func owner(file: String, category: Category) -> String? {
    for (glob, owner) in pathOwners where Glob.matches(glob, file) { return owner }
    return owners[category]
  }
}

/// An `impact:` entry of report.yml: which failures it speaks for, and what it says.
public struct ImpactRule: Sendable {
  /// A test path glob (`tests/checkout/**`).
  public var paths: String?
  /// An endpoint path glob (`/api/orders*`).
  public var endpoint: String?
  public var category: Category?
  public var impact: Impact

  func matches(files: [String], endpoint path: String?, category c: Category) -> Bool {
    if let category, category != c { return false }
    if let paths, !files.contains(where: { Glob.matches(paths, $0) }) { return false }
    if let endpoint {
      guard let path, Glob.matches(endpoint, path) else { return false }
    }
    return true
  }
}

extension ReportConfig {
  /// The impact of a cluster whose tests live in `files`, calling `endpoint`, of `category`.
  public func impact(files: [String], endpoint: String?, category: Category) -> Impact? {
    impacts.first { $0.matches(files: files, endpoint: endpoint, category: category) }?.impact
  }
}

/// A known issue of report.yml: which clusters it matches (by rule, cluster id or signature).
public struct KnownIssueRule: Sendable {
  /// Matches clusters decided by this rule id.
  public var rule: String?
  /// Matches a cluster id exactly.
  public var cluster: String?
  /// Matches the cluster signature (a regular expression).
  var signature: Pattern?
  public var issue: KnownIssue

  func matches(clusterID: String, rule ruleID: String, signature sig: String) -> Bool {
    if let cluster, cluster != clusterID { return false }
    if let rule, rule != ruleID { return false }
    if let signature, !signature.matches(sig) { return false }
    return true
  }
}

/// Shell-style globs for test paths: `*` within a segment, `**` across segments, `?` one character.
enum Glob {
  static func matches(_ pattern: String, _ path: String) -> Bool {
    match(Array(pattern.utf8)[...], Array(path.utf8)[...])
  }

  private static func match(_ p: ArraySlice<UInt8>, _ s: ArraySlice<UInt8>) -> Bool {
    guard let c = p.first else { return s.isEmpty }
    if c == UInt8(ascii: "*") {
      let double = p.dropFirst().first == UInt8(ascii: "*")
      var rest = p.dropFirst(double ? 2 : 1)
      if double && rest.first == UInt8(ascii: "/") { rest = rest.dropFirst() }
      var i = s.startIndex
      while true {
        if match(rest, s[i...]) { return true }
        guard i < s.endIndex, double || s[i] != UInt8(ascii: "/") else { return false }
        i += 1
      }
    }
    guard let h = s.first, c == UInt8(ascii: "?") ? h != UInt8(ascii: "/") : c == h else { return false }
    return match(p.dropFirst(), s.dropFirst())
  }
}

extension ReportConfig {
  /// Reads `path`, or `report.yml` in the current folder when no path is given and it exists.
  public static func load(_ path: String?) throws(ConfigError) -> ReportConfig {
    if let path { return try ConfigLoader(path: path).load() }
    let local = "report.yml"
    guard FileManager.default.fileExists(atPath: local) else { return ReportConfig() }
    return try ConfigLoader(path: local).load()
  }
}
