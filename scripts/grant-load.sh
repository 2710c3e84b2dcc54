#!/usr/bin/env bash
# Load test of grant payments with the ledger's invariants enforced: wrk, 32 connections, each
# request a payment of 1,000 won with its own Idempotency-Key, spread over 32 signed agreements,
# against the release build serving a fresh database. Afterwards the server is killed (-9) and the
# payments on file are counted: every acknowledged payment must be there.
# SQLite by default; set DATABASE_URL to an empty PostgreSQL database (and have psql) for that.
# Usage: scripts/grant-load.sh [path/to/teukgu] [seconds]   (needs wrk: apt-get install wrk)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
binary=$(readlink -f "${1:-$root/.build/release/teukgu}")
duration=${2:-10}
data=$(mktemp -d /tmp/teukgu-grant-load.XXXXXX)
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
base="http://127.0.0.1:$port"
cd "$root"
TEUKGU_DATA="$data" "$binary" bench grant-payments --agreements 32 | grep -E '^[0-9A-F-]{36}$' >"$data/agreements.txt"
TEUKGU_DATA="$data" "$binary" serve --port "$port" >"$data/server.log" 2>&1 &
server=$!
trap 'kill -9 $server 2>/dev/null || true; rm -rf "$data"' EXIT
for _ in $(seq 1 120); do curl -sf "$base/health" >/dev/null && break; sleep 0.5; done
curl -sf -c "$data/jar" -H 'content-type: application/json' \
    -d '{"email":"operator@teukgu.demo","password":"teukgu-demo-2026"}' "$base/api/v1/auth/login" >/dev/null
token=$(curl -sf -b "$data/jar" -H 'content-type: application/json' -d '{"name":"load"}' "$base/api/v1/tokens" |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["secret"])')
{
    echo "local agreements = {"
    sed 's/.*/"&",/' "$data/agreements.txt"
    echo "}"
    cat <<LUA
local counter = 0
local prefix = ""
function setup(thread) thread:set("id", tostring(math.random(1, 1000000000))) end
function init(args) prefix = id or tostring(math.random(1, 1000000000)) end
request = function()
    counter = counter + 1
    local agreement = agreements[(counter % #agreements) + 1]
    local headers = {}
    headers["Authorization"] = "Bearer $token"
    headers["Content-Type"] = "application/json"
    headers["Idempotency-Key"] = prefix .. "-" .. counter
    return wrk.format("POST", "/api/v1/grants/agreements/" .. agreement .. "/instalments/1/events", headers,
        '{"event":"pay","amountWon":1000}')
end
LUA
} >"$data/pay.lua"
wrk -t2 -c32 -d"${duration}s" --latency -s "$data/pay.lua" "$base" >"$data/out.txt"
requests=$(awk '/requests in/ {print $1}' "$data/out.txt")
failed=$(awk '/Non-2xx/ {print $5}' "$data/out.txt")
acknowledged=$((requests - ${failed:-0}))
kill -9 $server
wait $server 2>/dev/null || true
if [ -n "${DATABASE_URL:-}" ]; then
    stored=$(psql "$DATABASE_URL" -tAc "SELECT count(*) FROM ledger_entries WHERE kind = 'payment'")
else
    stored=$(sqlite3 "$data/teukgu.sqlite" "SELECT count(*) FROM ledger_entries WHERE kind = 'payment'")
fi
printf '%-28s %s\n' "payments/s" "$(awk '/Requests\/sec/ {print $2}' "$data/out.txt")"
printf '%-28s %s\n' "p50" "$(awk '$1 == "50%" {print $2}' "$data/out.txt")"
printf '%-28s %s\n' "p99" "$(awk '$1 == "99%" {print $2}' "$data/out.txt")"
printf '%-28s %s\n' "acknowledged (2xx)" "$acknowledged"
printf '%-28s %s\n' "refused (non-2xx)" "${failed:-0}"
printf '%-28s %s\n' "payments on file after kill -9" "$stored"
[ "$stored" -ge "$acknowledged" ] || { echo "LOST: fewer payments on file than acknowledged"; exit 1; }
