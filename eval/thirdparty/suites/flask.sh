# flask: web framework; tests use the test client, CLI (click) runner, app/instance folders, dotenv files.
VER=3.1.3
setup() {
  SRC=$(fetch_sdist flask $VER)
  mkvenv flask "$here/requirements/flask.txt" "$SRC"
  export V=$S/venv/flask
}
run_healthy() {
  export W=$(fresh_copy "$SRC" flask-healthy)
  in_netns flask-healthy 'cd "$W" && pyt tests --junitxml="$LOG/junit.xml"'
}
runs() { run_healthy; }
