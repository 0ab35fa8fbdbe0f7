# node:test: the suite in eval/thirdparty/node/ (written for this set, node built-ins only) against
# node/server.mjs on 127.0.0.1. One run per set-up writes both the JUnit reporter's XML (junit.xml)
# and the spec reporter's text (console.log).
NPORT=8787
setup() {
  export NODE_SRC=$here/node NPORT
  command -v node >/dev/null || { log "node not found: skipping node:test runs"; return 1; }
}
# start_server [env...]: the API server in the background of the namespace body
start_api='env $SERVER_ENV node "$NODE_SRC/server.mjs" $NPORT > "$W/server.log" 2>&1 & spid=$!; wait_port $NPORT'
nodetest='env $TEST_ENV node --test --test-reporter=junit --test-reporter-destination="$LOG/junit.xml" --test-reporter=spec --test-reporter-destination=stdout "$NODE_SRC/inventory.test.mjs" > "$LOG/console.log" 2>&1; echo "exit=$?" > "$LOG/exit_code"'
export start_api nodetest
node_run() { # node_run SETUP SERVER(yes|no) ; SERVER_ENV/TEST_ENV from the caller
  export W=$S/run/node-$1; rm -rf "$W"; mkdir -p "$W"
  export SERVER_ENV="${SERVER_ENV:-API_TOKEN=tok-4f9a}" TEST_ENV="${TEST_ENV:-INVENTORY_TOKEN=tok-4f9a}"
  if [ "$2" = yes ]; then in_netns node-$1 "cd \"\$W\"; $start_api; ${PRE_TEST:-:}; $nodetest; kill \$spid"
  else in_netns node-$1 "cd \"\$W\"; ${PRE_TEST:-:}; $nodetest"; fi
  unset SERVER_ENV TEST_ENV PRE_TEST
}
# make_certs DIR EXPIRED(yes|no): a test CA and a leaf for 127.0.0.1/localhost signed by it
make_certs() {
  local d=$1
  openssl req -x509 -newkey rsa:2048 -nodes -keyout "$d/ca.key" -out "$d/ca.pem" -days 3650 -subj "/CN=inventory test CA" 2>/dev/null
  openssl req -newkey rsa:2048 -nodes -keyout "$d/srv.key" -out "$d/srv.csr" -subj "/CN=localhost" 2>/dev/null
  printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\n' > "$d/ext.cnf"
  openssl x509 -req -in "$d/srv.csr" -CA "$d/ca.pem" -CAkey "$d/ca.key" -CAcreateserial -out "$d/srv.pem" -days 825 -extfile "$d/ext.cnf" 2>/dev/null
  [ "$2" = yes ] && "$(tools_python)" "$here/expire_cert.py" "$d/srv.pem" --signer-cert "$d/ca.pem" --signer-key "$d/ca.key" >&2
  return 0
}
run_healthy() { node_run healthy yes; }
run_https_healthy() {
  local d=$S/run/certs-ok; rm -rf "$d"; mkdir -p "$d"; make_certs "$d" no
  SERVER_ENV="API_TOKEN=tok-4f9a TLS_CERT=$d/srv.pem TLS_KEY=$d/srv.key" \
  TEST_ENV="INVENTORY_TOKEN=tok-4f9a INVENTORY_URL=https://127.0.0.1:$NPORT/api/v1 NODE_EXTRA_CA_CERTS=$d/ca.pem" node_run https-healthy yes
}
# Broken: the server's certificate has expired (same CA, trusted via NODE_EXTRA_CA_CERTS).
run_expired_cert() {
  local d=$S/run/certs-expired; rm -rf "$d"; mkdir -p "$d"; make_certs "$d" yes
  SERVER_ENV="API_TOKEN=tok-4f9a TLS_CERT=$d/srv.pem TLS_KEY=$d/srv.key" \
  TEST_ENV="INVENTORY_TOKEN=tok-4f9a INVENTORY_URL=https://127.0.0.1:$NPORT/api/v1 NODE_EXTRA_CA_CERTS=$d/ca.pem" node_run expired-cert yes
}
# Broken: the API server is not running.
run_server_down() { node_run server-down no; }
# Broken: INVENTORY_URL names the wrong base path (/api/v2, which this server does not have).
run_wrong_base_url() { TEST_ENV="INVENTORY_TOKEN=tok-4f9a INVENTORY_URL=http://127.0.0.1:$NPORT/api/v2" node_run wrong-base-url yes; }
# Broken: the token the tests use is a stale one the server no longer accepts.
run_bad_token() { TEST_ENV="INVENTORY_TOKEN=tok-2023-revoked" node_run bad-token yes; }
# Broken: INVENTORY_TOKEN is not set at all.
run_missing_token() { TEST_ENV="EVAL_UNUSED=1" node_run missing-token yes; }
# Broken: EXPORT_DIR is a read-only directory (tests run as an unprivileged user).
run_readonly_export() {
  ensure_user
  export W=$S/run/node-readonly-export; rm -rf "$W"; mkdir -p "$W/exports"; chmod 555 "$W/exports"
  export TEST_ENV="INVENTORY_TOKEN=tok-4f9a EXPORT_DIR=$W/exports HOME=/nonexistent" SERVER_ENV="API_TOKEN=tok-4f9a"
  in_netns node-readonly-export "cd \"\$W\"; $start_api; chmod 777 \"\$LOG\"; runuser -u \"\$RUN_USER\" -- bash -c '$nodetest'; kill \$spid"
  unset TEST_ENV SERVER_ENV
}
# Broken: PATH has node only (git and tar, which the release-bundle tests run, are missing).
run_missing_exe() {
  local b=$S/run/node-bin; rm -rf "$b"; mkdir -p "$b"; ln -s "$(command -v node)" "$b/node"
  TEST_ENV="INVENTORY_TOKEN=tok-4f9a PATH=$b" node_run missing-exe yes
}
# Broken: a newer server build is deployed (SERVER_BUILD=next): /stock moved behind a 301 and the
# report total has a regression.
run_server_next() { SERVER_ENV="API_TOKEN=tok-4f9a SERVER_BUILD=next" node_run server-next yes; }
runs() { run_healthy; run_https_healthy; run_expired_cert; run_server_down; run_wrong_base_url; run_bad_token; run_missing_token; run_readonly_export; run_missing_exe; run_server_next; }
