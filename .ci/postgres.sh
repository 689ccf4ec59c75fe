#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server for the tests: `.ci/postgres.sh start DIR PORT` prints the connection string;
# `.ci/postgres.sh stop DIR` stops it and removes DIR. Installs Debian's server when it is missing.
set -euo pipefail
cmd=${1:?start|stop}; dir=${2:?folder}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
case "$cmd" in
  start)
    port=${3:-55432}
    if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
      (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql) >&2
      bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
    fi
    mkdir -p "$dir"; chown postgres "$dir"; chmod 700 "$dir"
    su postgres -s /bin/sh -c "'$bin/initdb' -D '$dir/data' -U postgres -A trust -E UTF8 >'$dir/initdb.log' 2>&1"
    su postgres -s /bin/sh -c "'$bin/pg_ctl' -D '$dir/data' -l '$dir/server.log' -w -t 60 -o \"-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=on -c max_connections=200\" start >&2"
    echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
    ;;
  stop)
    if [ -n "$bin" ] && [ -d "$dir/data" ]; then su postgres -s /bin/sh -c "'$bin/pg_ctl' -D '$dir/data' -m fast -w stop" >&2 || true; fi
    rm -rf "$dir"
    ;;
esac
