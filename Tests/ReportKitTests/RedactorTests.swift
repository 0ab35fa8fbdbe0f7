import Testing

@testable import ReportKit

@Suite struct RedactorTests {
  let jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJlLXZhbHVl"

  @Test(arguments: [
    ("> Authorization: Bearer abc.def-123", "> Authorization: Bearer [REDACTED]"),
    ("Authorization: Basic dXNlcjpwYXNz", "Authorization: Basic [REDACTED]"),
    ("< Set-Cookie: session=abc123; Path=/; HttpOnly", "< Set-Cookie: [REDACTED]"),
    ("> Cookie: a=1; b=2", "> Cookie: [REDACTED]"),
    ("proxy-authorization: Negotiate YIIabc", "proxy-authorization: Negotiate [REDACTED]"),
    ("+ curl -H 'Authorization: Bearer tok_123' https://x", "+ curl -H 'Authorization: Bearer [REDACTED]' https://x"),
    ("GET /v1?page=2&api_key=XYZ&size=5", "GET /v1?page=2&api_key=[REDACTED]&size=5"),
    ("https://h/cb?access_token=abc&state=1", "https://h/cb?access_token=[REDACTED]&state=1"),
    ("postgres://app:s3cr3t@db:5432/x", "postgres://app:[REDACTED]@db:5432/x"),
    ("token      = 'abcdef'", "token      = '[REDACTED]'"),
    ("{'password': 'hunter2', 'user': 'bob'}", "{'password': '[REDACTED]', 'user': 'bob'}"),
    ("\"client_secret\": \"s3cr3t\"", "\"client_secret\": \"[REDACTED]\""),
    ("X-Api-Key: 12345", "X-Api-Key: [REDACTED]"),
  ])
  func masks(_ input: String, _ expected: String) {
    #expect(Redactor.redact(input) == expected)
  }

  /// The name checks, compared in place, say what the word lists say of the lower-cased name.
  @Test func nameChecksAreTheirWordLists() {
    let parts = ["token", "secret", "passw", "pwd", "credential", "apikey", "api_key", "api-key", "signature", "private_key"]
    let words = ["key", "auth", "sig", "sessionid", "session_id"]
    let notSecret = ["error", "exception", "warning"]
    let ids = ["hash", "digest", "checksum", "sha", "md5", "etag", "uuid", "nonce_expected", "expected", "id"]
    func secret(_ n: String) -> Bool {
      let l = n.lowercased()
      guard l.utf8.count >= 3, !notSecret.contains(where: l.hasSuffix) else { return false }
      return parts.contains(where: l.contains) || words.contains(l) || l.hasSuffix("_key") || l.hasSuffix("-key")
    }
    func namesID(_ n: String) -> Bool {
      let l = n.lowercased()
      return ids.contains { l.hasPrefix($0) || l.hasSuffix($0) }
    }
    let pieces = parts + words + notSecret + ids + ["x", "_", "-", "A", "Token", "KEY", "Id", "user", "sha1", "E", "ToK", "pw", "d"]
    var rng = DamagedInputTests.SplitMix(state: 53)
    for _ in 0..<20_000 {
      var name = (0..<Int(1 + rng.next() % 3)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()
      if rng.next() % 2 == 0 { name = name.uppercased() }
      let n = name
      name.withUTF8 { p in
        #expect(Redactor.isSecretName(p, 0, p.count) == secret(n), "\(n)")
        #expect(SecretShapes.namesAnID(p, 0, p.count) == namesID(n), "\(n)")
      }
    }
  }

  @Test func masksJWTsAnywhere() {
    #expect(
      Redactor.redact("E   jwt.exceptions.ExpiredSignatureError: \(jwt) expired")
        == "E   jwt.exceptions.ExpiredSignatureError: [REDACTED] expired")
    #expect(!Redactor.redact("headers = {'Authorization': 'Bearer \(jwt)'}").contains("eyJ"))
  }

