# filelock: platform file locks; tests create, contend for and time out on lock files in tmp dirs,
# threads and processes, permission errors, async locks, and a virtualenv plugin.
VER=3.16.1
setup() {
  SRC=$(fetch_sdist filelock $VER)
  mkvenv filelock "$here/requirements/filelock.txt" "$SRC"
  export V=$S/venv/filelock
}
run_healthy() {
  export W=$(fresh_copy "$SRC" filelock-healthy)
  in_netns filelock-healthy 'cd "$W" && pyt --timeout=60 tests --junitxml="$LOG/junit.xml"'
}
# Broken: runs as an unprivileged user with a read-only tmp_path base directory (--basetemp).
run_readonly_tmp() {
  ensure_user
  export W=$(fresh_copy "$SRC" filelock-readonly-tmp)
  in_netns filelock-readonly-tmp '
    chmod -R a+rX,go-w "$W"; chmod 777 "$LOG"; mkdir -p "$W/.ro" && chmod 555 "$W/.ro"
    cd "$W" && runuser -u "$RUN_USER" -- env HOME=/nonexistent bash -c "$(declare -f pyt); pyt --timeout=60 --basetemp=$W/.ro/basetemp tests"'
}
runs() { run_healthy; run_readonly_tmp; }
