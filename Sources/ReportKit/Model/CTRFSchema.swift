/// The Common Test Report Format (CTRF) as `report` reads and writes it, described once: the
/// reader (`CTRFParser`) decodes these values one test at a time, the writer (`CTRFWriter`)
/// writes the same keys, and the tests decode what it wrote through them.
///
/// Only the keys `report` uses are here; everything else in a document is ignored. Decoding is
/// lenient where real reporters differ: `suite` is an array (the spec) or one string (older
/// reporters), numbers may carry decimals, and an optional field of an unexpected type reads as
/// absent. A test needs a `name` and a `status`, nothing more.
public enum CTRFSchema {
  /// The spec version `report` writes.
  public static let specVersion = "1.0.0"

  public struct Document: Decodable, Sendable {
    public var reportFormat: String?
    public var specVersion: String?
    public var generatedBy: String?
    public var results: Results
  }

  public struct Results: Decodable, Sendable {
    public var tool: Tool?
    public var summary: Summary?
    public var environment: Environment?
    public var tests: [Test]
  }

  public struct Tool: Decodable, Sendable {
    public var name: String?
    public var version: String?
  }

  public struct Summary: Decodable, Sendable {
    public var tests: Int?
    public var passed: Int?
    public var failed: Int?
    public var skipped: Int?
    public var pending: Int?
    public var other: Int?
    public var flaky: Int?
    public var start: Int?
    public var stop: Int?

    public init(from decoder: Decoder) throws {
      let c = try decoder.container(keyedBy: Key.self)
      tests = c.int("tests")
      passed = c.int("passed")
      failed = c.int("failed")
      skipped = c.int("skipped")
      pending = c.int("pending")
      other = c.int("other")
      flaky = c.int("flaky")
      start = c.int("start")
      stop = c.int("stop")
    }
  }

  public struct Environment: Decodable, Sendable {
    public var buildId: String?
    public var buildNumber: Int?
    public var buildUrl: String?
    public var repositoryName: String?
    public var commit: String?
    public var branchName: String?

    public init(from decoder: Decoder) throws {
      let c = try decoder.container(keyedBy: Key.self)
      buildId = c.string("buildId")
      buildNumber = c.int("buildNumber")
      buildUrl = c.string("buildUrl")
      repositoryName = c.string("repositoryName")
      commit = c.string("commit")
      branchName = c.string("branchName")
    }
  }

  /// One test case. `extra` holds what `report` adds when `report` wrote it.
  public struct Test: Decodable, Sendable {
    /// One attempt of a retried test (`retryAttempts`): its outcome and why it failed.
    public struct Attempt: Decodable, Sendable {
      public var status: String?
      public var message: String?
      public var trace: String?
    }

    /// What `report` adds in `extra`: the verdict on a classified failure (also in `labels`), and
    /// the exception type, which CTRF has no field for (read back, it keeps clusters the same).
    public struct Extra: Decodable, Sendable, Equatable {
      public var category: String?
      public var rule: String?
      public var confidence: String?
      public var cluster: String?
      public var severity: String?
      public var exceptionType: String?

      public init(
        category: String? = nil, rule: String? = nil, confidence: String? = nil, cluster: String? = nil, severity: String? = nil,
        exceptionType: String? = nil
      ) {
        self.category = category
        self.rule = rule
        self.confidence = confidence
        self.cluster = cluster
        self.severity = severity
        self.exceptionType = exceptionType
      }
    }

    public var name: String
    public var status: String
    /// Milliseconds.
    public var duration: Double?
    public var suite: [String]?
    public var message: String?
    public var trace: String?
    public var filePath: String?
    public var line: Int?
    public var rawStatus: String?
    public var retries: Int?
    public var retryAttempts: [Attempt]?
    public var flaky: Bool?
    public var stdout: [String]?
    public var stderr: [String]?
    public var labels: [String: String]?
    public var extra: Extra?

    public init(from decoder: Decoder) throws {
      let c = try decoder.container(keyedBy: Key.self)
      name = try c.decode(String.self, forKey: Key("name"))
      status = try c.decode(String.self, forKey: Key("status"))
      duration = try? c.decodeIfPresent(Double.self, forKey: Key("duration"))
      suite = (try? c.decodeIfPresent([String].self, forKey: Key("suite"))) ?? c.string("suite").map { [$0] }
      message = c.string("message")
      trace = c.string("trace")
      filePath = c.string("filePath")
      line = c.int("line")
      rawStatus = c.string("rawStatus")
      retries = c.int("retries")
      retryAttempts = try? c.decodeIfPresent([Attempt].self, forKey: Key("retryAttempts"))
      flaky = try? c.decodeIfPresent(Bool.self, forKey: Key("flaky"))
      stdout = try? c.decodeIfPresent([String].self, forKey: Key("stdout"))
      stderr = try? c.decodeIfPresent([String].self, forKey: Key("stderr"))
      labels = try? c.decodeIfPresent([String: String].self, forKey: Key("labels"))
      extra = try? c.decodeIfPresent(Extra.self, forKey: Key("extra"))
    }
  }

  /// Any key by name: the spec's keys are camelCase and read as they are.
  struct Key: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ s: String) { stringValue = s }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
  }
}

extension KeyedDecodingContainer where Key == CTRFSchema.Key {
  /// A string, or nil when absent or of another type.
  fileprivate func string(_ k: String) -> String? { try? decodeIfPresent(String.self, forKey: Key(k)) }

  /// An integer, also from a number with decimals (`12.0`); nil when absent or not a number.
  fileprivate func int(_ k: String) -> Int? {
    if let i = try? decodeIfPresent(Int.self, forKey: Key(k)) { return i }
    guard let d = try? decodeIfPresent(Double.self, forKey: Key(k)), d.isFinite, abs(d) < 9e15 else { return nil }
    return Int(d.rounded())
  }
}
