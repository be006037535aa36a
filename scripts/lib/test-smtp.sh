# Sourced by scripts/test.sh: a throwaway SMTP server (Debian's python3-aiosmtpd) on 127.0.0.1 that writes every message
# it receives into a Maildir, so tests read back what Plumbline really sent. Sets SMTP_WORK (its folder), SMTP_PORT and
# SMTP_MAILDIR; smtp_stop stops it and removes the folder.
SMTP_WORK=""
SMTP_PORT=""
SMTP_MAILDIR=""
SMTP_PID=""
smtp_python=/usr/bin/python3

smtp_installed() { "$smtp_python" -c "import aiosmtpd" >/dev/null 2>&1; }

smtp_free_port() {
    local port
    for port in $(seq 2525 2625); do
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return 0; fi
    done
    return 1
}

# smtp_start PREFIX: starts the server and waits (up to 30 s) until it accepts connections.
smtp_start() {
    SMTP_WORK="$(mktemp -d "/tmp/$1.XXXXXX")"
    SMTP_MAILDIR="$SMTP_WORK/maildir"
    SMTP_PORT="$(smtp_free_port)" || { echo "no free port for the SMTP server"; return 1; }
    "$smtp_python" -m aiosmtpd -n -l "127.0.0.1:$SMTP_PORT" -c aiosmtpd.handlers.Mailbox "$SMTP_MAILDIR" \
        >"$SMTP_WORK/smtp.log" 2>&1 &
    SMTP_PID=$!
    local tries
    for tries in $(seq 1 300); do
        if (exec 3<>"/dev/tcp/127.0.0.1/$SMTP_PORT") 2>/dev/null; then return 0; fi
        kill -0 "$SMTP_PID" 2>/dev/null || break
        sleep 0.1
    done
    cat "$SMTP_WORK/smtp.log"
    return 1
}

smtp_stop() {
    if [ -n "$SMTP_PID" ]; then
        kill "$SMTP_PID" 2>/dev/null && wait "$SMTP_PID" 2>/dev/null
        SMTP_PID=""
    fi
    if [ -n "$SMTP_WORK" ] && [ -d "$SMTP_WORK" ]; then rm -rf "$SMTP_WORK"; fi
    SMTP_WORK=""
}
