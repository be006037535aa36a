# Sourced by scripts/test.sh (and by hand before running the single sign-on tests): the test OpenID provider of
# tools/oidc on 127.0.0.1. oidc_start exports PLUMBLINE_TEST_OIDC_ISSUER, _CLIENT_ID and _CLIENT_SECRET; oidc_stop ends it.
OIDC_WORK=""
OIDC_PID=""

oidc_install() {
    [ -d tools/oidc/node_modules/oidc-provider ] && return 0
    echo "installing the test OpenID provider (npm ci in tools/oidc)"
    (cd tools/oidc && npm ci --no-audit --no-fund --loglevel=error </dev/null)
}

oidc_start() {
    oidc_install || return 1
    OIDC_WORK="$(mktemp -d /tmp/plumbline-oidc.XXXXXX)"
    export PLUMBLINE_TEST_OIDC_CLIENT_ID="plumbline-tests"
    export PLUMBLINE_TEST_OIDC_CLIENT_SECRET="secret-$RANDOM$RANDOM$RANDOM"
    (cd tools/oidc && OIDC_PORT=0 OIDC_CLIENT_ID="$PLUMBLINE_TEST_OIDC_CLIENT_ID" OIDC_CLIENT_SECRET="$PLUMBLINE_TEST_OIDC_CLIENT_SECRET" \
        exec node server.js >"$OIDC_WORK/provider.log" 2>&1 </dev/null) &
    OIDC_PID=$!
    local issuer="" tries
    for tries in $(seq 1 100); do
        issuer="$(grep -o 'issuer=.*' "$OIDC_WORK/provider.log" | head -1 | cut -d= -f2)"
        if [ -n "$issuer" ] && node -e 'fetch(process.argv[1]).then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))' \
            "$issuer/.well-known/openid-configuration"; then
            export PLUMBLINE_TEST_OIDC_ISSUER="$issuer"
            return 0
        fi
        kill -0 "$OIDC_PID" 2>/dev/null || break
        sleep 0.2
    done
    echo "the test OpenID provider did not start:"; cat "$OIDC_WORK/provider.log"
    return 1
}

oidc_stop() {
    if [ -n "$OIDC_PID" ]; then kill "$OIDC_PID" 2>/dev/null; wait "$OIDC_PID" 2>/dev/null; fi
    [ -n "$OIDC_WORK" ] && rm -rf "$OIDC_WORK"
    OIDC_PID=""
    OIDC_WORK=""
}
