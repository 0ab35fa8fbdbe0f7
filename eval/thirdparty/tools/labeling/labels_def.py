# Hand labels for eval/thirdparty/logs, written after reading each log's failures
# (eval/thirdparty/tools/failures.py to list them, --show to read a full section).
HEADER = ""  # filled in at the end of this file
CAP = {}
OVERRIDE = {}
RULES = {}
I, A, R, G = "infrastructure", "auth", "routing", "logic"

RO_BASETEMP = (r"PermissionError: \[Errno 13\] Permission denied: 'src/\.ro/basetemp'", I,
               "PermissionError creating tmp_path: pytest's --basetemp dir is read-only for the unprivileged user (read-only dir set-up)")

RULES["click-readonly-tmp"] = [RO_BASETEMP]
CAP["click-readonly-tmp"] = 20
RULES["filelock-readonly-tmp"] = [RO_BASETEMP]
CAP["filelock-readonly-tmp"] = 30
RULES["python_dotenv-readonly-tmp"] = [RO_BASETEMP]
CAP["python_dotenv-readonly-tmp"] = 30
RULES["python_dotenv-missing-exe"] = [
    (r"FileNotFoundError: \[Errno 2\] No such file or directory: 'dotenv'", I,
     "subprocess cannot find the `dotenv` executable: console script's dir not on PATH (missing executable)"),
]
RULES["flask-healthy"] = [
    (r"assert 404 == 400", G,
     "assert 404 == 400: a non-printable Host header is no longer rejected with 400 by the installed werkzeug, the route-less app answers 404; behaviour/expectation mismatch, not a routing fault"),
]
RULES["werkzeug-healthy"] = [
    (r"Timeout \(>60\.0s\) from pytest-timeout", I,
     "pytest-timeout (60 s) while waiting for the watchdog reloader to log the file change; the reloader is still scanning sys.path on a loaded 2-core box (timeout; text alone does not show the cause)"),
]
RULES["redis-healthy"] = [
    (r"DEBUG command not allowed", I,
     "server refuses DEBUG (redis 7 default enable-debug-command=no); the test needs a server configured to allow it (server configuration)"),
    (r"Error 111 connecting to localhost:6379|Connect call failed \('127\.0\.0\.1', 6379\)", I,
     "connection refused on 6379: this test ignores --redis-url and uses the default port, where no server runs"),
    (r"test_acl_getuser_setuser", G,
     "assertion on ACL categories: server (7.0) returns a different category set ('-@geo' missing) than the test expects; needs a version gate in the test"),
    (r"test_acl_log", G, "assert 2 == 3 on the number of ACL log entries: server 7.0 logs differently than the test expects"),
    (r"test_xgroup_create_entriesread", G, "xinfo_groups diff: lag -6 != 1; server 7.0 computes consumer-group lag differently from the test's expectation"),
    (r"sendall.*call_count|assert 0 == 3", G, "assert 0 == 3 on a mocked socket's sendall call count: the client no longer retries the way the test expects"),
]
RULES["redis-auth-required"] = [
    (r"HELLO must be called with the client already authenticated", A,
     "AuthenticationError: server requires a password (requirepass) and the client sent none (HELLO without AUTH)"),
    (r"AuthenticationError: Authentication required", A,
     "AuthenticationError: Authentication required — server has requirepass, suite's redis URL has no password"),
    (r"Error 111 connecting to localhost:6379", I,
     "connection refused on localhost:6379: the test ignores --redis-url and uses the default port, where nothing listens"),
    (r"sendall.*call_count|assert 0 == 3", G, "assert 0 == 3 on a mocked socket's sendall call count: retry behaviour differs from the test's expectation (same failure as in the healthy run)"),
]
CAP["redis-auth-required"] = 14
RULES["tornado-expired-cert"] = [
    (r"certificate has expired", I,
     "cert-expired: TLS handshake fails 'certificate verify failed: certificate has expired' (test server cert expired)"),
]
RULES["websocket_client-no-internet"] = [
    (r"Temporary failure in name resolution", I,
     "DNS resolution fails (no network in the sandbox) for an internet test enabled by TEST_WITH_INTERNET=1"),
]
RULES["pytest_httpserver-stale-proxy"] = [
    (r"ProxyError|Unable to connect to proxy", I,
     "requests routed through HTTP_PROXY 127.0.0.1:3128, where nothing listens: ProxyError connection refused (stale proxy env)"),
    (r"urlopen error \[Errno 111\] Connection refused", I,
     "urllib readiness probe goes through the dead HTTP_PROXY: URLError connection refused (stale proxy env)"),
    (r"Waiting for request .* timed out", I,
     "blocking server waited for a request that never came: the client sent it to the dead proxy from HTTP_PROXY (stale proxy env; the text shows only the wait timeout)"),
]
CAP["pytest_httpserver-stale-proxy"] = 40
RULES["redis-server-down"] = [
    (r"Error 111 connecting to localhost:6379", I,
     "connection refused on localhost:6379 (default port; no redis server running)"),
    (r"Error 111 connecting to 127\.0\.0\.1:6399|Connect call failed \('127\.0\.0\.1', 6399\)", I,
     "redis ConnectionError: connection refused on 127.0.0.1:6399 — redis server not running"),
    (r"sendall.*call_count|assert 0 == 3", G, "assert 0 == 3 on a mocked socket's sendall call count: retry behaviour differs from the test's expectation (same failure as in the healthy run)"),
]
CAP["redis-server-down"] = 9
RULES["node-bad-token"] = [(r"401 !== 201", A, "POST answered 401 'invalid or expired token': the suite's INVENTORY_TOKEN is a revoked token")]
RULES["node-missing-token"] = [(r"401 !== 201", A, "POST answered 401: INVENTORY_TOKEN not set, request sent without credentials (missing API key)")]
RULES["node-expired-cert"] = [(r"fetch failed", I, "cert-expired: fetch failed, cause CERT_HAS_EXPIRED — the HTTPS server's certificate has expired")]
RULES["node-missing-exe"] = [(r"spawnSync (git|tar) ENOENT", I, "spawnSync ENOENT: git/tar not on PATH (missing executable)")]
RULES["node-readonly-export"] = [(r"EACCES: permission denied", I, "EACCES writing into EXPORT_DIR: the export directory is read-only")]
RULES["node-server-down"] = [(r"fetch failed", I, "fetch failed, cause ECONNREFUSED 127.0.0.1:8787 — API server not running")]
RULES["node-server-next"] = [
    (r"total 40 below", G, "report total 40 < 55: the deployed server build sums only the first item (regression in the code under test)"),
    (r"301 !== 200", R, "GET /stock answered 301 to /api/v2/stock: endpoint moved, unexpected redirect"),
]
RULES["node-wrong-base-url"] = [
    (r"404 !== 20[01]", R, "404 from the API: INVENTORY_URL points at /api/v2, a base path the server has no routes for (wrong base URL)"),
    (r"items\.map is not a function", R, "TypeError items.map: /api/v2/items answered a 404 error object instead of the list (wrong base URL; text shows only the TypeError)"),
]
RULES["psycopg2-healthy"] = [
    (r"test_pgconn_ptr", G, "assert 0 != 150018: PQserverVersion called through the libpq ctypes finds on the system, not the one bundled in psycopg2-binary; the test's assumption about libpq fails [ambiguous: an install-layout mismatch, no service is down]"),
]
RULES["psycopg2-db-down"] = [
    (r"Connection refused", I, "psycopg2 OperationalError: connection to 127.0.0.1:55432 refused — PostgreSQL not running"),
]
CAP["psycopg2-db-down"] = 15
RULES["websocket_client-server-down"] = [
    (r"Timeout \(>30\.0s\) from pytest-timeout", I, "pytest-timeout: the reconnect loop never gets a connection because the echo server is not running [text-hides-cause]"),
    (r"ConnectionRefusedError\(111.*is not an instance of", I, "on_error got ConnectionRefusedError instead of the callback's RuntimeError: the echo server is not running"),
    (r"True != False", I, "run_forever returned True (error teardown) instead of False: the connection was refused, echo server not running (captured log: Connection refused) [text-hides-cause]"),
    (r"ConnectionRefusedError: \[Errno 111\] Connection refused", I, "ConnectionRefusedError connecting to ws://127.0.0.1:8765: the local echo server is not running"),
]
RULES["websocket_client-wrong-server"] = [
    (r"Handshake status 200 OK", R, "WebSocketBadStatusException: handshake answered 200 OK with a SimpleHTTP directory listing — LOCAL_WS_SERVER_PORT points at a plain HTTP file server, not the websocket echo server (wrong service)"),
    (r"Timeout \(>30\.0s\) from pytest-timeout", R, "pytest-timeout: reconnect loop keeps failing the handshake against the plain HTTP server on the websocket port (wrong service) [text-hides-cause]"),
    (r"True != False", R, "run_forever returned True (error teardown): the handshake failed against a plain HTTP server on the websocket port (wrong service) [text-hides-cause]"),
]
RULES["pytest_httpserver-expired-cert"] = [
    (r"certificate has expired", I, "cert-expired: requests SSLError 'certificate verify failed: certificate has expired' — the shipped server cert is expired"),
]
RULES["psycopg2-wrong-password"] = [
    (r"password authentication failed", A, "psycopg2 OperationalError: FATAL password authentication failed for user evaltest — wrong password in PSYCOPG2_TESTDB_PASSWORD"),
]
CAP["psycopg2-wrong-password"] = 18
RULES["psycopg2-missing-env"] = [
    (r"/var/run/postgresql/\.s\.PGSQL.*No such file or directory", I, "psycopg2 OperationalError: no server socket at /var/run/postgresql — PSYCOPG2_TESTDB_HOST/PORT/USER not set, libpq falls back to defaults where no server is (missing env vars)"),
]
CAP["psycopg2-missing-env"] = 12
RULES["virtualenv-healthy"] = [
    (r"seed failed due to failing to download wheels", I, "seed step runs pip download of the `wheel` wheel: no network in the sandbox (captured: Temporary failure in name resolution)"),
]
RULES["plumbum-missing-exe"] = [
    (r"CommandNotFound: \('(\w+)'", I, "plumbum CommandNotFound: `{1}` not on PATH (PATH holds only python: missing executable)"),
    (r"cannot import name '(\w+)' from 'plumbum\.(?:async_)?cmd'", I, "ImportError from plumbum.cmd: that module resolves names to executables on PATH and `{1}` is not there (missing executable, not a broken project import)"),
    (r"AttributeError: (ls|echo)\b", I, "AttributeError `{1}` from local.cmd: the command lookup finds no `{1}` executable on PATH (missing executable)"),
    (r"has no attribute 'mount'", I, "monkeypatch of plumbum.cmd.mount fails: no `mount` executable on PATH, so plumbum.cmd has no such attribute (missing executable) [text-hides-cause]"),
    (r"name 'printenv' is not defined", I, "NameError printenv: the test module's guarded `from plumbum.cmd import printenv` found no printenv on PATH (missing executable) [text-hides-cause]"),
    (r"'NoneType' object is not subscriptable", I, "bash is None: the module-level lookup of the bash executable found nothing on PATH (missing executable) [text-hides-cause]"),
    (r"assert \(?'ls' in", I, "`ls` not found by the local machine's PATH lookup (missing executable)"),
    (r"No such file or directory: '(\w+)'", I, "FileNotFoundError spawning `{1}`: not on PATH (missing executable)"),
    (r"/bin/sh: 1: (\w+): not found", I, "/bin/sh: `{1}` not found — the shell's PATH holds only python (missing executable)"),
]
CAP["plumbum-missing-exe"] = 15
CAP["python_dotenv-missing-exe"] = 10
CAP["python_dotenv-readonly-tmp"] = 10
RULES["python_dotenv-warnings-as-errors"] = [
    (r"DeprecationWarning: 'isolated_filesystem' is deprecated", G, "DeprecationWarning turned into an error (-W error): the cli fixture uses click's deprecated CliRunner.isolated_filesystem"),
]
CAP["python_dotenv-warnings-as-errors"] = 10
RULES["python_dotenv-regression"] = [
    (r"value='b( c)? '", G, "parse_stream assertion: unquoted value keeps its trailing space ('b ' vs 'b') — regression in the parser (code under test)"),
]
RULES["python_dotenv-broken-import"] = [
    (r"cannot import name 'parse_variables' from 'dotenv\.variables'", G, "collection ImportError in the project's own package: dotenv.variables.parse_variables was renamed but its importers were not (code under test)"),
]
RULES["click-regression"] = [
    (r"ValueError: 'Positional arguments:' is not in list", G, "ValueError: help output has no 'Positional arguments:' line — the heading lost its colon (regression in click/formatting.py)"),
    (r"assert '[^']*(?:arguments|Options)(?:\\x1b\[0m)?:' in", G, "assertion on help output: the section heading is printed without its colon (regression in click/formatting.py)"),
    (r"Commands:\\\\n", G, "regex for 'Commands:' heading finds nothing in the help output: headings lost their colon (regression in click/formatting.py)"),
    (r"test_formatting\.py:\d+: AssertionError", G, "help text differs from the expected lines (section heading without colon) — regression in click/formatting.py"),
]
RULES["sqlalchemy-pg-healthy"] = [
    (r"prepared transactions are disabled|max_prepared_transactions", I, "PostgreSQL refuses PREPARE TRANSACTION: max_prepared_transactions=0 on this server (server configuration)"),
    (r'collation "en_US" for encoding "UTF8" does not exist', I, "PostgreSQL: collation en_US does not exist on this server (locale not installed — environment)"),
]
U3_HYPERCORN = [
    (r"test_http2_probe_blocked_per_thread", I, "connects to the tarpit address 10.255.255.1 expecting a connect timeout; in the loopback-only sandbox it fails at once (no route), so the per-thread ordering/timeout expectations break [text-hides-cause]"),
    (r"JSONDecodeError|assert 500 == 200", I, "dummy test server answers 500 (KeyError 'tls' in its ASGI app): urllib3's tests need its hypercorn fork (not on PyPI), the PyPI hypercorn does not provide the TLS scope extension (dependency mismatch) [ambiguous]"),
    (r"TLS/SSL connection has been closed \(EOF\)", I, "TLS EOF from the dummy proxy (KeyError '_transport' in its ASGI app): urllib3's tests need its hypercorn fork (not on PyPI), PyPI hypercorn installed (dependency mismatch) [ambiguous]"),
]
RULES["urllib3-healthy"] = list(U3_HYPERCORN)
CAP["urllib3-healthy"] = 15
RULES["werkzeug-missing-crypto"] = [
    (r"Using ad-hoc certificates requires the cryptography library", I, "TypeError 'Using ad-hoc certificates requires the cryptography library': the optional cryptography package is not installed (missing package)"),
    (r"test_reloader_sys_path\[watchdog\]", I, "pytest-timeout (60 s) waiting for the watchdog reloader to log the change (same as in the healthy run; slow watcher start-up on the loaded box) [text-hides-cause]"),
    (r"ConnectionResetError: \[Errno 104\] Connection reset by peer", I, "TLS handshake to the ad-hoc-certificate dev server reset by peer: the server subprocess cannot make its certificate without the missing cryptography package [text-hides-cause]"),
    (r"ConnectionRefusedError.*Timeout \(>60\.0s\)", I, "dev server with TLS never comes up (its subprocess needs the missing cryptography package to make a certificate): connection refused until pytest-timeout [text-hides-cause]"),
]
RULES["werkzeug-regression"] = [
    (r"tests/test_\w+\.py:\d+: AssertionError", G, "header serialization assertion: plain token values come out quoted (or parse differently) — regression in werkzeug http.quote_header_value (code under test)"),
]
RULES["urllib3-expired-cert"] = [
    (r"test_http2_probe_blocked_per_thread", I, "connects to the tarpit address 10.255.255.1 expecting a connect timeout; in the loopback-only sandbox it fails at once (no route), so the per-thread ordering expectation breaks (as in the healthy run) [text-hides-cause]"),
    (r"assert '\[SSL: CERTIF\.\.\. \(_ssl\.c:\d+\)' == 'Fingerprints|== '\[SSL: CERTIF", I, "cert-expired: the test expected a fingerprint/hash-function error but the handshake already fails with 'certificate has expired'"),
    (r"Fingerprints did not match\. Expected \"\w+\", got", I, "pinned fingerprint of the shipped server cert no longer matches: the set-up re-issued that cert (expired copy), so the test's pinned value is stale [ambiguous]"),
    (r"ResourceWarning: unclosed", G, "PytestUnraisableExceptionWarning (warnings are errors in this suite) for a socket left unclosed — leaked on the error path of an earlier cert-expired failure and reported in this test [ambiguous]"),
    (r"certificate has expired|CERTIFICATE_EXPIRED", I, "cert-expired: TLS handshake fails 'certificate verify failed: certificate has expired' (dummy server cert expired)"),
]
CAP["urllib3-expired-cert"] = 25
RULES["urllib3-missing-pkg"] = [
    (r"No module named 'socks'", I, "collection ModuleNotFoundError: the optional PySocks package (module socks) is not installed (missing package)"),
]
CAP["urllib3-healthy"] = 10
OVERRIDE[("urllib3-expired-cert", "test/with_dummyserver/test_socketlevel.py::TestSocketClosing::test_socket_shutdown_stops_recv")] = (I, "cert-expired: client got no response (assert None is not None); the teardown error shows why — handshake failed 'certificate has expired' / server thread 'sslv3 alert certificate expired'")
OVERRIDE[("urllib3-expired-cert", "test/test_ssltransport.py::TlsInTlsTestCase::test_tls_in_tls_tunnel")] = (I, "setup error from an unhandled thread exception (SSLZeroReturnError EOF) of an earlier test's TLS server thread, whose client dropped the handshake over the expired cert [ambiguous]")

