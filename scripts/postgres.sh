#!/usr/bin/env bash
# A throw-away PostgreSQL server for the tests.
#
#   scripts/postgres.sh start DIR   (DIR: a new folder, e.g. from `mktemp -d`) installs Debian's postgresql if missing (idempotent), creates
#                                   a private cluster in DIR on a free loopback port and starts
#                                   it; prints the server URL (postgresql+psycopg://…) on stdout
#   scripts/postgres.sh stop DIR    stops it and removes DIR
#
# Works as root (CI) by running the server as the `postgres` user, and as a normal user.
# Trust authentication on 127.0.0.1 and a Unix socket inside DIR only: nothing else can reach it.
set -euo pipefail

action=${1:?usage: postgres.sh start|stop DIR}
dir=${2:?usage: postgres.sh start|stop DIR}

pg_bindir() {
  local found
  found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  [ -n "$found" ] && [ -x "$found/initdb" ] && echo "$found"
}

install_postgres() {
  if pg_bindir >/dev/null; then return; fi
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "Installing system package: postgresql" >&2
  $sudo apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >/dev/null
}

as_owner() {
  # Run a server command as the cluster's owner (initdb and postgres refuse root).
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

case "$action" in
  start)
    install_postgres
    bin=$(pg_bindir)
    mkdir -p "$dir"
    if [ "$(id -u)" -eq 0 ]; then
      chmod 755 "$dir"            # DIR is ours (e.g. from mktemp -d): let postgres in
      chown postgres:postgres "$dir"
    fi
    as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 \
      --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
    port=$(free_port)
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off" \
      start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
    echo "$port" >"$dir/port"
    echo "postgresql+psycopg://postgres@127.0.0.1:$port/postgres"
    ;;
  stop)
    if bin=$(pg_bindir) && [ -d "$dir/data" ]; then
      as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
    fi
    rm -rf "$dir"
    ;;
  *)
    echo "usage: postgres.sh start|stop DIR" >&2
    exit 2
    ;;
esac
