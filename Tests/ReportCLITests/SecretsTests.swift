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

  /// Credentials no keyword names, known only by their form: in `-l` locals, an assertion diff,
  /// captured output and JUnit failure text of a real pytest run (Tests/Fixtures/secrets).
  static let byForm = [
    "ghp_R4nd0mL00k1ngGitHubT0kenValue0123456", "11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyzABCDEFGH", "Xy9Zk3Lm8Qw2Er5Ty7Ui",
    "1234567890123-AbCdEfGhIjKlMnOpQrStUvWx", "AKIAQWERTYUIOPASDFGH", "51HxYzAbCdEfGhIjKlMnOpQrSt",
    "SyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q", "abcdefghijklmnopqrstuvwxyz0123456789",
    "AgEIcHlwaS5vcmcCJGE4ZDY3YjM4LWFhY2YtNGFjMi1iNmQ0LWQ0YjZmZjA1YjY0ZgACKlsz", "ZGVwbG95OncwcmtmbDB3LXMzY3JldA==",
    "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQDfakeFAKEfakeFAKE", "R4ndomB4se64BodyLinesOfAPrivateKeyThatMustNeverLeave",
    "q8Zr4LmN2xYp7TvW3kJs9HbQ6cFd",
  ]

  @Test func credentialsKnownOnlyByTheirFormAreMaskedEverywhere() throws {
    let inputs = try ["pytest-console.log", "junit.xml"].map {
      try String(decoding: Data(contentsOf: URL(fileURLWithPath: CLI.root + "/Tests/Fixtures/secrets/" + $0)), as: UTF8.self)
    }.joined()
    // Every planted form is in the real run's output (else the test proves nothing).
    for secret in Self.byForm { #expect(inputs.contains(secret), "the fixture lacks \(secret)") }
    let dir = Scratch()
    let r = try CLI.run([
      "build", "Tests/Fixtures/secrets/pytest-console.log", "Tests/Fixtures/secrets/junit.xml", "--out", dir.path, "--run-id", "f",
      "--now", "0", "--format", "md,html,json,issue,ctrf",
    ])
    #expect(r.status == 0, "\(r.stderr)")
    for name in ["report.json", "report.md", "report.html", "issue.md", "ctrf.json"] {
      let text = String(decoding: try dir.read("f/" + name), as: UTF8.self)
      for secret in Self.byForm { #expect(!text.contains(secret), "\(name) leaks \(secret)") }
      // The issuer's prefix stays, so a reader knows what leaked.
      if name == "report.json" { #expect(text.contains("ghp_[REDACTED]")) }
    }
    // What only looks technical stays readable: a UUID, a SHA-256 the test compares.
    let json = String(decoding: try dir.read("f/report.json"), as: UTF8.self)
    #expect(json.contains("3f2b9c1e-8d4a-4f6b-9e2c-1a7b5d3c9e0f"))
    #expect(json.contains("239f59ed55e737c77147cf55ad0c1b030b6d7ee748a7426952f9b852d5a935e5"))
    #expect(json.contains("-----BEGIN PRIVATE KEY-----") && json.contains("-----END PRIVATE KEY-----"), "the markers tell what was masked")
  }
}
