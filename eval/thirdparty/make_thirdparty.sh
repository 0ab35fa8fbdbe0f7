#!/usr/bin/env bash
# Rebuilds eval/thirdparty/logs/: real third-party test suites (pinned PyPI sdists) and the node:test
# suite in node/, each run in a healthy set-up and in broken ones, every run inside its own network
# namespace that has loopback only (unshare --net). See README.md. labels.tsv is NOT regenerated:
# labels are written by hand by reading the failures of the logs.
#
# usage: sudo eval/thirdparty/make_thirdparty.sh [SUITE...]     (default: all suites)
#   SCRATCH=/path   where sdists, sources, venvs and run copies go (default /work/scratch/thirdparty;
#                   must be outside the repo and readable by other users)
#   REBUILD_VENVS=1 recreate the venvs
# Needs: root (namespaces, runuser), Debian 12 with python3 + python3-venv (3.11), PostgreSQL 15
# binaries, redis-server, openssl, node >= 20, and access to PyPI for the sdists and wheels.
# Takes about 40-50 minutes on 2 cores.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
[ "$(id -u)" = 0 ] || { echo "make_thirdparty.sh: run as root (network namespaces, runuser)" >&2; exit 1; }

need_apt=()
command -v redis-server >/dev/null || need_apt+=(redis-server)
[ -x /usr/lib/postgresql/15/bin/initdb ] || need_apt+=(postgresql-15)
command -v openssl >/dev/null || need_apt+=(openssl)
/usr/bin/python3 -c 'import ensurepip, venv' 2>/dev/null || need_apt+=(python3-venv)
if [ ${#need_apt[@]} -gt 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}"
fi
# the Debian postgresql package starts a cluster on 5432; ours uses its own port and data dir

ALL="click flask werkzeug redis psycopg2 sqlalchemy tornado urllib3 pytest_httpserver websocket_client plumbum python_dotenv filelock virtualenv node"
suites=${*:-$ALL}
[ $# -eq 0 ] && rm -rf "$here/logs"
mkdir -p "$here/logs"
for s in $suites; do
  "$here/run_one.sh" "$s" || echo "make_thirdparty.sh: suite $s did not complete" >&2
done
du -sh "$here/logs"
# The evaluation test reads the packed logs (about 0.5 MB instead of 23 MB of text).
(cd "$here" && tar -cf - logs | xz -9 > logs.tar.xz)
ls -l "$here/logs.tar.xz"
