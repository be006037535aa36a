#!/usr/bin/env bash
# The performance benchmark (docs/performance.md): generates a large provider's data and times the app against it,
# on SQLite and on PostgreSQL.
#
#   scripts/bench.sh [--pg "Host=...;Port=...;Username=...;Password=..."] [--no-pg] [--keep] [--out DIR]
#                    [--clients N] [--requests N] [--warmup N] [--quiet SECONDS] [--only TEXT] [--entries N] [--no-smart]
#
# PostgreSQL: with --pg, the database "plumbline_bench" on that server is dropped and recreated. Without it, a throwaway
# PostgreSQL 15 is started the way scripts/test.sh starts one (as the postgres user, on 127.0.0.1, in a temporary
# folder) and stopped afterwards; without PostgreSQL 15 installed, only SQLite runs. After the review loop's timings, the
# smart numbers benchmark imports --entries PSA time entries (default 2,000,000) as one CSV and times the metrics and the
# practice dashboard (--no-smart leaves it out). The figures land in DIR
# (default: a new folder under /tmp) as sqlite.md and postgres.md, next to the generator's logs.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# shellcheck source=lib/throwaway-postgres.sh
. "$root/scripts/lib/throwaway-postgres.sh"
pg_connection=""
use_pg=1
keep=0
out=""
generate_args=()
run_args=()
smart_args=()
smart=1
while [ $# -gt 0 ]; do
    case "$1" in
        --pg) pg_connection="$2"; shift 2 ;;
        --no-pg) use_pg=0; shift ;;
        --keep) keep=1; shift ;;
        --out) out="$2"; shift 2 ;;
        --clients) generate_args+=(--clients "$2"); shift 2 ;;
        --requests|--warmup|--quiet|--only) run_args+=("$1" "$2"); shift 2 ;;
        --entries) smart_args+=(--entries "$2"); shift 2 ;;
        --no-smart) smart=0; shift ;;
        *) echo "bench.sh: unknown option $1" >&2; exit 2 ;;
    esac
done

log() { echo "bench.sh: $*"; }

work="$(mktemp -d /tmp/plumbline-bench.XXXXXX)"
out="${out:-$work/results}"
mkdir -p "$out"

cleanup() {
    pg_stop
    if [ "$keep" -eq 0 ]; then rm -f "$work"/plumbline-bench.db*; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# A throwaway cluster with production-like durability (fsync on): answer saves are timed with real commits.
start_postgres() {
    [ -x "$pg_bin/initdb" ] || { log "PostgreSQL 15 is not installed ($pg_bin); skipping PostgreSQL (apt-get install postgresql-15, or pass --pg)"; return 1; }
    id -u postgres >/dev/null 2>&1 || { log "there is no postgres user; skipping PostgreSQL"; return 1; }
    pg_start plumbline-bench-pg shared_buffers=1GB max_wal_size=8GB checkpoint_timeout=30min || return 1
    pg_connection="$PG_CONNECTION"
    log "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT (shared_buffers=1GB, fsync on)"
}

log "building (Release)"
dotnet build Plumbline.slnx -c Release -nologo -v q -clp:ErrorsOnly
bench=(dotnet "$root/bench/Plumbline.Bench/bin/Release/net10.0/Plumbline.Bench.dll")

run_provider() {
    local name="$1" provider="$2" connection="$3"
    log "$provider: generating"
    "${bench[@]}" generate --provider "$provider" --connection "$connection" "${generate_args[@]}" | tee "$out/$name-generate.log"
    # Write the load's dirty pages out now, not while requests are being timed.
    sync
    log "$provider: benchmarking"
    "${bench[@]}" run --provider "$provider" --connection "$connection" --out "$out/$name.md" "${run_args[@]}" | tee "$out/$name-run.log"
    if [ "$smart" -eq 1 ]; then
        log "$provider: smart numbers (time-entry import, metrics, dashboard)"
        "${bench[@]}" smart --provider "$provider" --connection "$connection" --out "$out/$name-smart.md" "${smart_args[@]}" \
            | tee "$out/$name-smart.log"
    fi
}

status=0
run_provider sqlite Sqlite "Data Source=$work/plumbline-bench.db" || status=1
if [ "$use_pg" -eq 1 ]; then
    if [ -n "$pg_connection" ] || start_postgres; then
        run_provider postgres Postgres "$pg_connection;Database=plumbline_bench" || status=1
    fi
fi
log "figures in $out"
exit "$status"
