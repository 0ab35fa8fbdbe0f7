/// Groups failed requests by the narrowest scope they share: one route, one host, or one answer.
///
/// A request is first keyed by category, method, host, route and answer. When one host gave the
/// same answer on `spread` or more routes, the host is the shared part (an expired token, a
/// service down), so its requests become one group; when `spread` or more hosts did so for the
/// same answer, the answer is the shared part and every request with it is one group. A trace of
/// 100,000 requests over 230 hosts makes 14 groups instead of 26,221; a smoke script's three
/// distinct failures stay three.
struct RequestGrouping {
  /// What one failed request is keyed by.
  struct Item {
    var index: Int
    var category: Category
    var method: String
    var host: String
    var route: String
    var answer: String
  }

  /// How wide a group is: one route, one host (several routes), or one answer (several hosts).
  enum Scope {
    case route, host, answer
  }

  /// A group: its signature (without the version), scope and members, in request order, and
  /// for a host or answer scope the hosts and routes its members span.
  struct Group {
    var signature: String
    var scope: Scope
    var members: [Int]
    var spread: RequestSpread?
  }

  /// Routes of one host, or hosts of one answer, from which the wider scope is taken.
  static let spread = 3

  private struct HostKey: Hashable {
    let category: Category
    let host: String
    let answer: String
  }

  private struct AnswerKey: Hashable {
    let category: Category
    let answer: String
  }

  /// The groups of `items`, in the order their first member appears.
  static func groups(_ items: [Item]) -> [Group] {
    var routesOf: [HostKey: Set<String>] = [:]
    for x in items {
      routesOf[HostKey(category: x.category, host: x.host, answer: x.answer), default: []].insert(x.method + " " + x.route)
    }
    var wideHosts: [AnswerKey: Int] = [:]
    for (k, routes) in routesOf where routes.count >= spread {
      wideHosts[AnswerKey(category: k.category, answer: k.answer), default: 0] += 1
    }
    var groupOf: [String: Int] = [:]
    var out: [Group] = []
    var seen: [(hosts: Set<String>, routes: Set<String>)] = []  // per group: its members' hosts and routes
    for x in items {
      let answerKey = AnswerKey(category: x.category, answer: x.answer)
      let hostKey = HostKey(category: x.category, host: x.host, answer: x.answer)
      let scope: Scope =
        wideHosts[answerKey, default: 0] >= spread ? .answer : routesOf[hostKey, default: []].count >= spread ? .host : .route
      let place =
        switch scope {
        case .answer: "* * *"
        case .host: "* \(x.host) *"
        case .route: "\(x.method) \(x.host) \(x.route)"
        }
      let sig = "\(x.category.rawValue)|request|\(place)|\(x.answer)"
      let g: Int
      if let found = groupOf[sig] {
        g = found
        out[g].members.append(x.index)
      } else {
        g = out.count
        groupOf[sig] = g
        out.append(
          Group(signature: sig, scope: scope, members: [x.index], spread: scope == .route ? nil : RequestSpread(hosts: [], routes: 0)))
        seen.append(([], []))
      }
      guard scope != .route else { continue }
      if seen[g].hosts.insert(x.host).inserted { out[g].spread?.hosts.append(x.host) }
      seen[g].routes.insert(x.method + " " + x.route)
      out[g].spread?.routes = seen[g].routes.count
    }
    return out
  }
}
