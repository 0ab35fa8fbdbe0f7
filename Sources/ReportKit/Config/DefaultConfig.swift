/// The commented report.yml that `report init` writes; a test loads it to keep it valid.
public enum DefaultConfig {
  public static let text = """
    # report.yml: how `report` classifies, groups and assigns this project's failures.
    # Every key is optional. A mistake here is an error naming the line, before any log is read.
    version: 1

    # Your own rules, checked before the built-in ones (`report rules` lists those).
    # A rule matches when all of its `match` conditions hold; its examples are checked on load.
    rules:
      - id: payments_sandbox_down            # snake_case, unique
        category: infrastructure             # infrastructure | auth | routing | logic
        confidence: high                     # high | medium | low
        rationale: The payment provider's sandbox is down; nothing in our code can fix it.
        match:
          text: "sandbox\\\\.payments\\\\.example\\\\.com.*(timed out|refused|503)"   # regular expression, case-insensitive
          # contains: ["phrase one", "phrase two"]   # any of these literal phrases
          # not_contains: ["phrase"]                 # none of these
          # exception: "PaymentError$"               # regular expression on the exception type
          # http_status: 5xx                         # 503, "500-599" or 5xx (text, or a correlated curl exchange)
          # curl_exit: [7, 28]
          # ws_close: [1011]
          # grpc: [UNAVAILABLE]
          # phase: [setup]                           # collection | setup | call | teardown
          # skip_reason: "sandbox (down|unavailable)"
        examples:
          match: ["ConnectTimeout: sandbox.payments.example.com timed out after 10s"]
          no_match: ["AssertionError: assert total == 10"]

    # Who owns a failure: the first matching test path glob, else its category.
    owners:
      infrastructure: "@platform-oncall"
      auth: "@identity-team"
      routing: "@api-gateway"
      logic: "@feature-team"
      paths:
        "tests/payments/**": "@payments-team"

    # Failures you already track: matched by rule id, cluster id or signature (regular expression).
    known_issues:
      - rule: jwt_expired
        url: https://tracker.example.com/issues/1234
        title: Staging tokens expire after 5 minutes

    # Severity of clusters, by cluster id, rule id or category: critical | high | medium | low.
    severity:
      http_404: high

    # Goals the report marks as met or missed.
    targets:
      pass_rate: 0.95          # passed / tests that ran
      execution_rate: 1.0      # tests that ran / tests collected
      p95_ms: 500              # p95 latency of every endpoint seen in curl traces
      endpoints:
        /api/orders: {p95_ms: 200}

    # What a failure costs the business, shown on the clusters it touches: by test path glob
    # (`paths`), endpoint path glob (`endpoint`) or `category`; the first entry that matches.
    impact:
      - paths: "tests/checkout/**"
        says: "checkout: revenue at risk"
        severity: critical
      - endpoint: "/api/orders**"      # `*` stays within a path segment, `**` crosses them
        says: "customers cannot see their orders"
        severity: high

    """
}