  @Test(arguments: [
    "E   jwt.exceptions.ExpiredSignatureError: Signature has expired: token kid=key-32",
    "E   KeyError: 'token'",
    "GET /v3/tokens/123 HTTP/1.1",
    "password = None",
    "password: NULL", "token=True", "secret = 'false'", "api_key: ******", "Authorization: [REDACTED]",
    "https://api.staging.example.com/health",
    "tests/test_auth.py::test_token_refresh PASSED [ 50%]",
    "tests/billing/test_tokens.py::TestTokensCache::test_patch_token[region-eu-0] PASSED [  0%]",
    "E       assert token == expected_token",
    "ApiKeyTests::testRotate",
    "max retries exceeded with url: /ping",
  ])
  func leavesHarmlessTextAlone(_ input: String) {
    #expect(Redactor.redact(input) == input)
  }

  /// The bytes the scan skips begin nothing: asking every byte what could begin there masks the
  /// same, on 20,000 seeded texts made of secrets of every form, their near misses, and the
  /// letters, separators and words around them.
  @Test func skippedBytesBeginNothing() {
    let pieces = [
      jwt, "eyJ", "Bearer ", "bearer\t", "Basic ", "basic dXNlcjpwYXNz", "ghp_", "ghp_0123456789abcdefghijklmnopqrstuvwxyzAB",
      "github_pat_",
      "glpat-abcdefghijklmnopqrstu", "xoxb-123-456-abcdef", "AKIAABCDEFGHIJKLMNOP", "ASIA", "sk_live_", "sk_live_0123456789abcdefghijklmn",
      "rk_test_abc", "npm_0123456789abcdefghijklmnopqrstuvwxyz", "pypi-AgEIcHlwaS5vcmc", "AIza0123456789abcdefghijklmnopqrstuvwxyz",
      "-----BEGIN RSA PRIVATE KEY-----", "-----END RSA PRIVATE KEY-----", "\n", "password", "token", "api_key", "Authorization",
      "Cookie", "set-cookie", "secret", "session_id", " = ", "=", ":", ": ", "::", "://", "https://u:p@h/", "@", "'", "\"",
      "a1b2c3d4e5f6g7h8",
      "x", "e", "b", "g", "s", "r", "p", "n", "w", "A", "E", "B", "_", "-", " ", "é", "[REDACTED]", "None", "==", "?", "&",
      "--", "----", "-----", "----------", "BEGIN ", "PRIVATE KEY-----",
    ]
    var rng = DamagedInputTests.SplitMix(state: 71)
    var masked = 0
    for _ in 0..<20_000 {
      let text = (0..<Int(rng.next() % 10)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()
      var copy = text
      let (fast, slow) = copy.withUTF8 { (Redactor.redact($0), Redactor.redact($0, skipping: false)) }
      #expect(fast.bytes == slow.bytes && fast.openPEM == slow.openPEM, "\(text.debugDescription)")
      if fast.bytes != nil { masked += 1 }
    }
    #expect(masked > 5_000)
  }

  @Test func isIdempotent() {
    let once = Redactor.redact("Authorization: Bearer abc https://u:p@h/?token=t")
    #expect(Redactor.redact(once) == once)
  }

  /// Whether a key names a secret, read in one pass by first bytes, is the rule as written
  /// (lower-cased, every part searched), on generated ASCII names with the parts in any case,
  /// split, at the edges, and next to the suffixes that veto them.
  @Test func secretNamesAreTheRuleAsWritten() {
    let parts = ["token", "secret", "passw", "pwd", "credential", "apikey", "api_key", "api-key", "signature", "private_key"]
    let words = ["key", "auth", "sig", "sessionid", "session_id"]
    func reference(_ name: String) -> Bool {
      let l = name.lowercased()
      guard l.utf8.count >= 3 else { return false }
      if ["error", "exception", "warning"].contains(where: { l.hasSuffix($0) }) { return false }
      if parts.contains(where: { l.contains($0) }) { return true }
      if words.contains(l) { return true }
      return l.hasSuffix("_key") || l.hasSuffix("-key")
    }
    let pieces =
      parts + words + ["TOKEN", "Pass", "W", "tok", "en", "x-", "content", "-type", "_", "Error", "api", "KEY", "p", "s", "a", "c", "t"]
    var rng = DamagedInputTests.SplitMix(state: 41)
    for _ in 0..<20_000 {
      var name = (0..<Int(rng.next() % 4)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()
      let got = name.withUTF8 { Redactor.isSecretName($0, 0, $0.count) }
      #expect(got == reference(name), "\(name)")
    }
  }
}
