# python-dotenv: .env loader and `dotenv` CLI; tests read/write .env files and run the CLI as a
# subprocess (through the `sh` package) and via click's runner.
VER=1.2.4
setup() {
  SRC=$(fetch_sdist python-dotenv $VER)
  mkvenv python_dotenv "$here/requirements/python_dotenv.txt" "$SRC"
  export V=$S/venv/python_dotenv
}
run_healthy() {
  export W=$(fresh_copy "$SRC" python_dotenv-healthy)
  in_netns python_dotenv-healthy 'cd "$W" && PATH="$V/bin:$PATH" pyt tests --junitxml="$LOG/junit.xml"'
}
# Broken: the venv's bin directory (holding the `dotenv` console script) is not on PATH.
run_missing_exe() {
  export W=$(fresh_copy "$SRC" python_dotenv-missing-exe)
  in_netns python_dotenv-missing-exe 'cd "$W" && PATH=/usr/bin:/bin pyt tests --junitxml="$LOG/junit.xml"'
}
# Broken: runs as an unprivileged user with a read-only tmp_path base directory (--basetemp).
run_readonly_tmp() {
  ensure_user
  export W=$(fresh_copy "$SRC" python_dotenv-readonly-tmp)
  in_netns python_dotenv-readonly-tmp '
    chmod -R a+rX,go-w "$W"; chmod 777 "$LOG"; mkdir -p "$W/.ro" && chmod 555 "$W/.ro"
    cd "$W" && runuser -u "$RUN_USER" -- env HOME=/nonexistent PATH="$V/bin:$PATH" bash -c "$(declare -f pyt); pyt --basetemp=$W/.ro/basetemp tests"'
}
# Broken: DeprecationWarnings are errors (-W error::DeprecationWarning, as a strict CI would run it).
run_warnings_as_errors() {
  export W=$(fresh_copy "$SRC" python_dotenv-warnings-as-errors)
  in_netns python_dotenv-warnings-as-errors 'cd "$W" && PATH="$V/bin:$PATH" pyt -W error::DeprecationWarning tests --junitxml="$LOG/junit.xml"'
}
# Broken (regression): patches/python_dotenv-unquoted-value.patch drops the .rstrip() of unquoted values.
run_regression() {
  export W=$(fresh_copy "$SRC" python_dotenv-regression); apply_patch "$W" python_dotenv-unquoted-value
  in_netns python_dotenv-regression 'cd "$W" && PATH="$V/bin:$PATH" PYTHONPATH="$W/src" pyt tests'
}
# Broken (regression): patches/python_dotenv-renamed-helper.patch renames variables.parse_variables
# without updating its importers, so importing the package fails.
run_broken_import() {
  export W=$(fresh_copy "$SRC" python_dotenv-broken-import); apply_patch "$W" python_dotenv-renamed-helper
  in_netns python_dotenv-broken-import 'cd "$W" && PATH="$V/bin:$PATH" PYTHONPATH="$W/src" pyt tests --junitxml="$LOG/junit.xml"'
}
runs() { run_healthy; run_missing_exe; run_readonly_tmp; run_warnings_as_errors; run_regression; run_broken_import; }