HEADER = """# Hand labels for eval/thirdparty/logs: one row per failed or errored test of the kept logs
# (sampled dirs: see below). Written by reading the failures: every distinct error message of every
# log dir, and the full failure section wherever the message alone did not settle the cause
# (tools/failures.py lists them, --show prints a section); `report` was never run on these logs.
# columns: log_dir<TAB>test_id<TAB>category<TAB>reason
# test_id: pytest node id as printed in the log's short test summary (FAILED/ERROR lines); for a
#   collection error, the module path. node:test logs (node-*): classname::name of the JUnit
#   <testcase> in junit.xml (Node writes classname="test" for every test, so ids read test::<name>).
# category: infrastructure | auth | routing | logic — the cause of the failure, as the set-up and
#   the failure text show it (see the tags below for the cases where the text shows only a symptom). Expired certificates are infrastructure and their reason contains "cert-expired".
#   Warnings turned into errors are logic. Skipped tests are not labeled.
# tags in reasons: [text-hides-cause] the failure text shows only a symptom of the labeled cause;
#   [ambiguous] a reasonable reader could choose another category (README.md says why).
# sampling: a log dir with more failures than its cap is sampled: failures grouped by error message
#   (last E lines, digits masked); each distinct message kept at least once, the rest in proportion,
#   evenly spaced in log order. Dirs sampled and their totals: SAMPLED
"""
RULES["redis-wrong-password"] = [
    (r"invalid username-password pair", A, "AuthenticationError: invalid username-password pair — the suite's redis URL carries a wrong password"),
    (r"HELLO must be called with the client already authenticated", A, "AuthenticationError: this test builds its own client without the URL's credentials; the server requires a password (requirepass)"),
    (r"Error 111 connecting to localhost:6379", I, "connection refused on localhost:6379: the test ignores --redis-url and uses the default port, where nothing listens"),
    (r"sendall.*call_count|assert 0 == 3", G, "assert 0 == 3 on a mocked socket's sendall call count: retry behaviour differs from the test's expectation (same failure as in the healthy run)"),
]
CAP["redis-wrong-password"] = 10
CAP["redis-healthy"] = 20
CAP["redis-auth-required"] = 10
CAP["redis-server-down"] = 7
WP = "the proxy from HTTP_PROXY (127.0.0.1:3128) is a plain static file server that answers the test's requests itself"
RULES["pytest_httpserver-wrong-proxy"] = [
    (r"DID NOT RAISE", R, "DID NOT RAISE: the error the test expects from the test server never happens because " + WP + " (wrong service) [text-hides-cause]"),
    (r"Waiting for request .* timed out|Wait timeout occurred", R, "test server waited for a request that never came: " + WP + " (wrong service) [text-hides-cause]"),
    (r"JSONDecodeError", R, "JSONDecodeError: the body is the HTML error page of the wrong service — " + WP + " [text-hides-cause]"),
    (r"KeyError: 'x-example'", R, "KeyError x-example: response headers come from the wrong service — " + WP + " [text-hides-cause]"),
    (r"HTTP Error 404: File not found|404 Client Error|Response \[404\]|assert 404 ==", R, "HTTP 404 File not found: " + WP + " (wrong service)"),
    (r"Unsupported method|Response \[501\]|assert 501 ==", R, "HTTP 501 Unsupported method: " + WP + " (wrong service)"),
    (r"<!DOCTYPE HT|Error response", R, "response body is an HTML error page, not the test server's answer: " + WP + " (wrong service)"),
]
CAP["pytest_httpserver-wrong-proxy"] = 25
CAP["pytest_httpserver-stale-proxy"] = 15
