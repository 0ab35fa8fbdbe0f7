# virtualenv: creates Python virtual environments; tests build real environments (subprocesses of
# several interpreters), seed pip/setuptools/wheel from embedded wheels, app-data caches, activators.
VER=20.26.6
setup() {
  SRC=$(fetch_sdist virtualenv $VER)
  mkvenv virtualenv "$here/requirements/virtualenv.txt" "$SRC"
  export V=$S/venv/virtualenv
}
run_healthy() {
  export W=$(fresh_copy "$SRC" virtualenv-healthy)
  in_netns virtualenv-healthy 'cd "$W" && pyt --timeout=120 -p no:randomly tests/unit --junitxml="$LOG/junit.xml"'
}
runs() { run_healthy; }
