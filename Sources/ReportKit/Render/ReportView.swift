/// What the report.md and issue.md templates render: every value already text, escaped for
/// Markdown (text from logs sits in code spans and fences), lists already capped. Templates read
/// the fields by name; a nil field is left out (and a section over it is not shown).
struct ReportView {
  struct Input {
    var path: String
    var format: String
    var tests: Int
    var requests: Int
    var warnings: Int
  }

  struct Environment {
    var text: String
    var cite: String
  }

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

  struct SlowRow {
    var test: String
    var seconds: String
  }

  struct SuspicionRow {
    struct Cite { var cite: String }
    var kind: String
    var summary: String
    var evidence: [Cite]
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
    var cluster: String
  }

  struct ValidationItem { var item: String }

  struct LowConfidenceRow {
    var test: String
    var category: String
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
    var signature: String
    var reason: String
  }

  var runID: String
  var generatedAt: String
  /// Where the run ran; nil outside CI (see `ReportView+CI.swift`).
  var ci: CILine?
  var inputs: [Input]
  var hosts: String
  var environments: [Environment]
  var summary: [String]
  var totals: [NameValue]
  var categories: [CategoryRow]
  var files: [FileRow]
  var slowest: [SlowRow]
  var clusters: [ClusterBlock]
  var moreClusters: Int?
  var suspicious: [SuspicionRow]
  var endpoints: [EndpointRow]
  var targets: [TargetRow]
  var actions: [ActionRow]
  var moreActions: Int?
  var validation: [ValidationItem]
  var lowConfidence: [LowConfidenceRow]
  var failing: [FailingRow]
  var moreFailing: Int?
  var clusterReasons: [ClusterReason]
  var showWhys: Bool
  var collapse: Bool
  var lists: Bool
  var failures: Int
  var comparison: ComparisonBlock?
}

extension ReportView {
  /// One cluster: heading, member tests, message, Five Whys and hypotheses.
  struct ClusterBlock {
    struct TestRow {
      var test: String
      var phase: String
      var evidence: String
    }

    struct KnownIssueLink {
      var title: String
      var url: String
    }

    struct WhyRow {
      struct Observed {
        var answer: String
        var citation: String
      }

      struct Prompt { var prompt: String }

      var n: Int
      var question: String
      var observed: Observed?
      var prompts: [Prompt]?
    }

    struct HypothesisRow {
      var n: Int
      var statement: String
      var support: String
      var against: String
    }

    var id: String
    var icon: String
    var category: String
    var severity: String
    var count: Int
    var plural: String
    var title: String
    var fence: String
    var tests: [TestRow]
    var moreTests: Int?
    var rules: String
    var owner: String
    var knownIssue: KnownIssueLink?
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

    struct ClusterTransition {
      var name: String
      var count: Int
      var ids: String
    }

    var before: String
    var rows: [Row]
    var transitions: [Transition]
    var clusterTransitions: [ClusterTransition]
  }
}
