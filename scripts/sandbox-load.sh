#!/usr/bin/env bash
# Load test of each party's sandbox queue and due-soon page with 10,000 open cases: wrk, 32
# connections, against the release build serving a fresh database. SQLite by default; set
# DATABASE_URL to an empty PostgreSQL database to measure that instead.
# Usage: scripts/sandbox-load.sh [path/to/teukgu] [seconds] [cases]   (needs wrk: apt-get install wrk)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
binary=$(readlink -f "${1:-$root/.build/release/teukgu}")
duration=${2:-10}
cases=${3:-10000}
data=$(mktemp -d /tmp/teukgu-sandbox-load.XXXXXX)
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
base="http://127.0.0.1:$port"
cd "$root"
TEUKGU_DATA="$data" "$binary" bench sandbox-queues --cases "$cases"
TEUKGU_DATA="$data" "$binary" serve --port "$port" >"$data/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -rf "$data"' EXIT
for _ in $(seq 1 120); do curl -sf "$base/health" >/dev/null && break; sleep 0.5; done

token_for() {
    curl -sf -c "$data/jar-$1" -H 'content-type: application/json' \
        -d "{\"email\":\"$1\",\"password\":\"teukgu-demo-2026\"}" "$base/api/v1/auth/login" >/dev/null
    curl -sf -b "$data/jar-$1" -H 'content-type: application/json' -d '{"name":"load"}' "$base/api/v1/tokens" |
        python3 -c 'import json, sys; print(json.load(sys.stdin)["secret"])'
}

printf '%-10s %-38s %10s %10s %10s\n' party route "req/s" "p50" "p99"
for who in officer@teukgu.demo busan@teukgu.demo startup@teukgu.demo; do
    token=$(token_for "$who")
    printf 'wrk.headers["Authorization"] = "Bearer %s"\n' "$token" >"$data/auth.lua"
    for route in "/api/v1/sandbox/cases?waiting=true" "/sandbox"; do
        status=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "$base$route")
        [ "$status" = 200 ] || { echo "$who $route answered $status"; exit 1; }
        wrk -t2 -c32 -d"${duration}s" --latency -s "$data/auth.lua" "$base$route" >"$data/out.txt"
        rps=$(awk '/Requests\/sec/ {print $2}' "$data/out.txt")
        p50=$(awk '$1 == "50%" {print $2}' "$data/out.txt")
        p99=$(awk '$1 == "99%" {print $2}' "$data/out.txt")
        errors=$(awk '/Non-2xx|Socket errors/ {print}' "$data/out.txt")
        printf '%-10s %-38s %10s %10s %10s %s\n' "${who%%@*}" "$route" "$rps" "$p50" "$p99" "$errors"
    done
done
if grep -E '" 5[0-9][0-9] ' "$data/server.log" >/dev/null; then echo "the server log shows a 5xx"; exit 1; fi
