# Sourced by scripts/test.sh and scripts/bench.sh: a throwaway PostgreSQL 15 cluster on 127.0.0.1, run as the
# postgres user (initdb refuses root). Sets PG_WORK (its folder), PG_PORT and PG_CONNECTION; pg_stop removes it.
pg_bin=/usr/lib/postgresql/15/bin
PG_WORK=""
PG_PORT=""
PG_CONNECTION=""

as_postgres() {
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_free_port() {
    local port
    for port in $(seq 5433 5533); do
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return 0; fi
    done
    return 1
}

# pg_start PREFIX [postgres -c options...]: initdb and start; prints the logs and fails if either step fails.
pg_start() {
    local prefix="$1"; shift
    local options=""
    for option in "$@"; do options="$options -c $option"; done
    PG_WORK="$(mktemp -d "/tmp/$prefix.XXXXXX")"
    PG_PORT="$(pg_free_port)" || { echo "no free port for PostgreSQL"; return 1; }
    echo postgres >"$PG_WORK/password"
    [ "$(id -u)" -eq 0 ] && chown -R postgres:postgres "$PG_WORK"
    (cd "$PG_WORK" && as_postgres "$pg_bin/initdb" -D "$PG_WORK/data" -U postgres --pwfile="$PG_WORK/password" \
        --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8) >"$PG_WORK/initdb.log" 2>&1 \
        || { cat "$PG_WORK/initdb.log"; return 1; }
    (cd "$PG_WORK" && as_postgres "$pg_bin/pg_ctl" -D "$PG_WORK/data" -l "$PG_WORK/postgres.log" -w -t 60 start \
        -o "-h 127.0.0.1 -p $PG_PORT -k $PG_WORK$options") >/dev/null \
        || { cat "$PG_WORK/postgres.log"; return 1; }
    PG_CONNECTION="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Password=postgres"
}

pg_stop() {
    if [ -n "$PG_WORK" ] && [ -d "$PG_WORK" ]; then
        (cd "$PG_WORK" && as_postgres "$pg_bin/pg_ctl" -D "$PG_WORK/data" -m fast -w stop) >/dev/null 2>&1 || true
        rm -rf "$PG_WORK"
    fi
    PG_WORK=""
}
