#!/usr/bin/env bash
# Installs (from Debian's packages, if missing) and starts a throw-away PostgreSQL server on 127.0.0.1 for the tests.
# Usage: source scripts/postgres.sh   -> exports JAR_TEST_POSTGRES and registers jar_pg_stop.
# Honours an existing JAR_TEST_POSTGRES (then it starts nothing).
set -euo pipefail

if [ -n "${JAR_TEST_POSTGRES:-}" ]; then
  echo "postgres: using JAR_TEST_POSTGRES from the environment"
  return 0 2>/dev/null || exit 0
fi

pg_bin() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

if [ -z "$(pg_bin)" ]; then
  echo "postgres: installing PostgreSQL from Debian's packages"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq postgresql >/dev/null
fi
PG_BIN=$(pg_bin)

# The first free port from 55432 on, so a server left running elsewhere does not collide.
JAR_PG_PORT=${JAR_PG_PORT:-}
if [ -z "$JAR_PG_PORT" ]; then
  for candidate in $(seq 55432 55532); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then JAR_PG_PORT=$candidate; break; fi
  done
fi
JAR_PG_DIR=$(mktemp -d /tmp/jar-pg.XXXXXX)
chown postgres:postgres "$JAR_PG_DIR" 2>/dev/null || true
as_postgres() {
  if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
as_postgres "$PG_BIN/initdb" -D "$JAR_PG_DIR/data" -U postgres --auth=trust -E UTF8 >/dev/null
as_postgres "$PG_BIN/pg_ctl" -D "$JAR_PG_DIR/data" -l "$JAR_PG_DIR/server.log" -w \
  -o "-p $JAR_PG_PORT -k $JAR_PG_DIR -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off" start >/dev/null
echo "postgres: started on 127.0.0.1:$JAR_PG_PORT ($JAR_PG_DIR)"

export JAR_PG_BIN="$PG_BIN" JAR_PG_DIR JAR_PG_PORT
export JAR_TEST_POSTGRES="Host=127.0.0.1;Port=$JAR_PG_PORT;Username=postgres;Password=postgres;Database=postgres;Pooling=true"

jar_pg_stop() {
  as_postgres "$JAR_PG_BIN/pg_ctl" -D "$JAR_PG_DIR/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$JAR_PG_DIR"
}
