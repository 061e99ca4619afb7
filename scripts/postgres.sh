#!/usr/bin/env bash
# A throwaway PostgreSQL server for the test suite, on a loopback port in a temporary folder.
# Source it: `. scripts/postgres.sh start` exports PGHOST, PGPORT, PGUSER and PGDATABASE;
# `. scripts/postgres.sh stop` stops the server and removes its folder; `halt` kills it the way
# a crash would and `resume` starts it again on the same port (fault tests). TCP logins need the
# password in PGPASSWORD (so tests can also try a wrong one). initdb refuses to run
# as root, so as root the server runs as the `postgres` user.

swiftdbt_pg_start() {
    local bin
    bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    [ -n "$bin" ] || bin=$(dirname "$(command -v initdb 2>/dev/null || echo /usr/bin/initdb)")
    [ -x "$bin/initdb" ] || { echo "postgres.sh: initdb not found (install postgresql)" >&2; return 1; }
    SWIFTDBT_PG_DIR=$(mktemp -d /tmp/swiftdbt-pg.XXXXXX)
    local port
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
    echo swiftdbt > "$SWIFTDBT_PG_DIR/password"
    [ "$(id -u)" = 0 ] && chown postgres "$SWIFTDBT_PG_DIR" "$SWIFTDBT_PG_DIR/password"
    swiftdbt_pg_run_as_owner "'$bin/initdb' -D '$SWIFTDBT_PG_DIR/data' -U postgres --auth-local=trust --auth-host=scram-sha-256 \
        --pwfile='$SWIFTDBT_PG_DIR/password' --no-sync >'$SWIFTDBT_PG_DIR/initdb.log' 2>&1" \
        || { cat "$SWIFTDBT_PG_DIR/initdb.log" >&2; return 1; }
    echo "$port" > "$SWIFTDBT_PG_DIR/port"
    SWIFTDBT_PG_BIN=$bin swiftdbt_pg_resume || return 1
    PGPASSWORD=swiftdbt "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres swiftdbt_test
    export PGHOST=127.0.0.1 PGPORT=$port PGUSER=postgres PGDATABASE=swiftdbt_test PGPASSWORD=swiftdbt
    export SWIFTDBT_PG_DIR SWIFTDBT_PG_BIN=$bin
    echo "PostgreSQL test server on 127.0.0.1:$port (data in $SWIFTDBT_PG_DIR)"
}

swiftdbt_pg_run_as_owner() {
    if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$1"; else sh -c "$1"; fi
}

swiftdbt_pg_resume() {
    swiftdbt_pg_run_as_owner "'$SWIFTDBT_PG_BIN/pg_ctl' -D '$SWIFTDBT_PG_DIR/data' -l '$SWIFTDBT_PG_DIR/server.log' -w \
        -o \"-p $(cat "$SWIFTDBT_PG_DIR/port") -k '$SWIFTDBT_PG_DIR' -h 127.0.0.1 -c fsync=off -c full_page_writes=off\" start >/dev/null" \
        || { cat "$SWIFTDBT_PG_DIR/server.log" >&2; return 1; }
}

swiftdbt_pg_halt() {
    swiftdbt_pg_run_as_owner "'$SWIFTDBT_PG_BIN/pg_ctl' -D '$SWIFTDBT_PG_DIR/data' -m immediate -w stop >/dev/null"
}

swiftdbt_pg_stop() {
    [ -n "${SWIFTDBT_PG_DIR:-}" ] || return 0
    swiftdbt_pg_run_as_owner "'$SWIFTDBT_PG_BIN/pg_ctl' -D '$SWIFTDBT_PG_DIR/data' -m fast -w stop >/dev/null" || true
    rm -rf "$SWIFTDBT_PG_DIR"
    unset SWIFTDBT_PG_DIR
}

case "${1:-}" in
    start) swiftdbt_pg_start ;;
    stop) swiftdbt_pg_stop ;;
    halt) swiftdbt_pg_halt ;;
    resume) swiftdbt_pg_resume ;;
    *) echo "usage: . scripts/postgres.sh start|stop|halt|resume" >&2 ;;
esac
