# redis-py: Redis client; tests talk to a real redis-server (started here on 127.0.0.1 inside the
# namespace), sync and asyncio: commands, pipelines, pub/sub, locks, connection pools, scripting.
VER=8.1.0
PORT=6399
setup() {
  command -v redis-server >/dev/null || { apt-get update -qq && apt-get install -y -qq redis-server >&2; }
  SRC=$(fetch_sdist redis $VER)
  mkvenv redis "$here/requirements/redis.txt" "$SRC"
  export V=$S/venv/redis PORT
}
# the subset run in every set-up (standalone-server tests; cluster, modules, TLS and sentinel
# need servers this set-up does not have and are deselected by marker as upstream CI does)
export REDIS_TESTS="tests/test_commands.py tests/test_connection.py tests/test_connection_pool.py tests/test_pubsub.py tests/test_lock.py tests/test_pipeline.py tests/test_scripting.py tests/test_asyncio/test_connection_pool.py tests/test_asyncio/test_lock.py tests/test_asyncio/test_pipeline.py"
# the smaller subset of the broken set-ups: with the client's retries and backoff, every test there
# takes about a second to give up
export REDIS_DOWN_TESTS="tests/test_connection.py tests/test_connection_pool.py tests/test_lock.py tests/test_scripting.py tests/test_asyncio/test_lock.py"
export REDIS_MARK="not onlycluster and not redismod and not ssl and not replica"
start_redis='redis-server --port $PORT --bind 127.0.0.1 --dir "$W" --save "" --appendonly no $EXTRA > "$W/redis.log" 2>&1 & rpid=$!; wait_port $PORT'
export start_redis
run_healthy() {
  export W=$(fresh_copy "$SRC" redis-healthy) EXTRA=""
  in_netns redis-healthy 'eval "$start_redis"; cd "$W" && pyt -m "$REDIS_MARK" --redis-url=redis://127.0.0.1:$PORT/0 $REDIS_TESTS --junitxml="$LOG/junit.xml"; kill $rpid'
}
# Broken: no redis-server running (stopped/never started).
run_server_down() {
  export W=$(fresh_copy "$SRC" redis-server-down)
  in_netns redis-server-down 'cd "$W" && pyt -m "$REDIS_MARK" --redis-url=redis://127.0.0.1:$PORT/0 $REDIS_DOWN_TESTS'
}
# Broken: the server requires a password (requirepass) and the suite's URL carries none.
run_auth_required() {
  export W=$(fresh_copy "$SRC" redis-auth-required) EXTRA="--requirepass s3cret-pw"
  in_netns redis-auth-required 'eval "$start_redis"; cd "$W" && pyt -m "$REDIS_MARK" --redis-url=redis://127.0.0.1:$PORT/0 $REDIS_DOWN_TESTS --junitxml="$LOG/junit.xml"; kill $rpid'
}
# Broken: the server requires a password and the suite's URL carries a wrong one.
run_wrong_password() {
  export W=$(fresh_copy "$SRC" redis-wrong-password) EXTRA="--requirepass s3cret-pw"
  in_netns redis-wrong-password 'eval "$start_redis"; cd "$W" && pyt -m "$REDIS_MARK" --redis-url=redis://:not-the-password@127.0.0.1:$PORT/0 $REDIS_DOWN_TESTS; kill $rpid'
}
runs() { run_healthy; run_server_down; run_auth_required; run_wrong_password; }
