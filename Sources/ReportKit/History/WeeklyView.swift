/// What weekly.md renders (`Templates/weekly.md.mustache`): every value already text, escaped
/// for Markdown (test ids, titles and run ids in code spans), lists already capped. A nil field
/// is left out; an empty list shows the template's "none".
struct WeeklyView {
  struct RunRow {
    var run: String
    var time: String
    var tests: Int
    var passed: Int
    var failing: Int
    var skipped: Int
    var flaky: Int
    var passRate: String
    var change: String
    var clusters: Int
  }

  struct ClusterRow {
    var icon: String
    var id: String
    var title: String
    var category: String
    var severity: String
    var runs: String
    var firstSeen: String
    var lastSeen: String
    var status: String
  }

  /// A cluster in the new, resolved or persisting list: a heading-like line.
  struct ClusterItem {
    var icon: String
    var priority: String
    var id: String
    var category: String
    var title: String
    var detail: String
  }

  struct UnsteadyRow {
    var test: String
    var runs: Int
    var failures: Int
    var flips: Int
    var retried: Int
  }

  struct FailingRow {
    var test: String
    var failures: Int
    var runs: Int
    var cluster: String
  }

  struct EndpointRow {
    var name: String
    var host: String
    var first: String
    var last: String
    var change: String
    var runs: Int
  }

  struct FindingRow {
    var kind: String
    var subject: String
    var runs: Int
    var firstSeen: String
    var lastSeen: String
    var summary: String
  }

  struct ActionRow {
    var priority: String
    var title: String
    var kind: String
    var owner: String
    var cluster: String
    var since: String
  }

  struct Check { var item: String }

  var title: String
  var location: String
  var since: String
  var until: String
  var generatedAt: String
  var runCount: Int
  var summary: [String]
  var runs: [RunRow]
  var moreRuns: Int?
  var clusters: [ClusterRow]
  var moreClusters: Int?
  var new: [ClusterItem]
  var resolved: [ClusterItem]
  var persisting: [ClusterItem]
  var flaky: [UnsteadyRow]
  var failing: [FailingRow]
  var slower: [EndpointRow]
  var recurring: [FindingRow]
  var actions: [ActionRow]
  var checks: [Check]
}
