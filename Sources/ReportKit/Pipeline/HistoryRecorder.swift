/// What `report build` does with its history: reads `--baseline previous` from it before the
/// build, and records the run after the report is written. A history that fails never stops
/// the report: the error is kept in the outcome, for the CLI to warn about and exit with.
struct HistoryRecorder {
  let location: HistoryLocation
  private var history: History?
  private(set) var outcome: HistoryOutcome

  init(location: HistoryLocation) {
    self.location = location
    outcome = HistoryOutcome(location: location)
  }

  /// The last run recorded before this one, or nil (with a note, or the error kept).
  mutating func previous(before meta: RunMeta) -> Snapshot? {
    guard let history = open() else { return nil }
    do {
      let at = HistoryTime.parse(meta.generatedAt) ?? .max
      guard let snapshot = try history.previous(before: at, excluding: meta.runID) else {
        outcome.notes.append("--baseline previous: \(location) holds no earlier run; the report has no comparison")
        return nil
      }
      return snapshot
    } catch {
      outcome.error = HistoryOutcome.kept(error, location)
      return nil
    }
  }

  /// Records the run with the CI job it came from, then closes the history.
  mutating func record(_ report: Report, ci: HistoryRecord.CI) {
    guard let history = open() else { return }
    defer { history.close() }
    var record = HistoryRecord(report: report)
    record.ci = ci
    do {
      outcome.replaced = try history.record(record)
      outcome.recorded = true
    } catch {
      outcome.error = HistoryOutcome.kept(error, location)
    }
  }

  private mutating func open() -> History? {
    if let history { return history }
    guard outcome.error == nil else { return nil }
    do { history = try History.open(location, create: true) } catch { outcome.error = HistoryOutcome.kept(error, location) }
    return history
  }
}

/// What became of a build's run in its history.
public struct HistoryOutcome: Sendable {
  public var location: HistoryLocation
  public var recorded = false
  /// The history held a run of the same id, which this one replaced.
  public var replaced = false
  /// Why the run was not recorded (or the baseline not read); the report was written anyway.
  public var error: HistoryError?
  /// Things worth a warning that are not errors.
  public var notes: [String] = []

  init(location: HistoryLocation) { self.location = location }

  static func kept(_ error: Error, _ location: HistoryLocation) -> HistoryError {
    error as? HistoryError ?? .failed(location: location.description, why: "\(error)")
  }
}
