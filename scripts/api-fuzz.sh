#!/usr/bin/env bash
# A short schemathesis run against the served OpenAPI document, as every demo role and anonymously,
# with its conformance checks: no 5xx, and every status, content type and body as documented. Starts the given binary on a free loopback port with an
# empty data folder (demo data loads in the development environment) and stops it at the end.
# Usage: scripts/api-fuzz.sh [path/to/teukgu] [examples per operation]
set -euo pipefail
binary=$(readlink -f "${1:-.build/release/teukgu}")
examples=${2:-6}
root=$(cd "$(dirname "$0")/.." && pwd)

if ! python3 -c 'import schemathesis' 2>/dev/null; then
    echo "installing schemathesis from PyPI"
    python3 -m pip install -q schemathesis
fi

work=$(mktemp -d /tmp/teukgu-fuzz.XXXXXX)
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
base="http://127.0.0.1:$port"
# exec, so that $! is the server itself and the trap below stops it (a plain subshell would leave
# the server running after the script ends).
(cd "$root" && TEUKGU_DATA="$work/data" exec "$binary" serve --port "$port" >"$work/server.log" 2>&1) &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; [ -n "${KEEP_FUZZ_LOGS:-}" ] || rm -rf "$work"' EXIT
for _ in $(seq 1 240); do
    curl -fsS "$base/health" >/dev/null 2>&1 && break
    kill -0 "$server" 2>/dev/null || { cat "$work/server.log"; echo "the server stopped"; exit 1; }
    sleep 0.5
done

token_for() {
    local jar="$work/jar-$1"
    curl -fsS -c "$jar" -H 'Content-Type: application/json' \
        -d "{\"email\":\"$1\",\"password\":\"teukgu-demo-2026\"}" "$base/api/v1/auth/login" >/dev/null
    curl -fsS -b "$jar" -H 'Content-Type: application/json' -d '{"name":"fuzz"}' "$base/api/v1/tokens" |
        python3 -c 'import json, sys; print(json.load(sys.stdin)["secret"])'
}

# Runs schemathesis once as one role; on failure prints the run's failure and error sections whole.
fuzz_as() {
    local log="$work/st-$1-$2.log"
    if python3 -m schemathesis.cli run "$base/api/v1/openapi.json" --checks "$checks" \
        --max-examples "$examples" --workers 2 --request-timeout 30 --no-color "${headers[@]}" "${scope[@]}" \
        >"$log" 2>&1; then
        grep -E "Operations:|(passed|failed)$" "$log" | tr -s ' ' | paste -sd ' ' -
        return 0
    fi
    echo "-- schemathesis failed ($2 run); its failures and errors:"
    sed -n '/=\+ \(FAILURES\|ERRORS\) =\+/,$p' "$log" | head -200
    grep -q "=\+ \(FAILURES\|ERRORS\) =\+" "$log" || tail -80 "$log"
    return 1
}

checks=not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance
# Revoking a token is tried apart, with a token made for it: schemathesis follows links from the token
# list to the revoke operation, and once it revokes the token it runs with, every later request is a
# 401 and the rest of the run tests nothing.
revoke=delete-tokens-by-tokenID
status=0
# The administrator goes last: it may deactivate the other demo accounts.
for who in anonymous officer@teukgu.demo busan@teukgu.demo evaluator@teukgu.demo committee@teukgu.demo \
    startup@teukgu.demo nvidia@teukgu.demo operator@teukgu.demo revoke:startup@teukgu.demo admin@teukgu.demo; do
    headers=()
    scope=(--exclude-operation-id "$revoke")
    if [ "${who#revoke:}" != "$who" ]; then scope=(--include-operation-id "$revoke"); fi
    if [ "$who" != anonymous ]; then headers=(-H "Authorization: Bearer $(token_for "${who#revoke:}")"); fi
    echo "== schemathesis as $who"
    if ! fuzz_as "$who" first; then
        # A failed check (a 5xx) fails the run at once. A run that failed only with schemathesis' own
        # runtime errors (generation limits, a client-side timeout) is shown in full and run once more
        # with a new seed; the server log is still searched for any 5xx below.
        if grep -qE "Server error|Failed checks" "$work/st-$who-first.log" ||
            ! fuzz_as "$who" again; then
            status=1
        fi
    fi
done
if grep -E '" 5[0-9][0-9] ' "$work/server.log" >/dev/null 2>&1; then
    echo "the server log shows a 5xx"
    status=1
fi
exit $status
