# urllib3: HTTP client; tests run real HTTP/HTTPS/HTTP2/proxy dummy servers (hypercorn, tornado-like
# socket servers) on 127.0.0.1, TLS verification with shipped and trustme-made certificates, SOCKS.
VER=2.8.0
# the session hangs at interpreter exit (a dummy-server thread that never stops) after printing its
# summary: a shorter overall timeout than the default 900 s ends it sooner
export PYTEST_TIMEOUT=420
setup() {
  SRC=$(fetch_sdist urllib3 $VER)
  mkvenv urllib3 "$here/requirements/urllib3.txt" "$SRC"
  export V=$S/venv/urllib3
}
run_healthy() {
  export W=$(fresh_copy "$SRC" urllib3-healthy)
  in_netns urllib3-healthy 'cd "$W" && pyt --timeout=60 test --junitxml="$LOG/junit.xml"'
}
# Broken: the dummy server's certificate (dummyserver/certs/server.crt, issued by the shipped test CA)
# has expired: it is re-issued by the same CA key with notAfter=2020-01-01 (expire_cert.py).
# (--tb=native: rendering one of its failures with the default style crashes pytest on Python 3.11.2,
# "SystemError: AST constructor recursion depth mismatch", and the log loses every failure section)
run_expired_cert() {
  export W=$(fresh_copy "$SRC" urllib3-expired-cert)
  "$(tools_python)" "$here/expire_cert.py" "$W/dummyserver/certs/server.crt" \
    --signer-cert "$W/dummyserver/certs/cacert.pem" --signer-key "$W/dummyserver/certs/cacert.key" >&2
  in_netns urllib3-expired-cert 'cd "$W" && pyt --timeout=60 --tb=native test/with_dummyserver/test_https.py test/with_dummyserver/test_socketlevel.py test/with_dummyserver/test_poolmanager.py test/test_ssltransport.py'
}
# Broken: optional packages the suite uses are missing (PySocks, brotli, zstandard uninstalled).
run_missing_pkg() {
  export W=$(fresh_copy "$SRC" urllib3-missing-pkg)
  rm -rf "$S/venv/urllib3-nosocks"; cp -a "$V" "$S/venv/urllib3-nosocks"
  # a venv copied this way still runs (scripts are invoked through $V/bin/python below)
  "$S/venv/urllib3-nosocks/bin/python" -m pip uninstall -q -y PySocks brotli zstandard >&2
  export V=$S/venv/urllib3-nosocks
  in_netns urllib3-missing-pkg 'cd "$W" && pyt --timeout=60 --continue-on-collection-errors test/contrib test/test_response.py --junitxml="$LOG/junit.xml"'
  export V=$S/venv/urllib3
}
runs() { run_healthy; run_expired_cert; run_missing_pkg; }
