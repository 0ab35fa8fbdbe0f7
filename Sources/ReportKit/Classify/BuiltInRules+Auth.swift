/// Credentials and routes: the request reached the service, which refused who sent it or had no
/// handler for where it went.
extension BuiltInRules {
  static let auth: [Rule] = [
    Rule(
      "jwt_expired", .auth, .exception,
      "The token's `exp` has passed: token lifetime, a cached token, or clock skew between runner and service.",
      Matcher(anyText: [
        "expiredsignatureerror", "expiredjwtexception", "tokenexpirederror", "signature has expired", "jwt expired", "token expired",
        "token has expired", "token is expired", "expired token", "jwt is expired",
      ]),
      examples: [
        .yes("jwt.exceptions.ExpiredSignatureError: Signature has expired"),
        .yes("io.jsonwebtoken.ExpiredJwtException: JWT expired at 2026-11-20T10:00:00Z. Current time: 2026-11-20T11:00:00Z"),
        .yes("TokenExpiredError: jwt expired"),
        .no("assert token_ttl == 3600"),
      ]),
    Rule(
      "jwt_invalid", .auth, .exception,
      "The token was rejected as malformed or badly signed: a secret or key that differs between services.",
      Matcher(
        anyText: [
          "invalidsignatureerror", "signature verification failed", "invalid signature", "jwt malformed", "malformedjwtexception",
          "signatureexception", "invalid token", "invalidtokenerror", "jsonwebtokenerror", "decodeerror: not enough segments",
          "jwt signature does not match", "invalid_token", "immaturesignatureerror", "token is not yet valid",
        ], noneText: ["unexpected token"]),
      examples: [
        .yes("jwt.exceptions.InvalidSignatureError: Signature verification failed"),
        .yes("io.jsonwebtoken.security.SignatureException: JWT signature does not match locally computed signature"),
        .yes("JsonWebTokenError: jwt malformed"),
        .yes("jwt.exceptions.ImmatureSignatureError: The token is not yet valid (iat)"),
        .no("SyntaxError: Unexpected token < in JSON at position 0"),
      ]),
    Rule(
      "credentials_rejected", .auth, .exception,
      "The service or a client library refused the credentials (bad password, missing or invalid API key).",
      Matcher(
        anyText: [
          "invalid credentials", "bad credentials", "authentication failed", "authenticationerror", "not authenticated",
          "invalid api key", "missing api key", "api key is missing", "invalid_client", "invalid_grant", "unauthorized",
          "access denied", "password authentication failed", "login failed", "missing bearer token", "no auth credentials",
          "wrongpass", "noauth authentication required", "missing authorization header", "authorization header is missing",
        ], noneText: ["errno 13", "eacces", "permissionerror"]),
      examples: [
        .yes("psycopg.OperationalError: connection failed: FATAL:  password authentication failed for user \"app\""),
        .yes("redis.exceptions.AuthenticationError: invalid username-password pair or user is disabled."),
        .yes("openai.AuthenticationError: Error code: 401 - invalid api key"),
        .yes("AssertionError: response says 'missing Authorization header'"),
        .no("PermissionError: [Errno 13] Permission denied: '/var/run/app.sock'"),
      ]),
    Rule(
      "permission_denied_service", .auth, .exception, .medium,
      "The service said the caller may not do this (permission, role or scope), without an HTTP status in the text.",
      Matcher(
        anyText: ["permission denied", "forbidden", "insufficient scope", "insufficient_scope", "missing role", "not authorized"],
        noneText: ["errno 13", "eacces", "permissionerror", "[errno"]),
      examples: [
        .yes("AssertionError: {'error': 'forbidden', 'detail': 'role admin required'}"),
        .no("PermissionError: [Errno 13] Permission denied: '/tmp/x'"),
      ]),
    Rule(
      "missing_secret", .auth, .exception,
      "A credential was absent from the environment: the secret source (vault, CI variables) did not provide it.",
      Matcher(
        anyText: ["token", "secret", "key", "password", "passwd", "credential", "auth"],
        text: re(
          #"(KeyError: ['"]|environ\[['"]|environment variable |env var |getenv\(['"]|missing |not set[: ]+['"]?)"#
            + #"(?-i:[A-Z0-9_]*(TOKEN|SECRET|API_?KEY|PASSWORD|PASSWD|CREDENTIALS?|AUTH)[A-Z0-9_]*)"#,
          orShape: UpperCaseShapes.secretWord
        )),
      examples: [
        .yes("KeyError: 'STAGING_API_TOKEN'"),
        .yes("RuntimeError: environment variable JWT_SECRET is not set"),
        .no("KeyError: 'order_id'"),
        .no("KeyError: 'token'"),
      ]),
  ]

