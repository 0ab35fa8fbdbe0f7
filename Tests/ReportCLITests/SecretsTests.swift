import Foundation
import Testing

/// Secrets fed through every input format must appear in no output file.
@Suite struct SecretsTests {
  /// The credentials planted in examples/logs, Tests/Fixtures and the hand-written inputs below.
  let secrets = [
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9", "c2lnbmF0dXJlLW5vdC1yZWFsLWJ1dC1sb25nLWVub3VnaC10by1sb29rLXJlYWw",
    "Zml4dHVyZS1zaWduYXR1cmUtbm90LXJlYWwtYnV0LWxvbmctZW5vdWdo", "EXAMPLE-not-a-real-key-0042", "s3cr3t-cookie-value",
    "ZGVwbG95Omh1bnRlcjItcGFzc3dvcmQ", "hunter2", "sk_live_planted_in_junit", "pg-pass-planted", "cookie-planted-42",
  ]

  @Test func noSecretInAnyOutputFile() throws {
    let dir = Scratch()
    // Hand-written: JUnit and a CI log carrying secrets where real suites leak them.
    dir.file(
      "in/junit.xml",
      """
      <testsuite name="s"><testcase classname="api.T" name="test_login">
      <failure message="401 for https://api.example.com/login?api_key=sk_live_planted_in_junit">Authorization: Bearer sk_live_planted_in_junit</failure>
      <system-out>connecting to postgres://app:pg-pass-planted@127.0.0.1:5432/app
      Set-Cookie: sid=cookie-planted-42; HttpOnly</system-out></testcase></testsuite>
      """)
    let r = try CLI.run([
      "build", "examples/logs", "Tests/Fixtures", dir.path + "/in", "--out", dir.path + "/out", "--run-id", "s", "--now", "0",
    ])
    #expect(r.status == 0)
    // The inputs really hold the secrets...
    let inputs = try [
      "examples/logs/ci-curl-verbose.log", "examples/logs/curl-admin-trace.txt", "Tests/Fixtures/curl/trace-hex.txt",
      "Tests/Fixtures/curl/verbose-userpass.log", "examples/logs/pytest-console.log",
    ].map {
      try String(decoding: Data(contentsOf: URL(fileURLWithPath: CLI.root + "/" + $0)), as: UTF8.self)
    }.joined()
    #expect(
      inputs.contains("EXAMPLE-not-a-real-key-0042") && inputs.contains("ZGVwbG95Omh1bnRlcjItcGFzc3dvcmQ")
        && inputs.contains("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"))
    // ...and no output shows any of them.
    for name in ["report.json", "report.md", "report.html", "issue.md"] {
      let text = String(decoding: try dir.read("out/s/" + name), as: UTF8.self)
      for secret in secrets { #expect(!text.contains(secret), "\(name) leaks \(secret)") }
    }
    #expect(!r.stdout.contains("eyJ") && !r.stderr.contains("eyJ"))
  }
}
