#!/usr/bin/env bash
# The one test command (README, .ci/run). On a fresh Debian machine, as root, it installs what is missing,
# starts a throwaway PostgreSQL 15 on 127.0.0.1, builds once, runs every test project and prints, as its
# very last line, "N passed, N failed" summed over all of them.
set -uo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 DEBIAN_FRONTEND=noninteractive

pg_bin=/usr/lib/postgresql/15/bin
work=""
pg_started=0

log() { echo "test.sh: $*"; }

as_postgres() {
    # initdb and postgres refuse to run as root.
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

cleanup() {
    if [ "$pg_started" -eq 1 ]; then
        (cd "$work" && as_postgres "$pg_bin/pg_ctl" -D "$work/data" -m fast -w stop) >/dev/null 2>&1
        pg_started=0
    fi
    if [ -n "$work" ] && [ -d "$work" ]; then rm -rf "$work"; fi
    work=""
}
trap cleanup EXIT
trap 'exit 130' INT TERM

finish() {
    cleanup
    echo "$1 passed, $2 failed"
    exit "$3"
}

install_missing() {
    local packages=()
    [ -x /usr/bin/chromium ] || packages+=(chromium)
    [ -x "$pg_bin/initdb" ] || packages+=(postgresql-15)
    [ "${#packages[@]}" -eq 0 ] && return 0
    if [ "$(id -u)" -ne 0 ]; then
        log "missing ${packages[*]}; run as root (or install them) first"
        return 1
    fi
    log "installing ${packages[*]}"
    apt-get update -qq && apt-get install -y -qq --no-install-recommends "${packages[@]}" </dev/null
}

free_port() {
    local port
    for port in $(seq 5433 5533); do
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return 0; fi
    done
    return 1
}

start_postgres() {
    work="$(mktemp -d /tmp/plumbline-pg.XXXXXX)"
    local port
    port="$(free_port)" || { log "no free port for PostgreSQL"; return 1; }
    echo postgres >"$work/password"
    [ "$(id -u)" -eq 0 ] && chown -R postgres:postgres "$work"
    (cd "$work" && as_postgres "$pg_bin/initdb" -D "$work/data" -U postgres --pwfile="$work/password" \
        --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8) >"$work/initdb.log" 2>&1 \
        || { cat "$work/initdb.log"; return 1; }
    # A throwaway cluster: durability off for speed, room for the many small databases the tests create.
    (cd "$work" && as_postgres "$pg_bin/pg_ctl" -D "$work/data" -l "$work/postgres.log" -w -t 60 start \
        -o "-h 127.0.0.1 -p $port -k $work -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300") >/dev/null \
        || { cat "$work/postgres.log"; return 1; }
    pg_started=1
    export PLUMBLINE_TEST_PG="Host=127.0.0.1;Port=$port;Username=postgres;Password=postgres"
    log "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"
}

# Sums one counter over the TRX files (attributes of <Counters .../>).
count() {
    local name="$1" total=0 n file
    for file in "$results"/*.trx; do
        [ -f "$file" ] || continue
        n="$(grep -o "<Counters [^>]*" "$file" | grep -o " $name=\"[0-9]*\"" | grep -o '[0-9]*' | head -1)"
        total=$((total + ${n:-0}))
    done
    echo "$total"
}

install_missing || finish 0 0 1
# Debian's postgresql package creates this user; a machine that only has the binaries may lack it.
id -u postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres || finish 0 0 1
start_postgres || finish 0 0 1

log "building"
dotnet build Plumbline.slnx -nologo -v q -clp:ErrorsOnly || finish 0 0 1

results="$root/TestResults"
rm -rf "$results"
mkdir -p "$results"
status=0
for project in tests/*/*.csproj; do
    name="$(basename "$project" .csproj)"
    log "testing $name"
    dotnet test "$project" --no-build --nologo --results-directory "$results" \
        --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" --blame-hang-timeout 15m </dev/null || status=1
    [ -f "$results/$name.trx" ] || { log "$name wrote no results"; status=1; }
done

passed="$(count passed)"
failed=$(($(count failed) + $(count error) + $(count timeout) + $(count aborted)))
if [ "$failed" -gt 0 ] || [ "$passed" -eq 0 ]; then status=1; fi
finish "$passed" "$failed" "$status"
