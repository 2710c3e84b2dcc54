#!/usr/bin/env bash
# Load comparison for the regulation check: a bare JSON route against POST /api/v1/regulation/check,
# both with wrk, 32 connections, on a server built in release mode over a fresh SQLite data folder.
# Usage: scripts/load-check.sh [seconds]   (needs wrk: apt-get install wrk)
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-20}
data=$(mktemp -d /tmp/teukgu-load.XXXXXX)
port=${PORT:-8089}
swift build -c release --product teukgu >/dev/null
TEUKGU_DATA="$data" .build/release/teukgu serve --port "$port" >"$data/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -rf "$data"' EXIT
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 1; done

# Checks run as a signed-in company member (anonymous checks are rate-limited per address).
token=$(curl -sf -c "$data/jar" -H 'content-type: application/json' \
    -d '{"email":"startup@teukgu.demo","password":"teukgu-demo-2026"}' "http://127.0.0.1:$port/api/v1/auth/login" >/dev/null &&
    curl -sf -b "$data/jar" -H 'content-type: application/json' -d '{"name":"load"}' "http://127.0.0.1:$port/api/v1/tokens" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["secret"])')

cat >"$data/check.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $token"
local bodies = {
  '{"district":"busan-marine-mobility","asOf":"2025-03-01","facts":{"activity.kind":"autonomous-vessel-trial","activity.crewOnboard":0,"site.zone":"test-north","company.isZoneOperator":true}}',
  '{"district":"jeonnam-dc-energy","asOf":"2025-07-01","facts":{"activity.kind":"dc-distribution","activity.voltageKilovolts":35,"site.zone":"naju-energy-valley","company.isZoneOperator":true}}',
  '{"district":"gangwon-ai-healthcare","asOf":"2025-05-01","facts":{"activity.kind":"remote-care","care.patientGroup":"general"}}',
}
local i = 0
request = function()
  i = i + 1
  return wrk.format(nil, nil, nil, bodies[(i % #bodies) + 1])
end
LUA
cat >"$data/ping.lua" <<LUA
wrk.headers["Authorization"] = "Bearer $token"
LUA

echo "== bare JSON route: GET /api/v1/ping (no auth, no database) =="
wrk -t2 -c32 -d"${duration}s" --latency "http://127.0.0.1:$port/api/v1/ping" | tee "$data/bare.txt"
echo "== bare JSON route: GET /api/v1/ping (same bearer auth as the checks) =="
wrk -t2 -c32 -d"${duration}s" --latency -s "$data/ping.lua" "http://127.0.0.1:$port/api/v1/ping" | tee "$data/ping.txt"
echo "== POST /api/v1/regulation/check (logged before answering) =="
wrk -t2 -c32 -d"${duration}s" --latency -s "$data/check.lua" "http://127.0.0.1:$port/api/v1/regulation/check" | tee "$data/check.txt"
logged=$(sqlite3 "$data/teukgu.sqlite" 'select count(*) from regulation_decisions' 2>/dev/null || echo "?")
bare_rps=$(awk '/Requests\/sec/ {print $2}' "$data/bare.txt")
ping_rps=$(awk '/Requests\/sec/ {print $2}' "$data/ping.txt")
check_rps=$(awk '/Requests\/sec/ {print $2}' "$data/check.txt")
echo "decisions logged: $logged"
python3 -c "print(f'check / bare route: {float($check_rps)/float($bare_rps):.0%}; check / authenticated bare route: {float($check_rps)/float($ping_rps):.0%}')"
