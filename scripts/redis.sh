#!/usr/bin/env bash
# Installs (from Debian's packages, if missing) and starts a throw-away Redis server on 127.0.0.1 for the tests:
# nothing persisted (--save '' --appendonly no), its own directory, the first free port from 56379 on.
# Usage: source scripts/redis.sh   -> exports JAR_TEST_REDIS (host:port), JAR_REDIS_PID and registers jar_redis_stop.
# Honours an existing JAR_TEST_REDIS (then it starts nothing). The soak and fault tests start Redis servers of their
# own with JAR_REDIS_SERVER (the redis-server binary this script found or installed).
set -euo pipefail

if [ -z "$(command -v redis-server)" ]; then
  echo "redis: installing redis-server from Debian's packages"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq redis-server >/dev/null
fi
export JAR_REDIS_SERVER
JAR_REDIS_SERVER=$(command -v redis-server)

if [ -n "${JAR_TEST_REDIS:-}" ]; then
  echo "redis: using JAR_TEST_REDIS from the environment"
  return 0 2>/dev/null || exit 0
fi

JAR_REDIS_PORT=${JAR_REDIS_PORT:-}
if [ -z "$JAR_REDIS_PORT" ]; then
  for candidate in $(seq 56379 56479); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then JAR_REDIS_PORT=$candidate; break; fi
  done
fi
JAR_REDIS_DIR=$(mktemp -d /tmp/jar-redis.XXXXXX)
"$JAR_REDIS_SERVER" --bind 127.0.0.1 --port "$JAR_REDIS_PORT" --save '' --appendonly no --dir "$JAR_REDIS_DIR" \
  --daemonize yes --pidfile "$JAR_REDIS_DIR/redis.pid" --logfile "$JAR_REDIS_DIR/redis.log"
for _ in $(seq 1 50); do
  if [ -s "$JAR_REDIS_DIR/redis.pid" ] && (exec 3<>"/dev/tcp/127.0.0.1/$JAR_REDIS_PORT") 2>/dev/null; then break; fi
  sleep 0.1
done
JAR_REDIS_PID=$(cat "$JAR_REDIS_DIR/redis.pid")
echo "redis: started on 127.0.0.1:$JAR_REDIS_PORT ($JAR_REDIS_DIR, pid $JAR_REDIS_PID)"

export JAR_REDIS_DIR JAR_REDIS_PORT JAR_REDIS_PID
export JAR_TEST_REDIS="127.0.0.1:$JAR_REDIS_PORT"

jar_redis_stop() {
  if [ -n "${JAR_REDIS_PID:-}" ]; then kill "$JAR_REDIS_PID" 2>/dev/null || true; fi
  rm -rf "$JAR_REDIS_DIR"
}
