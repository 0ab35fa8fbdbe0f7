/// Transport and environment failures: the request never got an answer, or the machine gave out.
extension BuiltInRules {
  static let transport: [Rule] = [
    Rule(
      "go_dial_refused", .infrastructure, .transport,
      "Go's net package could not open a TCP connection: nothing listens at the address.",
      Matcher(anyText: ["connect: connection refused"], text: re(#"dial (tcp|udp)[46]? [^\s]+: connect: connection refused"#)),
      examples: [
        .yes("Get \"http://127.0.0.1:8080/health\": dial tcp 127.0.0.1:8080: connect: connection refused"),
        .no("Get \"http://api/x\": context deadline exceeded"),
      ]),
    Rule(
      "node_econnrefused", .infrastructure, .transport,
      "Node reports ECONNREFUSED when the peer has no listener on the port.",
      Matcher(anyText: ["econnrefused"]),
      examples: [
        .yes("FetchError: request to http://127.0.0.1:9/api failed, reason: connect ECONNREFUSED 127.0.0.1:9"),
        .yes("Error: connect ECONNREFUSED ::1:5432", type: "Error"),
        .no("TypeError: Cannot read properties of undefined (reading 'id')"),
      ]),
    Rule(
      "java_connect_exception", .infrastructure, .transport,
      "java.net.ConnectException: the TCP connect was refused or could not be made.",
      Matcher(anyText: ["java.net.connectexception", "connectexception:", "httphostconnectexception", "connection refused: connect"]),
      examples: [
        .yes("java.net.ConnectException: Connection refused (Connection refused)"),
        .yes("org.apache.http.conn.HttpHostConnectException: Connect to localhost:8080 failed"),
        .no("java.lang.IllegalStateException: Connection pool shut down"),
      ]),
    Rule(
      "network_unreachable", .infrastructure, .transport,
      "The machine has no route to the address: a network that is down, a missing route or VPN, or a sandbox without network.",
      Matcher(anyText: [
        "network is unreachable", "errno 101]", "enetunreach", "no route to host", "errno 113]", "ehostunreach", "host is unreachable",
        "cannot assign requested address", "errno 99]", "network unreachable",
      ]),
      examples: [
        .yes(
          "urllib3.exceptions.NewConnectionError: <HTTPConnection object>: Failed to establish a new connection: [Errno 101] Network is unreachable"
        ),
        .yes("Error: connect EHOSTUNREACH 10.0.0.7:443"),
        .yes("java.net.NoRouteToHostException: No route to host"),
        .no("ConnectionRefusedError: [Errno 111] Connection refused"),
      ]),
    Rule(
      "connection_refused", .infrastructure, .transport,
      "The service did not accept the connection: down, not deployed, or on another port.",
      Matcher(anyText: [
        "connection refused", "errno 111]", "errno 61]", "winerror 10061", "actively refused", "failed to establish a new connection",
        "connectionrefusederror", "all connection attempts failed", "cannot connect to host", "couldn't connect to server",
        "failed to connect to",
      ]),
      examples: [
        .yes(
          "requests.exceptions.ConnectionError: HTTPConnectionPool(host='127.0.0.1', port=1): Max retries exceeded with url: /ping "
            + "(Caused by NewConnectionError('Failed to establish a new connection: [Errno 111] Connection refused'))"),
        .yes("httpx.ConnectError: All connection attempts failed"),
        .yes(
          "aiohttp.client_exceptions.ClientConnectorError: Cannot connect to host 127.0.0.1:1 ssl:default [Connect call failed ('127.0.0.1', 1)]"
        ),
        .yes("ConnectionRefusedError: [Errno 111] Connect call failed ('127.0.0.1', 6379)"),
        .no("assert 'refused' in reasons"),
      ]),
    Rule(
      "connection_reset", .infrastructure, .transport,
      "The peer dropped the connection mid-request: a crash, a restart, or a proxy cutting it.",
      Matcher(anyText: [
        "connection reset", "econnreset", "reset by peer", "broken pipe", "remotedisconnected", "remote end closed connection",
        "connection aborted", "serverdisconnectederror", "server disconnected", "incompleteread", "socket hang up",
        "unexpected eof", "empty reply from server", "connection closed prematurely", "remoteprotocolerror", "other side closed",
        "und_err_socket",
      ]),
      examples: [
        .yes(
          "requests.exceptions.ConnectionError: ('Connection aborted.', RemoteDisconnected('Remote end closed connection without response'))"
        ),
        .yes("Error: socket hang up"),
        .yes("ConnectionResetError: [Errno 104] Connection reset by peer"),
        .no("assert conn.closed"),
      ]),
    Rule(
      "dns_failure", .infrastructure, .transport,
      "The host name did not resolve: DNS is down, or the name is not what the environment serves.",
      Matcher(anyText: [
        "name or service not known", "nodename nor servname", "getaddrinfo", "no such host",
        "temporary failure in name resolution", "unknownhostexception", "could not resolve host", "failed to resolve",
        "name resolution", "eai_again", "no address associated with hostname",
      ]),
      examples: [
        .yes("requests.exceptions.ConnectionError: Failed to resolve 'api.staging.invalid' ([Errno -2] Name or service not known)"),
        .yes("Get \"https://api.internal/x\": dial tcp: lookup api.internal on 10.0.0.2:53: no such host"),
        .yes("java.net.UnknownHostException: api.staging.example.com"),
        .yes("Error: getaddrinfo ENOTFOUND api.staging.local"),
        .no("KeyError: 'host'"),
      ]),
    Rule(
      "tls_failure", .infrastructure, .transport,
      "The TLS handshake failed: an expired or self-signed certificate, or a plain-HTTP port.",
      Matcher(anyText: [
        "certificate verify failed", "sslerror", "ssl: ", "sslhandshakeexception", "x509: ", "tls handshake", "certificate has expired",
        "self signed certificate", "self-signed certificate", "wrong version number", "pkix path building failed",
        "unable to verify the first certificate", "err_tls", "ssl routines", "[ssl", "sslerror",
      ]),
      examples: [
        .yes(
          "requests.exceptions.SSLError: HTTPSConnectionPool(host='127.0.0.1', port=8443): [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed"
        ),
        .yes("javax.net.ssl.SSLHandshakeException: PKIX path building failed"),
        .yes("Get \"https://x\": x509: certificate signed by unknown authority"),
        .no("assert cert.subject == 'CN=api'"),
      ]),
    Rule(
      "python_timeout", .infrastructure, .transport,
      "A Python client gave up waiting: the service is slow, overloaded or unreachable.",
      Matcher(
        anyText: ["timed out", "timeout"],
        exception: re(
          #"(^|\.)(ReadTimeout|ConnectTimeout|ConnectTimeoutError|ReadTimeoutError|TimeoutError|Timeout|timeout|PoolTimeout|WriteTimeout|ServerTimeoutError|TimeoutException)$"#
        )),
      examples: [
        .yes("HTTPConnectionPool(host='127.0.0.1', port=8080): Read timed out. (read timeout=1)", type: "requests.exceptions.ReadTimeout"),
        .yes("timed out", type: "httpx.ReadTimeout"),
        .yes("timed out after 30.0s waiting for 10.0.0.4:5432", type: "TimeoutError"),
        .no("assert timeout == 30", type: "AssertionError"),
      ]),
    Rule(
      "asyncio_timeout", .infrastructure, .transport, .medium,
      "An awaited call hit its deadline (asyncio.wait_for, asyncio.timeout): usually a service that never answered.",
      Matcher(exception: re(#"^(asyncio\.(exceptions\.)?)?TimeoutError$"#)),
      examples: [.yes("", type: "asyncio.exceptions.TimeoutError"), .no("", type: "asyncio.CancelledError")]),
    Rule(
      "timeout_in_assertion", .infrastructure, .transport, .low,
      "An assertion's own message says something timed out: usually a service that never answered, but the wait may be the test's.",
      Matcher(
        anyText: ["timed out", "deadline exceeded", "timeout occurred", "timeout expired", "timeout waiting", "timeout while"],
        exception: re(#"(^|\.)(AssertionError|AssertionFailedError|AssertError)$"#)),
      examples: [
        .yes("AssertionError: Waiting for request <RequestMatcher uri='/foobar'> timed out", type: "AssertionError"),
        .no("requests.exceptions.ReadTimeout: Read timed out.", type: "requests.exceptions.ReadTimeout"),
      ]),
    Rule(
      "timeout_text", .infrastructure, .transport,
      "A client or runtime says the operation timed out (Go, Node, Java, .NET, any library).",
      Matcher(anyText: [
        "timed out", "context deadline exceeded", "etimedout", "i/o timeout", "sockettimeoutexception", "read timeout",
        "connect timeout", "timeout exceeded", "timeoutexception", "httpclient.timeout", "esockettimedout", "deadline exceeded",
        "operation timed out", "aborted due to timeout", "timeout on reading data", "und_err_headers_timeout", "und_err_connect_timeout",
      ]),
      examples: [
        .yes("Get \"http://api/x\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)"),
        .yes("java.net.SocketTimeoutException: Read timed out"),
        .yes("Error: connect ETIMEDOUT 10.0.0.1:443"),
        .yes(
          "System.Threading.Tasks.TaskCanceledException: The request was canceled due to the configured HttpClient.Timeout of 100 seconds elapsing."
        ),
        .no("assert settings['timeout'] == 30"),
      ]),
    Rule(
      "dotnet_http_request_exception", .infrastructure, .transport,
      ".NET's HttpClient could not reach the server (no status was received).",
      Matcher(
        anyText: ["no connection could be made", "an error occurred while sending the request", "no such host is known"],
        exception: re(#"HttpRequestException$"#)),
      examples: [
        .yes(
          "No connection could be made because the target machine actively refused it. (localhost:5001)",
          type: "System.Net.Http.HttpRequestException"),
        .no("Response status code does not indicate success: 404 (Not Found).", type: "System.Net.Http.HttpRequestException"),
      ]),
    Rule(
      "database_unreachable", .infrastructure, .transport,
      "The database did not accept the connection (psycopg, SQLAlchemy, JDBC).",
      Matcher(
        anyText: [
          "could not connect to server", "is the server running", "connection to server at", "could not translate host name",
          "communications link failure", "the connection attempt failed", "too many connections", "remaining connection slots",
          "database system is starting up", "database system is shutting down",
        ], noneText: ["password authentication failed", "authentication failed", "access denied for user", "no password supplied"]),
      examples: [
        .yes(
          "psycopg.OperationalError: connection failed: connection to server at \"127.0.0.1\", port 5432 failed: Connection refused\n\tIs the server running on that host and accepting TCP/IP connections?"
        ),
        .yes("com.mysql.cj.jdbc.exceptions.CommunicationsException: Communications link failure"),
        .no("psycopg.errors.UniqueViolation: duplicate key value violates unique constraint"),
        .no(
          "psycopg2.OperationalError: connection to server at \"127.0.0.1\", port 55432 failed: FATAL:  password authentication failed for user \"app\""
        ),
      ]),
    Rule(
      "redis_unreachable", .infrastructure, .transport,
      "The cache did not answer (redis-py, ioredis, Jedis).",
      Matcher(
        anyText: [
          "redis.exceptions.connectionerror", "redis.exceptions.timeouterror", "error connecting to redis", "jedisconnectionexception",
          "connecting to localhost:6379", "redisconnectionexception",
        ], noneText: []),
      examples: [
        .yes("redis.exceptions.ConnectionError: Error 111 connecting to localhost:6379. Connection refused."),
        .no("AssertionError: assert cache.get('k') == b'v'"),
      ]),
    Rule(
      "curl_transport_exit", .infrastructure, .transport,
      "curl exited with a transport error: 6 DNS, 7 connect, 28 timeout, 35/60 TLS, 52 empty reply, 55/56 send/receive.",
      Matcher(curlExit: [5, 6, 7, 28, 35, 52, 55, 56, 60]),
      examples: [
        .yes("curl: (7) Failed to connect to 127.0.0.1 port 1 after 0 ms: Couldn't connect to server"),
        .linked("assert resp.ok", curlExit: 28),
        .no("curl: (22) The requested URL returned error: 404"),
      ]),
    Rule(
      "resource_exhausted_host", .infrastructure, .transport,
      "The machine ran out of memory, disk or file handles: the environment, not the code.",
      Matcher(anyText: [
        "no space left on device", "enospc", "cannot allocate memory", "outofmemoryerror", "too many open files",
        "memoryerror", "oomkilled", "out of memory", "errno 12]", "errno 28]", "errno 24]", "disk quota exceeded", "edquot", "emfile",
        "oom-kill", "killed by signal 9", "exit code 137", "exit status 137",
      ]),
      examples: [
        .yes("OSError: [Errno 28] No space left on device"), .yes("java.lang.OutOfMemoryError: Java heap space"),
        .no("assert free_space > 0"),
      ]),
    Rule(
      "service_unavailable_text", .infrastructure, .exception, .medium,
      "The response or message says the service or one of its dependencies is unavailable, though no status was printed.",
      Matcher(anyText: [
        "service unavailable", "temporarily unavailable", "'unavailable'", "\"unavailable\"", "upstream connect error",
        "no healthy upstream",
        "connection pool exhausted", "environment not available", "environment unavailable", "server is not ready", "maintenance mode",
        "bad gateway", "backend unavailable", "is currently unavailable",
      ]),
      examples: [
        .yes("AssertionError: assert 'items' in {'error': 'unavailable', 'message': 'database connection pool exhausted'}"),
        .yes("upstream connect error or disconnect/reset before headers"),
        .no("AssertionError: feature flag 'beta' not enabled"),
      ]),
    Rule(
      "setup_connection_error", .infrastructure, .exception, .medium,
      "A fixture or setUp failed with a connection-level exception: the environment was not ready.",
      Matcher(
        exception: re(#"(^|\.)(ConnectionError|OSError|socket\.error|ClientConnectionError|ConnectError|NetworkError|IOException)$"#),
        phase: [.setup]),
      examples: [
        .yes("OSError: [Errno 99] Cannot assign requested address", type: "OSError", phase: .setup),
        .no("OSError: [Errno 99] Cannot assign requested address", type: "OSError", phase: .call),
      ]),
  ]
}
