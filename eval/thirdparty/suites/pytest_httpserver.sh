# pytest-httpserver: HTTP server fixture for tests; its tests start the server on 127.0.0.1 and hit it
# with requests (plain and HTTPS with the shipped test CA), threaded/blocking modes, ports, IPv4/IPv6.
VER=1.2.0
setup() {
  SRC=$(fetch_sdist pytest-httpserver $VER)
  mkvenv pytest_httpserver "$here/requirements/pytest_httpserver.txt" "$SRC"
  export V=$S/venv/pytest_httpserver
}
run_healthy() {
  export W=$(fresh_copy "$SRC" pytest_httpserver-healthy)
  in_netns pytest_httpserver-healthy 'cd "$W" && pyt tests --junitxml="$LOG/junit.xml"'
}
# (a subset: every request fails there with a long retry traceback, the whole suite's log is > 2 MB)
export HS_PROXY_TESTS="tests/test_blocking_httpserver.py tests/test_readiness.py tests/test_permanent.py tests/test_querystring.py tests/test_handler_errors.py tests/test_headers.py tests/examples"
# Broken: a stale proxy setting in the environment (HTTP_PROXY/HTTPS_PROXY to 127.0.0.1:3128, where
# nothing listens, no NO_PROXY): the client sends every request to the dead proxy.
run_stale_proxy() {
  export W=$(fresh_copy "$SRC" pytest_httpserver-stale-proxy)
  in_netns pytest_httpserver-stale-proxy 'cd "$W" && HTTP_PROXY=http://127.0.0.1:3128 HTTPS_PROXY=http://127.0.0.1:3128 bash -c "$(declare -f pyt); pyt $HS_PROXY_TESTS"'
}
# Broken: the shipped server certificate (tests/assets/server.crt, issued by the shipped rootCA) has
# expired: re-issued by the same CA key with notAfter=2020-01-01.
run_expired_cert() {
  export W=$(fresh_copy "$SRC" pytest_httpserver-expired-cert)
  "$(tools_python)" "$here/expire_cert.py" "$W/tests/assets/server.crt" \
    --signer-cert "$W/tests/assets/rootCA.crt" --signer-key "$W/tests/assets/rootCA.key" >&2
  in_netns pytest_httpserver-expired-cert 'cd "$W" && pyt --ssl tests/test_ssl.py --junitxml="$LOG/junit.xml"'
}
# Broken: the proxy setting points at a live but wrong service: a plain static file server
# (python -m http.server) on 127.0.0.1:3128 answers the proxied requests itself (404 / 501).
run_wrong_proxy() {
  export W=$(fresh_copy "$SRC" pytest_httpserver-wrong-proxy)
  in_netns pytest_httpserver-wrong-proxy 'mkdir -p "$W/.www"; (cd "$W/.www" && exec "$V/bin/python" -m http.server --bind 127.0.0.1 3128 > /dev/null 2>&1) & hpid=$!; wait_port 3128
    cd "$W" && HTTP_PROXY=http://127.0.0.1:3128 HTTPS_PROXY=http://127.0.0.1:3128 bash -c "$(declare -f pyt); pyt $HS_PROXY_TESTS --junitxml=\$LOG/junit.xml"; kill $hpid'
}
runs() { run_healthy; run_stale_proxy; run_expired_cert; run_wrong_proxy; }
