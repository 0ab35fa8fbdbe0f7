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

  @Test func isIdempotent() {
    let once = Redactor.redact("Authorization: Bearer abc https://u:p@h/?token=t")
    #expect(Redactor.redact(once) == once)
  }
}
