# websocket-client: WebSocket client; tests run against the suite's own echo server (echo-server.py,
# the websockets library) on 127.0.0.1 when LOCAL_WS_SERVER_PORT is set, and against public hosts
# when TEST_WITH_INTERNET=1.
VER=1.9.2
WSPORT=8765
setup() {
  SRC=$(fetch_sdist websocket-client $VER)
  mkvenv websocket_client "$here/requirements/websocket_client.txt" "$SRC"
  export V=$S/venv/websocket_client WSPORT
}
start_echo='LOCAL_WS_SERVER_PORT=$WSPORT "$V/bin/python" "$W/websocket/tests/echo-server.py" > "$W/echo-server.log" 2>&1 & epid=$!; wait_port $WSPORT'
export start_echo
run_healthy() {
  export W=$(fresh_copy "$SRC" websocket_client-healthy)
  in_netns websocket_client-healthy 'eval "$start_echo"; cd "$W" && LOCAL_WS_SERVER_PORT=$WSPORT bash -c "$(declare -f pyt); pyt --timeout=30 websocket/tests --junitxml=\$LOG/junit.xml"; kill $epid'
}
# Broken: the internet tests are switched on (TEST_WITH_INTERNET=1) but there is no route out.
run_no_internet() {
  export W=$(fresh_copy "$SRC" websocket_client-no-internet)
  in_netns websocket_client-no-internet 'eval "$start_echo"; cd "$W" && TEST_WITH_INTERNET=1 LOCAL_WS_SERVER_PORT=$WSPORT bash -c "$(declare -f pyt); pyt --timeout=30 websocket/tests"; kill $epid'
}
# Broken: LOCAL_WS_SERVER_PORT is set but the echo server was never started.
run_server_down() {
  export W=$(fresh_copy "$SRC" websocket_client-server-down)
  in_netns websocket_client-server-down 'cd "$W" && LOCAL_WS_SERVER_PORT=$WSPORT bash -c "$(declare -f pyt); pyt --timeout=30 websocket/tests --junitxml=\$LOG/junit.xml"'
}
# Broken: LOCAL_WS_SERVER_PORT points at the wrong service: a plain HTTP static file server
# (python -m http.server) instead of the websocket echo server.
run_wrong_server() {
  export W=$(fresh_copy "$SRC" websocket_client-wrong-server)
  in_netns websocket_client-wrong-server 'mkdir -p "$W/.www"; (cd "$W/.www" && exec "$V/bin/python" -m http.server --bind 127.0.0.1 $WSPORT > /dev/null 2>&1) & hpid=$!; wait_port $WSPORT; cd "$W" && LOCAL_WS_SERVER_PORT=$WSPORT bash -c "$(declare -f pyt); pyt --timeout=30 websocket/tests"; kill $hpid'
}
runs() { run_healthy; run_no_internet; run_server_down; run_wrong_server; }
