#!/usr/bin/env bash
# The one test command (README, .ci/run). On a fresh Debian machine, as root, it installs what is missing,
# starts a throwaway PostgreSQL 15 on 127.0.0.1, builds once, runs every test project and prints, as its
# very last line, "N passed, N failed" summed over all of them.
set -uo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 DEBIAN_FRONTEND=noninteractive

# shellcheck source=lib/throwaway-postgres.sh
. "$root/scripts/lib/throwaway-postgres.sh"
# shellcheck source=lib/test-oidc.sh
. "$root/scripts/lib/test-oidc.sh"
# shellcheck source=lib/test-smtp.sh
. "$root/scripts/lib/test-smtp.sh"

log() { echo "test.sh: $*"; }

cleanup() { pg_stop; oidc_stop; smtp_stop; }
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
    smtp_installed || packages+=(python3-aiosmtpd)
    # The deployment test (DeploymentTests) runs nginx in front of two app nodes; it starts and stops nginx itself.
    [ -x /usr/sbin/nginx ] || packages+=(nginx)
    # The proposal PDF test reads the PDF back with pdftotext.
    [ -x /usr/bin/pdftotext ] || packages+=(poppler-utils)
    [ "${#packages[@]}" -eq 0 ] && return 0
    if [ "$(id -u)" -ne 0 ]; then
        log "missing ${packages[*]}; run as root (or install them) first"
        return 1
    fi
    log "installing ${packages[*]}"
    # Debian's packages start their services (nginx on port 80) when installed; the tests start their own on 127.0.0.1.
    local policy=""
    if [ ! -e /usr/sbin/policy-rc.d ]; then
        printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d && policy=/usr/sbin/policy-rc.d
    fi
    local status=0
    apt-get update -qq && apt-get install -y -qq --no-install-recommends "${packages[@]}" </dev/null || status=$?
    [ -z "$policy" ] || rm -f "$policy"
    return "$status"
}

start_postgres() {
    # Durability off for speed, room for the many small databases the tests create.
    pg_start plumbline-pg fsync=off synchronous_commit=off full_page_writes=off max_connections=300 || return 1
    export PLUMBLINE_TEST_PG="$PG_CONNECTION"
    log "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT"
}

# The SMTP server e-mail tests send to; they read the delivered messages back from its Maildir.
start_smtp() {
    smtp_start plumbline-smtp || return 1
    export PLUMBLINE_TEST_SMTP="127.0.0.1:$SMTP_PORT" PLUMBLINE_TEST_MAILDIR="$SMTP_MAILDIR"
    log "SMTP server (aiosmtpd) on 127.0.0.1:$SMTP_PORT"
}

# The Redocly CLI that RedoclyLintTests runs on the OpenAPI document, at the version tools/openapi pins.
install_openapi_tools() {
    [ -d tools/openapi/node_modules/@redocly/cli ] && return 0
    log "installing the OpenAPI linter (npm ci in tools/openapi)"
    (cd tools/openapi && npm ci --no-audit --no-fund --loglevel=error </dev/null)
}

# axe-core, the accessibility engine the browser tests inject into every page, at the version tools/axe pins.
install_axe() {
    [ -f tools/axe/node_modules/axe-core/axe.min.js ] && return 0
    log "installing axe-core (npm ci in tools/axe)"
    (cd tools/axe && npm ci --no-audit --no-fund --loglevel=error </dev/null)
}

# The real OpenID provider the single sign-on tests sign in at (tools/oidc, on 127.0.0.1).
start_oidc_provider() {
    oidc_start || return 1
    log "test OpenID provider at $PLUMBLINE_TEST_OIDC_ISSUER"
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
start_smtp || finish 0 0 1
install_openapi_tools || finish 0 0 1
install_axe || finish 0 0 1
start_oidc_provider || finish 0 0 1

log "building"
dotnet build Plumbline.slnx -nologo -v q -clp:ErrorsOnly || finish 0 0 1

# The code style (dotnet format and the 160-character limit) fails the run like a failing test would, after the tests.
log "checking the code style"
style=0
bash "$root/scripts/check-format.sh" || style=1

results="$root/TestResults"
rm -rf "$results"
mkdir -p "$results"
status=$style
for project in tests/*/*.csproj; do
    name="$(basename "$project" .csproj)"
    log "testing $name"
    dotnet test "$project" --no-build --nologo --results-directory "$results" \
        --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" --blame-hang-timeout 15m </dev/null || status=1
    [ -f "$results/$name.trx" ] || { log "$name wrote no results"; status=1; }
done

[ "$style" -eq 0 ] || log "the code style check failed (see its output above): the run fails"
passed="$(count passed)"
failed=$(($(count failed) + $(count error) + $(count timeout) + $(count aborted)))
if [ "$failed" -gt 0 ] || [ "$passed" -eq 0 ]; then status=1; fi
finish "$passed" "$failed" "$status"
