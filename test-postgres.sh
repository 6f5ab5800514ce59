#!/usr/bin/env bash
# Sourced by test.sh: a throw-away PostgreSQL cluster for the tests that run on both database providers.
# Installs Debian's postgresql when its binaries are missing, initdb's a cluster in a temp dir owned by postgres,
# starts it on 127.0.0.1:${NEXUS_TEST_POSTGRES_PORT:-55432}, exports NEXUS_TEST_POSTGRES and stops the cluster on exit.
# Standalone: `source test-postgres.sh` (then `pg_test_cluster_stop`, or leave the shell).

pg_test_cluster_start() {
  local port="${NEXUS_TEST_POSTGRES_PORT:-55432}" sudo=""
  if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
  local bin
  bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
  if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    echo "test.sh: installing Debian postgresql for the PostgreSQL storage tests" >&2
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >/dev/null
    bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
  fi
  PG_TEST_BIN="$bin"
  PG_TEST_DIR="$(mktemp -d /tmp/nexus-pg.XXXXXX)"
  # initdb refuses to run as root: the cluster belongs to the postgres user (the Debian package creates it).
  $sudo chown postgres:postgres "$PG_TEST_DIR"
  $sudo runuser -u postgres -- "$bin/initdb" -D "$PG_TEST_DIR/data" -A trust -U postgres >/dev/null
  $sudo runuser -u postgres -- "$bin/pg_ctl" -D "$PG_TEST_DIR/data" -l "$PG_TEST_DIR/server.log" \
    -o "-p $port -c listen_addresses=127.0.0.1 -c fsync=off -c unix_socket_directories=$PG_TEST_DIR" -w start >/dev/null
  export NEXUS_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres"
  trap pg_test_cluster_stop EXIT
  echo "test.sh: PostgreSQL test cluster on 127.0.0.1:$port ($PG_TEST_DIR)" >&2
}

pg_test_cluster_stop() {
  if [ -n "${PG_TEST_DIR:-}" ] && [ -d "$PG_TEST_DIR" ]; then
    local sudo=""
    if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
    $sudo runuser -u postgres -- "$PG_TEST_BIN/pg_ctl" -D "$PG_TEST_DIR/data" -m fast -w stop >/dev/null || true
    $sudo rm -rf "$PG_TEST_DIR"
    PG_TEST_DIR=""
  fi
}

pg_test_cluster_start
