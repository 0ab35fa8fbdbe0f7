# plumbum: shell-combinator library; tests run local programs (ls, grep, cat, sleep, bash...) through
# pipelines and redirections, remote machines over ssh to localhost (paramiko and the ssh client), CLI apps.
VER=2.0.2
setup() {
  SRC=$(fetch_sdist plumbum $VER)
  mkvenv plumbum "$here/requirements/plumbum.txt" "$SRC"
  export V=$S/venv/plumbum
}
run_healthy() {
  export W=$(fresh_copy "$SRC" plumbum-healthy)
  in_netns plumbum-healthy 'cd "$W" && pyt --timeout=60 tests --junitxml="$LOG/junit.xml"'
}
# Broken: PATH holds only a directory with python3, so the programs the suite shells out to
# (ls, grep, cat, bash, ...) are missing.
run_missing_exe() {
  export W=$(fresh_copy "$SRC" plumbum-missing-exe)
  in_netns plumbum-missing-exe 'mkdir -p "$W/.onlypy"; ln -sf "$V/bin/python" "$W/.onlypy/python3"; ln -sf "$V/bin/python" "$W/.onlypy/python"
    cd "$W" && PATH="$W/.onlypy" pyt --timeout=60 tests'
}
runs() { run_healthy; run_missing_exe; }
