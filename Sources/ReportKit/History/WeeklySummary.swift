/// The executive summary of a weekly review: a few sentences, each a count or a finding the
/// sections below back, in the order the worklogs put them (where the pass rate went, what is
/// still open and since when, what got fixed, what is unsteady, what got slower, what recurs).
/// Phrases: weekly.md quotes their code parts as code spans, weekly.json as backticks.
enum WeeklySummary {
  static func sentences(_ r: WeeklyReview) -> [Phrase] {
    guard let first = r.runs.first, let last = r.runs.last else {
      return ["No run was recorded from \(HistoryTime.short(r.since)) to \(HistoryTime.short(r.until))."]
    }
    var out: [Phrase] = []
    let n = r.runs.count
    if n == 1 {
      out.append("1 run, \(code: first.key) on \(HistoryTime.short(first.at)): pass rate \(Format.percent(first.passRate)).")
    } else {
      let rates = r.runs.compactMap(\.passRate)
      out.append(
        "\(n) runs from \(HistoryTime.short(first.at)) to \(HistoryTime.short(last.at)). The pass rate went from \(Format.percent(first.passRate)) (\(code: first.key)) to \(Format.percent(last.passRate)) (\(code: last.key))\(change(first.passRate, last.passRate)); lowest \(Format.percent(rates.min())), highest \(Format.percent(rates.max()))."
      )
    }
    let persisting = r.persisting
    if let oldest = persisting.first {
      let p0 = persisting.filter { $0.priority == "P0" }.count
      out.append(
        "\(count(persisting.count, "cluster")) still open and carried over\(p0 > 0 ? " (\(p0) P0)" : ""); the oldest, \(code: oldest.id) (\(oldest.category), \(oldest.priority)) \(Phrase(markedUp: Excerpt.line(oldest.title, limit: 80))), has failed since \(HistoryTime.short(oldest.firstSeen)) (\(code: oldest.firstRun)), in \(oldest.occurrences) of \(n) runs this period."
      )
    } else if r.clusters.contains(where: \.isOpen) {
      out.append("\(count(r.clusters.filter(\.isOpen).count, "cluster")) open at the end, all first seen in the last run.")
    } else {
      out.append("No cluster is open at the end of the period.")
    }
    let resolved = r.resolved
    let new = r.new
    if !resolved.isEmpty || !new.isEmpty {
      let times = resolved.compactMap(\.timeToResolve).sorted()
      let median = times.isEmpty ? "" : " (median time to resolve \(HistoryTime.span(times[(times.count - 1) / 2])))"
      out.append("\(count(resolved.count, "cluster")) resolved this period\(median); \(new.count) new.")
    }
    let flaky = r.flaky
    if let worst = flaky.first {
      out.append(
        "\(count(flaky.count, "test")) \(flaky.count == 1 ? "flips" : "flip") between passing and failing; \(code: worst.id) the most (\(worst.flips) flips in \(worst.runs) runs)."
      )
    }
    if let top = r.failing.first {
      out.append("The test that fails most, \(code: top.id), failed in \(top.failures) of the \(top.runs) runs it was in.")
    }
    if let slowest = r.slower.first {
      out.append(
        "p95 latency grew on \(count(r.slower.count, "endpoint")): \(code: slowest.name) from \(Format.ms(slowest.firstP95)) to \(Format.ms(slowest.lastP95)) (\(growth(slowest)))."
      )
    }
    if let worst = r.recurring.first {
      let about: Phrase = worst.subject.isEmpty || worst.kind == Suspicion.Kind.hostDrift.rawValue ? "" : " about \(code: worst.subject)"
      out.append(
        "\(count(r.recurring.count, "false green or run-health finding", plural: "false greens or run-health findings")) \(r.recurring.count == 1 ? "recurs" : "recur"): \(worst.kind)\(about) in \(worst.runs) runs."
      )
    }
    if !r.openActions.isEmpty {
      let p0 = r.openActions.filter { $0.priority == "P0" }.count
      out.append("\(count(r.openActions.count, "action")) of persisting clusters carried over\(p0 > 0 ? ", \(p0) of them P0" : "").")
    }
    return out
  }

  /// ` (▲ +23.1 pts)`, or nothing when either rate is unknown.
  static func change(_ a: Double?, _ b: Double?) -> String {
    guard let a, let b else { return "" }
    let d = (b - a) * 100
    return abs(d) < 0.05 ? ", unchanged" : ", \(d > 0 ? "▲ +" : "▼ ")\(JSONWriter.format(d, decimals: 1)) pts"
  }

  /// `+42%`: how much an endpoint's p95 grew.
  static func growth(_ e: WeeklyReview.SlowerEndpoint) -> String {
    "+" + JSONWriter.format((e.lastP95 / max(e.firstP95, 0.001) - 1) * 100, decimals: 0) + "%"
  }

  static func count(_ n: Int, _ noun: String, plural: String? = nil) -> String {
    "\(n) \(n == 1 ? noun : plural ?? noun + "s")"
  }
}
