/// report.json's `ci` object: made from the run's `CIMetadata` and written on one line, keys in
/// the order `ReportSchema.CI` declares them.
extension ReportSchema.CI {
  init(_ c: CIMetadata) {
    self.init(
      provider: c.provider.rawValue, commit: c.commit, branch: c.branch, run_id: c.runID, run_number: c.runNumber, run_url: c.runURL,
      job_url: c.jobURL, repository: c.repository, pull_request: c.pullRequest, job: c.job)
  }
}

extension ReportSchema.CI: JSONStreamable {
  func write(to w: JSONWriter) {
    w.sink.write("{\"provider\":"); w.string(provider)
    w.field("commit"); w.value(commit)
    w.field("branch"); w.value(branch)
    w.field("run_id"); w.value(run_id)
    w.field("run_number"); w.value(run_number)
    w.field("run_url"); w.value(run_url)
    w.field("job_url"); w.value(job_url)
    w.field("repository"); w.value(repository)
    w.field("pull_request"); w.value(pull_request)
    w.field("job"); w.value(job); w.sink.write("}")
  }
}