  static let routing: [Rule] = [
    Rule(
      "html_instead_of_data", .routing, .exception, .medium,
      "An HTML page came back where the test expected data: another service (a proxy, a default server, a login page) answered.",
      Matcher(
        anyText: ["<!doctype", "<html", "</html>", "unexpected token <", "unexpected token '<'"],
        text: re(#"['"`]\s*<!doctype\b|['"`]\s*<html\b|</html>\s*(\\n)*['"`]|unexpected token '?<'?,? ?(in json|"<!doctype|at position 0)"#)
      ),
      examples: [
        .yes("assert '<!DOCTYPE HT...y>\n</html>\n' == 'example_response'"),
        .yes("SyntaxError: Unexpected token < in JSON at position 0"),
        .yes("SyntaxError: Unexpected token '<', \"<!DOCTYPE \"... is not valid JSON"),
        .no("assert render() == '<p>hi</p>'"),
      ]),
    Rule(
      "body_not_json", .routing, .exception, .low,
      "The body was not JSON at all (nothing parsed at character 0): often an HTML page from another service, sometimes an empty error answer. Listed for triage.",
      Matcher(anyText: [
        "expecting value: line 1 column 1 (char 0)", "unexpected end of json input", "is not valid json", "no json object could be decoded",
      ]),
      examples: [
        .yes("requests.exceptions.JSONDecodeError: Expecting value: line 1 column 1 (char 0)"),
        .yes("SyntaxError: Unexpected end of JSON input"),
        .no("json.decoder.JSONDecodeError: Expecting ',' delimiter: line 3 column 5 (char 40)"),
      ]),
    Rule(
      "websocket_not_upgraded", .routing, .exception,
      "The WebSocket handshake got an ordinary HTTP answer (200) instead of 101: the URL points at a server that is not the WebSocket endpoint.",
      Matcher(
        anyText: ["handshake status 200", "unexpected server response: 200", "invalid status code 200", "http 200", "expected 101"],
        text: re(
          #"handshake status 200|unexpected server response: 200|invalid status code 200|server rejected websocket connection: http 200|expected (http )?101"#
        )),
      examples: [
        .yes("websocket._exceptions.WebSocketBadStatusException: Handshake status 200 OK -+-+- {'server': 'SimpleHTTP/0.6'}"),
        .yes("Error: Unexpected server response: 200"),
        .no("websocket._exceptions.WebSocketConnectionClosedException: Connection to remote host was lost."),
      ]),
    Rule(
      "bad_base_url", .routing, .transport,
      "The URL itself is wrong (no scheme, bad host, unsupported scheme): base-URL configuration, not the service.",
      Matcher(
        anyText: [
          "missingschema", "invalidurl", "invalid url", "no connection adapters were found", "unsupported protocol scheme", "invalidschema",
          "unsupported protocol", "err_invalid_url", "malformedurlexception", "uriformatexception", "unknown url type",
          "unsupportedprotocol", "missing an 'http://' or 'https://' protocol", "nonhttpurlclienterror", "failed to parse url",
        ], noneText: ["missing dependencies", "missing dependency"]),
      examples: [
        .yes("requests.exceptions.MissingSchema: Invalid URL 'api.staging/orders': No scheme supplied."),
        .yes("Get \"localhost:8080/x\": unsupported protocol scheme \"localhost\""),
        .yes("TypeError [ERR_INVALID_URL]: Invalid URL"),
        .no("assert url.endswith('/orders')"),
        .no("requests.exceptions.InvalidSchema: Missing dependencies for SOCKS support."),
      ]),
    Rule(
      "redirect_loop", .routing, .transport,
      "The request was redirected too many times: a proxy, scheme or trailing-slash loop.",
      Matcher(anyText: [
        "toomanyredirects", "exceeded 30 redirects", "maximum redirect", "redirect loop", "too many redirects", "maxredirectsexceeded",
        "stopped after 10 redirects", "redirect count exceeded", "maximum allowed redirects",
      ]),
      examples: [
        .yes("requests.exceptions.TooManyRedirects: Exceeded 30 redirects."), .yes("Get \"http://x\": stopped after 10 redirects"),
        .no("assert resp.history == []"),
      ]),
    Rule(
      "curl_redirect_exit", .routing, .transport,
      "curl exit 47: too many redirects.",
      Matcher(curlExit: [47]),
      examples: [.yes("curl: (47) Maximum (50) redirects followed"), .no("curl: (7) Failed to connect")]),
    Rule(
      "route_not_found", .routing, .status,
      "The service or framework said no route or handler matches the request.",
      Matcher(anyText: [
        "route not found", "no route matched", "no route for", "no handler found", "nohandlerfoundexception", "cannot get /",
        "cannot post /", "cannot put /", "cannot delete /", "no matching route", "unknown route", "unknown path", "path not found",
        "endpoint not found", "no such endpoint", "method not allowed", "routing error",
      ]),
      examples: [
        .yes("AssertionError: route not found: GET /api/v2/orders/1/items -> 404 (request_id=ab12)"),
        .yes("AssertionError: expected JSON, got 'Cannot GET /api/v3/health'"),
        .yes("org.springframework.web.servlet.NoHandlerFoundException: No handler found for GET /api/orders"),
        .no("AssertionError: order not found in list"),
      ]),
  ]
}
