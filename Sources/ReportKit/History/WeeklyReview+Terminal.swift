/// The few lines `report weekly` prints when it is done.
extension WeeklyReview {
  public var terminalLines: [String] {
    guard let first = runs.first, let last = runs.last else {
      return ["no run recorded from \(HistoryTime.iso(since)) to \(HistoryTime.iso(until)) in \(location)"]
    }
    let open = clusters.filter(\.isOpen).count
    return [
      "\(runs.count) run\(runs.count == 1 ? "" : "s") from \(HistoryTime.iso(first.at)) to \(HistoryTime.iso(last.at)): "
        + "pass rate \(Format.percent(first.passRate)) → \(Format.percent(last.passRate))",
      "clusters: \(open) open (\(persisting.count) persisting), \(resolved.count) resolved, \(new.count) new",
      "flaky tests \(flaky.count), slower endpoints \(slower.count), recurring findings \(recurring.count), open actions \(openActions.count)",
    ]
  }
}
