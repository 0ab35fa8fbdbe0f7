# werkzeug: WSGI toolkit; tests include a real dev server in subprocesses on 127.0.0.1 (test_serving,
# test_debug), the reloader (watchdog), adhoc TLS certificates (cryptography), and file uploads.
VER=3.1.9
setup() {
  SRC=$(fetch_sdist werkzeug $VER)
  mkvenv werkzeug "$here/requirements/werkzeug.txt" "$SRC"
  export V=$S/venv/werkzeug
}
run_healthy() {
  export W=$(fresh_copy "$SRC" werkzeug-healthy)
  in_netns werkzeug-healthy 'cd "$W" && pyt --timeout=60 tests --junitxml="$LOG/junit.xml"'
}
# Broken: the optional `cryptography` package (ad-hoc and dev TLS certificates) is not installed.
run_missing_crypto() {
  export W=$(fresh_copy "$SRC" werkzeug-missing-crypto)
  rm -rf "$S/venv/werkzeug-nocrypto"; cp -a "$V" "$S/venv/werkzeug-nocrypto"
  "$S/venv/werkzeug-nocrypto/bin/python" -m pip uninstall -q -y cryptography >&2
  export V=$S/venv/werkzeug-nocrypto
  in_netns werkzeug-missing-crypto 'cd "$W" && pyt --timeout=60 tests/test_serving.py tests/test_debug.py tests/test_utils.py --junitxml="$LOG/junit.xml"'
  export V=$S/venv/werkzeug
}
# Broken (regression): patches/werkzeug-quote-header.patch turns issuperset into issubset in
# http.quote_header_value, so plain token values get quoted.
run_regression() {
  export W=$(fresh_copy "$SRC" werkzeug-regression); apply_patch "$W" werkzeug-quote-header
  in_netns werkzeug-regression 'cd "$W" && PYTHONPATH="$W/src" pyt --timeout=60 tests/test_http.py tests/test_datastructures.py tests/test_wrappers.py tests/test_test.py tests/test_utils.py'
}
runs() { run_healthy; run_missing_crypto; run_regression; }
