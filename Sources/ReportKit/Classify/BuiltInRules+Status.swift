/// Protocol statuses: HTTP, gRPC and WebSocket close codes, as any library prints them.
extension BuiltInRules {
  static let status: [Rule] = [
    Rule(
      "http_502_503_504", .infrastructure, .status,
      "A gateway or load balancer answered for a backend that is down, starting or overloaded.",
      Matcher(httpStatus: 502...504),
      examples: [
        .yes("requests.exceptions.HTTPError: 503 Server Error: Service Unavailable for url: http://127.0.0.1/api/orders"),
        .yes("urllib.error.HTTPError: HTTP Error 502: Bad Gateway"),
        .yes("org.springframework.web.client.HttpServerErrorException$ServiceUnavailable: 503 Service Unavailable: [no body]"),
        .yes("Response status code does not indicate success: 504 (Gateway Timeout).", type: "System.Net.Http.HttpRequestException"),
        .yes("AssertionError: assert 503 == 200\n +  where 503 = <Response [503]>.status_code"),
        .linked("assert resp.ok", status: 503),
        .no("requests.exceptions.HTTPError: 500 Server Error: Internal Server Error for url: http://x/"),
      ]),
    Rule(
      "http_501", .routing, .status, .medium,
      "501: the server does not implement the method at all: another server answered (a proxy, a static file server), or the route lacks it.",
      Matcher(httpStatus: 501...501),
      examples: [
        .yes("requests.exceptions.HTTPError: 501 Server Error: Unsupported method ('POST') for url: http://localhost:45709/foo"),
        .no("requests.exceptions.HTTPError: 500 Server Error: Internal Server Error for url: http://x/"),
      ]),
    Rule(
      "http_5xx", .infrastructure, .status, .medium,
      "The server failed while handling the request (5xx): broken deploy, dependency down, or a server bug.",
      Matcher(httpStatus: 500...599),
      examples: [
        .yes("AxiosError: Request failed with status code 500"),
        .yes("expected: <200> but was: <500>"),
        .no("assert 200 == 201"),
      ]),
    Rule(
      "http_401", .auth, .status,
      "401: the request carried no valid credentials (missing, expired or wrong token).",
      Matcher(httpStatus: 401...401),
      examples: [
        .yes("requests.exceptions.HTTPError: 401 Client Error: Unauthorized for url: http://127.0.0.1/api/profile"),
        .yes("AssertionError: got 401: JWT expired\nassert 401 == 200"),
        .yes("org.springframework.web.client.HttpClientErrorException$Unauthorized: 401 UNAUTHORIZED"),
        .yes("urllib.error.HTTPError: HTTP Error 401: Unauthorized"),
        .no("assert 404 == 200"),
      ]),
    Rule(
      "http_403", .auth, .status,
      "403: the credentials were accepted but lack the role, scope or tenant the endpoint needs.",
      Matcher(httpStatus: 403...403),
      examples: [
        .yes("requests.exceptions.HTTPError: 403 Client Error: Forbidden for url: http://127.0.0.1/api/admin"),
        .yes("Error: Request failed with status code 403"),
        .no("HTTP Error 404: Not Found"),
      ]),
    Rule(
      "http_407", .auth, .status,
      "407: a proxy between the runner and the service wants credentials.",
      Matcher(httpStatus: 407...407),
      examples: [.yes("HTTP/1.1 407 Proxy Authentication Required"), .no("HTTP/1.1 401 Unauthorized")]),
    Rule(
      "http_404", .routing, .status,
      "404: no handler at this path on this host: a route not deployed, a wrong base URL or prefix.",
      Matcher(httpStatus: 404...404),
      examples: [
        .yes("requests.exceptions.HTTPError: 404 Client Error: Not Found for url: http://127.0.0.1/api/v2/orders"),
        .yes("org.springframework.web.client.HttpClientErrorException$NotFound: 404 Not Found: \"{\"error\":\"no route\"}\""),
        .yes("Expected status 200 but received 404"),
        .no("assert len(items) == 404"),
      ]),
    Rule(
      "http_405", .routing, .status,
      "405: the path exists but not for this method: a route registered for another verb.",
      Matcher(httpStatus: 405...405),
      examples: [.yes("HTTP Error 405: Method Not Allowed"), .no("HTTP Error 404: Not Found")]),
    Rule(
      "http_redirect", .routing, .status, .medium,
      "An unexpected 3xx: the request went to an old path, plain HTTP, or a login page.",
      Matcher(httpStatus: 300...399),
      examples: [.yes("assert 301 == 200\n +  where 301 = <Response [301]>.status_code"), .no("assert 200 == 201")]),
    Rule(
      "http_429", .infrastructure, .status, .medium,
      "429: the service or a gateway is rate limiting the test run.",
      Matcher(httpStatus: 429...429),
      examples: [.yes("HTTP Error 429: Too Many Requests"), .no("HTTP Error 409: Conflict")]),
    Rule(
      "http_408", .infrastructure, .status, .medium,
      "408: the server timed out waiting for the request.",
      Matcher(httpStatus: 408...408),
      examples: [.yes("HTTP Error 408: Request Timeout"), .no("HTTP Error 400: Bad Request")]),
    Rule(
      "http_4xx_contract", .logic, .status, .medium,
      "Another 4xx (400, 409, 422, ...): the server rejected what the test sent; the contract or the test data is off.",
      Matcher(httpStatus: 400...499),
      examples: [
        .yes("requests.exceptions.HTTPError: 422 Client Error: Unprocessable Entity for url: http://127.0.0.1/api/orders"),
        .yes("HTTP Error 400: Bad Request"),
        .no("HTTP Error 503: Service Unavailable"),
      ]),
    Rule(
      "grpc_unavailable", .infrastructure, .status,
      "gRPC UNAVAILABLE or DEADLINE_EXCEEDED: the server could not be reached or did not answer in time.",
      Matcher(grpc: ["UNAVAILABLE", "DEADLINE_EXCEEDED"]),
      examples: [
        .yes(
          "grpc._channel._InactiveRpcError: <_InactiveRpcError of RPC that terminated with:\n\tstatus = StatusCode.UNAVAILABLE\n\tdetails = \"failed to connect to all addresses\""
        ),
        .yes("rpc error: code = DeadlineExceeded desc = context deadline exceeded"),
        .yes("Error: 14 UNAVAILABLE: No connection established"),
        .yes("io.grpc.StatusRuntimeException: UNAVAILABLE: io exception"),
        .no("rpc error: code = NotFound desc = order 12 not found"),
      ]),
    Rule(
      "grpc_server_error", .infrastructure, .status, .medium,
      "gRPC INTERNAL, UNKNOWN, RESOURCE_EXHAUSTED or DATA_LOSS: the server failed while handling the call.",
      Matcher(grpc: ["INTERNAL", "UNKNOWN", "RESOURCE_EXHAUSTED", "DATA_LOSS"]),
      examples: [.yes("status = StatusCode.INTERNAL"), .no("status = StatusCode.UNAVAILABLE")]),
    Rule(
      "grpc_unauthenticated", .auth, .status,
      "gRPC UNAUTHENTICATED: the call carried no valid credentials.",
      Matcher(grpc: ["UNAUTHENTICATED"]),
      examples: [.yes("rpc error: code = Unauthenticated desc = invalid token"), .no("rpc error: code = Internal desc = boom")]),
    Rule(
      "grpc_permission_denied", .auth, .status,
      "gRPC PERMISSION_DENIED: the caller is known but not allowed.",
      Matcher(grpc: ["PERMISSION_DENIED"]),
      examples: [.yes("Error: 7 PERMISSION_DENIED: missing scope orders.read"), .no("Error: 5 NOT_FOUND: no such order")]),
    Rule(
      "grpc_unimplemented", .routing, .status,
      "gRPC UNIMPLEMENTED: the server has no handler for this method (wrong service or version deployed).",
      Matcher(grpc: ["UNIMPLEMENTED"]),
      examples: [
        .yes("status = StatusCode.UNIMPLEMENTED\n\tdetails = \"Method not found: orders.v2.Orders/List\""),
        .no("status = StatusCode.INTERNAL"),
      ]),
    Rule(
      "grpc_not_found", .logic, .status, .medium,
      "gRPC NOT_FOUND: a handler ran and found no such entity (a missing route is UNIMPLEMENTED): test data or code.",
      Matcher(grpc: ["NOT_FOUND"]),
      examples: [.yes("rpc error: code = NotFound desc = order 12 not found"), .no("rpc error: code = Unavailable desc = x")]),
    Rule(
      "websocket_abnormal_close", .infrastructure, .status,
      "WebSocket closed 1006 (no close frame), 1011 (server error), 1012/1013 (restart, try later) or 1014 (bad gateway).",
      Matcher(wsClose: [1006, 1011, 1012, 1013, 1014]),
      examples: [
        .yes(
          "websockets.exceptions.ConnectionClosedError: received 1011 (internal error) keepalive ping timeout; then sent 1011 (internal error)"
        ),
        .yes("websockets.exceptions.ConnectionClosedError: no close frame received or sent"),
        .yes("WebSocket closed with code 1006"),
        .no("websockets.exceptions.ConnectionClosedOK: received 1000 (OK); then sent 1000 (OK)"),
      ]),
    Rule(
      "websocket_policy_close", .auth, .status,
      "WebSocket closed 1008 (policy violation) or 4401/4403 (application auth codes): the handshake's credentials were refused.",
      Matcher(wsClose: [1008, 4001, 4003, 4401, 4403]),
      examples: [
        .yes(
          "websockets.exceptions.ConnectionClosedError: received 1008 (policy violation) invalid token; then sent 1008 (policy violation) invalid token"
        ),
        .yes("WebSocket closed with code 4401"),
        .no("WebSocket closed with code 1011"),
      ]),
  ]
}
