#!/usr/bin/env bash
# Runs CMD... with a throwaway PostgreSQL server of its own, for the store's tests on PostgreSQL:
#   scripts/with_postgres.sh ctest --preset debug
# It creates a temporary folder, runs initdb and postgres there (as the system user parley-pg,
# created when missing, when run as root: PostgreSQL refuses to run as root), listening only on a
# unix socket in that folder (no TCP), creates the database parley_test, exports
#   PARLEY_TEST_PG_URL=postgresql://parley@/parley_test?host=FOLDER/socket
# and runs CMD. Whatever happens (CMD failing, Ctrl-C), the server is stopped and the folder
# removed. Exits with CMD's status. Needs Debian's postgresql package (scripts/setup.sh);
# PARLEY_PG_BIN overrides the folder of its programs (default: the newest
# /usr/lib/postgresql/*/bin).
set -euo pipefail
[ $# -gt 0 ] || { echo "usage: scripts/with_postgres.sh CMD..." >&2; exit 2; }

pg_bin=${PARLEY_PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
[ -x "$pg_bin/postgres" ] || { echo "with_postgres: no PostgreSQL server found (apt-get install postgresql)" >&2; exit 1; }

as_user=()
if [ "$(id -u)" -eq 0 ]; then
  pg_user=parley-pg
  if ! id -u "$pg_user" >/dev/null 2>&1; then
    useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$pg_user"
  fi
  as_user=(runuser -u "$pg_user" --)
fi

dir=$(mktemp -d /tmp/parley-pg.XXXXXX)
cleanup() {
  if [ -f "$dir/data/postmaster.pid" ]; then
    "${as_user[@]}" "$pg_bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
mkdir "$dir/socket"
[ ${#as_user[@]} -eq 0 ] || chown -R "$pg_user" "$dir"

# Trust on the private socket only; fsync off: a test server, thrown away after.
"${as_user[@]}" "$pg_bin/initdb" -D "$dir/data" -U parley -A trust -E UTF8 --no-sync \
  >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
"${as_user[@]}" "$pg_bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -s \
  -o "-c listen_addresses='' -c unix_socket_directories='$dir/socket' -c fsync=off" start \
  || { cat "$dir/server.log" >&2; exit 1; }
"${as_user[@]}" "$pg_bin/createdb" -h "$dir/socket" -U parley parley_test

export PARLEY_TEST_PG_URL="postgresql://parley@/parley_test?host=$dir/socket"
status=0
"$@" || status=$?
exit "$status"
