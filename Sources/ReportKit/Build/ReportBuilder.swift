public import Foundation

/// `report build`: reads the inputs into one run and writes its report folder.
public struct ReportBuilder {
  public struct Options: Sendable {
    public var inputs: [String]
    public var outDir = "reports"
    public var runID: String?
    /// The moment the report is made for (`--now`); fixes `generated_at` and the default run id.
    public var now: Date
    public var config: ReportConfig

    public init(inputs: [String], outDir: String = "reports", runID: String? = nil, now: Date, config: ReportConfig = ReportConfig()) {
      self.inputs = inputs
      self.outDir = outDir
      self.runID = runID
      self.now = now
      self.config = config
    }
  }

  public struct Result: Sendable {
    public var run: Run
    public var findings: Findings
    public var meta: RunMeta
    public var folder: String
    /// Every warning, in input order: print them as they are.
    public var warnings: [Diagnostic]
  }

  public init() {}

  public func build(_ options: Options) throws -> Result {
    let run = try read(options.inputs)
    let findings = Analyzer(config: options.config).analyze(run)
    let meta = RunMeta(runID: options.runID ?? Self.runID(for: options.now), generatedAt: Self.iso8601(options.now))
    let files = ReportFiles(outDir: options.outDir, runID: meta.runID)
    do {
      try files.write { dir in try write(run, findings, meta: meta, into: dir) }
    } catch let error as BuildError {
      throw error
    } catch {
      throw BuildError.cannotWrite("\(error)")
    }
    return Result(
      run: run, findings: findings, meta: meta, folder: files.finalPath, warnings: run.warnings + run.inputs.flatMap(\.warnings))
  }

  /// Reads every input into one run; throws when none could be read as a test artifact.
  public func read(_ paths: [String]) throws -> Run {
    var timer = PhaseTimer()
    let (files, problems) = InputCollector.collect(paths)
    var artifacts: [ParsedArtifact] = []
    for file in files { artifacts += Ingest.read(file) }
    timer.lap("read")
    var assembler = RunAssembler()
    assembler.add(&artifacts)
    timer.lap("assemble")
    var warnings = problems
    if files.isEmpty && problems.isEmpty {
      warnings.append(Diagnostic(path: paths.joined(separator: " "), line: nil, message: "no files found"))
    }
    let run = assembler.run(warnings: warnings)
    guard run.inputs.contains(where: { $0.format != .unknown }) else {
      throw BuildError.noReadableInput(warnings + run.inputs.flatMap(\.warnings))
    }
    return run
  }

  /// Writes report.json on a second thread while report.md and report.html are made here.
  private func write(_ run: Run, _ findings: Findings, meta: RunMeta, into dir: String) throws {
    var timer = PhaseTimer()
    guard let sink = OutputSink(path: dir + "/report.json") else { throw BuildError.cannotWrite("cannot create \(dir)/report.json") }
    let json = JSONJob(run: run, findings: findings, meta: meta, sink: sink)
    let group = DispatchGroup()
    DispatchQueue.global().async(group: group) { json.render() }
    let markdown = MarkdownRenderer().render(run, findings: findings, meta: meta)
    try markdown.write(toFile: dir + "/report.md", atomically: false, encoding: .utf8)
    let html = HTMLRenderer().page(markdown: markdown, title: "Test run report: \(meta.runID)")
    try html.write(toFile: dir + "/report.html", atomically: false, encoding: .utf8)
    timer.lap("report.md + report.html")
    group.wait()
    timer.lap("report.json (after)")
    guard json.succeeded else { throw BuildError.cannotWrite("I/O error writing report.json") }
  }

  /// `2026-11-21T05:26:43Z`.
  public static func iso8601(_ date: Date) -> String {
    let f = ISO8601DateFormatter()
    f.formatOptions = [.withInternetDateTime]
    f.timeZone = TimeZone(identifier: "UTC")
    return f.string(from: date)
  }

  /// A run id from the time, sortable and safe as a folder name: `20261121T052643Z`.
  public static func runID(for date: Date) -> String {
    iso8601(date).replacingOccurrences(of: "-", with: "").replacingOccurrences(of: ":", with: "")
  }

  /// Parses `--now`: ISO 8601 with or without fractional seconds, or seconds since 1970.
  public static func parseNow(_ s: String) -> Date? {
    if let seconds = Double(s) { return Date(timeIntervalSince1970: seconds) }
    let f = ISO8601DateFormatter()
    f.formatOptions = [.withInternetDateTime]
    if let d = f.date(from: s) { return d }
    f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    return f.date(from: s)
  }
}

/// Renders report.json on another thread. The run is only read (never mutated) while it runs,
/// and the caller waits for it before touching the result.
private final class JSONJob: @unchecked Sendable {
  let run: Run
  let findings: Findings
  let meta: RunMeta
  let sink: OutputSink
  private(set) var succeeded = false

  init(run: Run, findings: Findings, meta: RunMeta, sink: OutputSink) {
    self.run = run
    self.findings = findings
    self.meta = meta
    self.sink = sink
  }

  func render() {
    JSONRenderer().write(run, findings: findings, meta: meta, to: sink)
    succeeded = sink.finish()
  }
}
