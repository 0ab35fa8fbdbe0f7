# click: CLI framework; tests drive commands through CliRunner, temp files, env vars, subprocesses.
VER=8.5.1
setup() {
  SRC=$(fetch_sdist click $VER)
  mkvenv click "$here/requirements/click.txt" "$SRC"
  export V=$S/venv/click
}
run_healthy() {
  export W=$(fresh_copy "$SRC" click-healthy)
  in_netns click-healthy 'cd "$W" && pyt tests --junitxml="$LOG/junit.xml"'
}
runs() { run_healthy; }
# Broken: the suite runs as an unprivileged user and the directory given to pytest for its temporary
# test directories (--basetemp, where every tmp_path lives) is read-only; /tmp stays writable.
run_readonly_tmp() {
  ensure_user
  export W=$(fresh_copy "$SRC" click-readonly-tmp)
  in_netns click-readonly-tmp '
    chmod -R a+rX,go-w "$W"; chmod 777 "$LOG"
    mkdir -p "$W/.ro" && chmod 555 "$W/.ro"
    cd "$W" && runuser -u "$RUN_USER" -- env HOME=/nonexistent bash -c "$(declare -f pyt); pyt --basetemp=$W/.ro/basetemp tests"'
}
# Broken (regression): patches/click-help-heading.patch drops the colon after help section headings
# ("Options:" -> "Options") in click/formatting.py; the suite imports click from the patched copy.
run_regression() {
  export W=$(fresh_copy "$SRC" click-regression); apply_patch "$W" click-help-heading
  in_netns click-regression 'cd "$W" && PYTHONPATH="$W/src" pyt tests --junitxml="$LOG/junit.xml"'
}
runs() { run_healthy; run_readonly_tmp; run_regression; }
