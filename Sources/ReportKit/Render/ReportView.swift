/// What the report.md and issue.md templates render: every value already text, escaped for
/// Markdown (text from logs sits in code spans and fences), lists already capped, and nothing
/// empty: a field with nothing to say is nil or an empty list, and its section is not shown.
struct ReportView {
  struct Line { var text: String }

  struct NameValue {
    var name: String
    var value: String
  }

  struct CategoryRow {
    var category: String
    var failures: Int
    var clusters: Int
    var note: String
  }

  struct FileRow {
    var file: String
    var failing: Int
    var tests: Int
  }

  struct SuspicionRow {
    var kind: String
    var summary: String
    var evidence: [Line]
    var tests: String?
  }

  struct EndpointRow {
    var name: String
    var host: String
    var requests: Int
    var statuses: String
    var p50: String
    var p95: String
    var max: String
  }

  struct TargetRow {
    var name: String
    var goal: String
    var actual: String
    var met: String
  }

  struct ActionRow {
    var priority: String
    var title: String
    var kind: String
    var owner: String
    var clusters: String
    /// For issue.md's task list: done-when, joined.
    var done: String
  }

  struct LowConfidenceRow {
    var test: String
    var category: String
    /// The category most of the run's failures share, when this verdict was lowered for it.
    var symptomOf: String?
    var rule: String
    var evidence: String
  }

  struct FailingRow {
    var test: String
    var status: String
    var category: String
    var rule: String
    var confidence: String
    var cluster: String
    var evidence: String
  }

  struct ClusterReason {
    var id: String
    var title: String
    var signature: String
    var reason: String
  }

  var runID: String
  /// The one-line verdict under the title.
  var verdict: String
  var summary: [Line]
  var whatRan: [Line]
  var totals: [NameValue]
  var works: [Line]
  var categories: [CategoryRow]
  var files: [FileRow]
  var clusters: [ClusterBlock]
  var moreClusters: Int?
  var suspicious: [SuspicionRow]
  var endpoints: [EndpointRow]
  var targets: [TargetRow]
  var actions: [ActionRow]
  var moreActions: Int?
  var validation: [Line]
  var lowConfidence: [LowConfidenceRow]
  var failing: [FailingRow]
  var moreFailing: Int?
  var clusterReasons: [ClusterReason]
  var slowest: [Line]
  var showWhys: Bool
  var collapse: Bool
  var lists: Bool
  var failures: Int
  var comparison: ComparisonBlock?
  /// Where the full report is (`--report-url`, or the CI run), for issue.md.
  var reportURL: String?
}

extension ReportView {
  /// One cluster: a titled heading, its facts, the first failure quoted once, member tests, Five
  /// Whys and the hypotheses something speaks for or against.
  struct ClusterBlock {
    struct TestRow {
      var test: String
      var phase: String
      var evidence: String
    }

    struct WhyRow {
      var n: Int
      var question: String
      /// Observed: our answer and its citations.
      var observed: String?
      var prompts: String?
    }

    struct HypothesisRow {
      var n: Int
      var statement: String
      var support: String?
      var against: String?
    }

    var id: String
    var icon: String
    var severity: String
    var category: String
    var title: String
    var count: Int
    /// Small print: id, category, size, rules, owner.
    var facts: String
    var impact: String?
    var knownIssue: String?
    var fence: String
    var firstCite: String
    var tests: [TestRow]
    var moreTests: Int?
    var whys: [WhyRow]
    var hypotheses: [HypothesisRow]
  }

  /// The before/after section.
  struct ComparisonBlock {
    struct Row {
      var metric: String
      var before: String
      var after: String
      var change: String
    }

    struct Transition {
      var name: String
      var count: Int
      var tests: String
    }

    var before: String
    var story: [Line]
    var rows: [Row]
    var transitions: [Transition]
    var clusterTransitions: [Line]
  }
}
