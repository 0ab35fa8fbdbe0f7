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
    /// Which files to write.
    public var formats: Set<OutputFormat> = OutputFormat.defaults(environment: [:])
    public var templates: TemplateSet = .builtIn
    /// issue.md's size limit in characters (GitHub: 65,536; GitLab: 1,000,000).
    public var issueLimit = 65_536
    /// An earlier run to compare with: a logs folder (or file), its report.json, or `previous`:
    /// the last run recorded in the history.
    public var baseline: String?
    /// Where the full report will be read (an artifact or CI run URL): linked from issue.md.
    public var reportURL: String?
    /// Show an updating progress line on stderr for large inputs (the CLI: a terminal, not `--quiet`).
    public var progress = false
    /// The process environment (the CLI passes `ProcessInfo`'s): CI metadata is read from it
    /// (`CIEnvironment`), so a test sets fake CI variables here, never in its own process.
    public var environment: [String: String] = [:]
    /// Whether to record the run in a history (`--no-history`: no).
    public var recordHistory = true
    /// The history to record in; nil: `OUT/history.sqlite`.
    public var history: HistoryLocation?

    /// The history this build records in and reads `--baseline previous` from, if any.
    public var historyLocation: HistoryLocation? {
      recordHistory ? history ?? .beside(outDir: outDir) : nil
    }

    public init(inputs: [String], outDir: String = "reports", runID: String? = nil, now: Date, config: ReportConfig = ReportConfig()) {
      self.inputs = inputs
      self.outDir = outDir
      self.runID = runID
      self.now = now
      self.config = config
    }
  }

  public struct Result: Sendable {
    public var report: Report
    /// The files written, by name.
    public var files: [String]
    public var folder: String
    /// Every warning, in input order: print them as they are.
    public var warnings: [Diagnostic]
    /// What became of the run in the history; nil with `--no-history`.
    public var history: HistoryOutcome?
  }

  /// `baseline` value that names the history's last run.
  public static let previousBaseline = "previous"

  public init() {}

  public func build(_ options: Options) throws -> Result {
    let inputs = options.progress ? InputCollector.collect(options.inputs).files : []
    let progress = ProgressLine(
      files: inputs.count, total: inputs.reduce(0) { $0 + (ByteChunks.size(of: $1.path) ?? 0) }, enabled: options.progress)
    defer { progress.finish() }
    let meta = RunMeta(
      runID: options.runID ?? Self.runID(for: options.now), generatedAt: Self.iso8601(options.now),
      ci: CIEnvironment.read(options.environment))
    var recorder = options.historyLocation.map(HistoryRecorder.init)
    let baseline: Snapshot?
    if options.baseline == Self.previousBaseline {
      baseline = recorder?.previous(before: meta)
    } else {
      baseline = try options.baseline.map { try snapshot(of: $0, config: options.config) }
    }
    // Begun before reading: a reader with an idle thread judges failures with its classifier.
    let late = LateTriage(config: options.config)
    let run = try read(options.inputs, prejudging: late.judge)
    let triage = late.triage
    // The requests' endpoints need only the run: counted on the core the clustering leaves idle.
    let endpoints = run.requests.isEmpty ? nil : Background { Metrics.endpoints(run.requests) }
    progress.enter("classifying")
    let files = ReportFiles(outDir: options.outDir, runID: meta.runID)
    // Where the full report is read: given, else the CI run's page (its artifacts are there).
    let writer = ReportWriter(
      formats: options.formats, templates: options.templates, issueLimit: options.issueLimit, reportURL: options.reportURL ?? meta.ci?.url)
    let report: Report
    let placed: [Diagnostic]
    do {
      (report, placed) = try files.write { dir in
        // report.json's tests are written on a second thread, from the verdicts and clusters,
        // while the false greens and the analysis are made here. A run without tests (curl
        // traces alone) has no verdict to wait for (its failures by category are all 0): its
        // requests are written from the end of the read, while triage clusters them.
        var json = run.tests.isEmpty ? try writer.beginJSON(run, Findings(), meta, into: dir) : nil
        let findings = try triage.findings(of: run) { f in
          run.releasePrejudgements(of: f.classifications.lazy.map(\.0))  // triage has read them
          if json == nil { json = try writer.beginJSON(run, f, meta, into: dir) }
        }
        progress.enter("writing the report")
        var timer = PhaseTimer()
        let analysis = Analysis(
          run: run, findings: findings, config: options.config, baseline: baseline, label: meta.runID, endpoints: endpoints?.take())
        timer.lap("analysis (whys, actions, metrics)")
        let report = Report(run: run, findings: findings, analysis: analysis, meta: meta)
        try writer.write(report, into: dir, json: json)
        return report
      }
    } catch {
      throw BuildError.cannotWrite(ReportFiles.explain(error, options.outDir))
    }
    // The report is written first: a history that cannot take the run does not cost the report.
    if recorder != nil {
      var recording = PhaseTimer()
      recorder?.record(report, ci: HistoryRecord.CI(meta.ci))
      recording.lap("history")
    }
    return Result(
      report: report,
      files: OutputFormat.allCases.filter(options.formats.contains).map(\.fileName),
      folder: files.finalPath, warnings: run.warnings + run.inputs.flatMap(\.warnings) + placed, history: recorder?.outcome)
  }

  /// Reads every input into one run; throws when none could be read as a test artifact.
  public func read(_ paths: [String]) throws -> Run { try read(paths, prejudging: nil) }

  /// Reads every input into one run, judging failures with `judge` where a reader has a thread
  /// to spare (see `Prejudgement`).
  func read(_ paths: [String], prejudging judge: (any FailureJudge)?) throws -> Run {
    var timer = PhaseTimer()
    let (files, problems) = InputCollector.collect(paths)
    var artifacts = ParallelReader.read(files, prejudging: judge)
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

  /// The baseline of `--baseline`: an earlier report.json, or logs read and analyzed now.
  public func snapshot(of path: String, config: ReportConfig) throws -> Snapshot {
    var isDir: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else { throw BuildError.badBaseline("\(path) does not exist") }
    if !isDir.boolValue && path.hasSuffix(".json") {
      do { return try Snapshot(reportJSON: path) } catch {
        throw BuildError.badBaseline("\(path): not a report.json of schema \(ReportSchema.readableNames)")
      }
    }
    let run: Run
    do { run = try read([path]) } catch { throw BuildError.badBaseline("\(path): no test artifact in it") }
    let findings = Triage(config: config).findings(of: run)
    return Snapshot(
      label: path, run: run, findings: findings, metrics: Metrics(run, findings, targets: config.targets),
      titles: Analysis.stories(run, findings).map(\.title))
  }

  /// Compares two runs, each a logs folder (or file) or a report.json.
  public func compare(before: String, after: String, config: ReportConfig) throws -> Comparison {
    Comparison(before: try snapshot(of: before, config: config), after: try snapshot(of: after, config: config))
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
