# tornado: async web framework; tests (unittest classes run with pytest) run HTTP/HTTPS servers and
# clients, IOStreams, TCP servers, websockets and subprocesses on 127.0.0.1.
VER=6.6.1
setup() {
  SRC=$(fetch_sdist tornado $VER)
  mkvenv tornado "$here/requirements/tornado.txt" "$SRC"
  export V=$S/venv/tornado
}
run_healthy() {
  export W=$(fresh_copy "$SRC" tornado-healthy); cp "$here/tornado_conftest.py" "$W/conftest.py"
  in_netns tornado-healthy 'cd "$W" && pyt tornado/test --junitxml="$LOG/junit.xml"'
}
# Broken: the suite's test certificate (tornado/test/test.crt, self-signed, key test.key) has expired:
# re-signed with notAfter=2020-01-01 (expire_cert.py).
run_expired_cert() {
  export W=$(fresh_copy "$SRC" tornado-expired-cert); cp "$here/tornado_conftest.py" "$W/conftest.py"
  "$(tools_python)" "$here/expire_cert.py" "$W/tornado/test/test.crt" --key "$W/tornado/test/test.key" >&2
  in_netns tornado-expired-cert 'cd "$W" && pyt tornado/test'
}
runs() { run_healthy; run_expired_cert; }
