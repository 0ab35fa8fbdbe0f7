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
    let host: Int
    let answer: Int
  }

  private struct AnswerKey: Hashable {
    let category: Category
    let answer: Int
  }

  /// What makes a signature: its category and scope and the ids of the parts its place names
  /// (-1 for a part it does not name).
  private struct PlaceKey: Hashable {
    let category: Category
    let scope: Scope
    let method: Int
    let host: Int
    let route: Int
    let answer: Int
  }

  /// One item's parts as ids (`StringIDs`).
  private struct Parts {
    let host: Int
    let answer: Int
    let method: Int
    let route: Int
    /// The id of `method + " " + route`, the route as a host's routes are counted.
    let methodRoute: Int
  }

  /// A method's and a route's ids. Each part of an item is hashed once (`StringIDs`) and no
  /// string is joined per item: `method + " " + route` is joined once per pair of ids, and that
  /// joined string given its own id, so two pairs whose joined strings are equal (a space inside
  /// a method) are one route, as a set of joined strings has it.
  private struct Pair: Hashable {
    let a: Int
    let b: Int
  }

  /// The groups of `items`, in the order their first member appears.
  static func groups(_ items: [Item]) -> [Group] {
    var hosts = StringIDs(), answers = StringIDs(), methods = StringIDs(), routes = StringIDs(), joined = StringIDs()
    var joinedOf: [Pair: Int] = [:]
    // Items are read in place by index: a copy of each retained its four strings.
    let parts = items.indices.map { i in
      let (method, route) = (methods.id(items[i].method), routes.id(items[i].route))
      let pair = Pair(a: method, b: route)
      let methodRoute: Int
      if let known = joinedOf[pair] {
        methodRoute = known
      } else {
        methodRoute = joined.id(items[i].method + " " + items[i].route)
        joinedOf[pair] = methodRoute
      }
      return Parts(
        host: hosts.id(items[i].host), answer: answers.id(items[i].answer), method: method, route: route, methodRoute: methodRoute)
    }
    var routesOf: [HostKey: Set<Int>] = [:]
    for (i, p) in parts.enumerated() {
      routesOf[HostKey(category: items[i].category, host: p.host, answer: p.answer), default: []].insert(p.methodRoute)
    }
    var wideHosts: [AnswerKey: Int] = [:]
    for (k, routes) in routesOf where routes.count >= spread {
      wideHosts[AnswerKey(category: k.category, answer: k.answer), default: 0] += 1
    }
    var groupOf: [String: Int] = [:]
    var groupOfPlace: [PlaceKey: Int] = [:]  // each place's group, found without its signature
    var out: [Group] = []
    var seen: [(hosts: Set<Int>, routes: Set<Int>)] = []  // per group: its members' hosts and routes
    for (i, p) in parts.enumerated() {
      let category = items[i].category
      let answerKey = AnswerKey(category: category, answer: p.answer)
      let hostKey = HostKey(category: category, host: p.host, answer: p.answer)
      let scope: Scope =
        wideHosts[answerKey, default: 0] >= spread ? .answer : routesOf[hostKey, default: []].count >= spread ? .host : .route
      let place = PlaceKey(
        category: category, scope: scope, method: scope == .route ? p.method : -1, host: scope == .answer ? -1 : p.host,
        route: scope == .route ? p.route : -1, answer: p.answer)
      let g: Int
      if let found = groupOfPlace[place] {
        g = found
        out[g].members.append(items[i].index)
      } else {
        let sig = signature(items[i], scope)
        if let found = groupOf[sig] {
          g = found
          out[g].members.append(items[i].index)
        } else {
          g = out.count
          groupOf[sig] = g
          out.append(
            Group(
              signature: sig, scope: scope, members: [items[i].index], spread: scope == .route ? nil : RequestSpread(hosts: [], routes: 0)))
          seen.append(([], []))
        }
        groupOfPlace[place] = g
      }
      guard scope != .route else { continue }
      if seen[g].hosts.insert(p.host).inserted { out[g].spread?.hosts.append(items[i].host) }
      seen[g].routes.insert(p.methodRoute)
      out[g].spread?.routes = seen[g].routes.count
    }
    return out
  }

  /// The signature of `x`'s group at `scope`, without the version.
  private static func signature(_ x: Item, _ scope: Scope) -> String {
    let place =
      switch scope {
      case .answer: "* * *"
      case .host: "* \(x.host) *"
      case .route: "\(x.method) \(x.host) \(x.route)"
      }
    return "\(x.category.rawValue)|request|\(place)|\(x.answer)"
  }
}
