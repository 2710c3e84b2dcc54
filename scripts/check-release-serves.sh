#!/usr/bin/env bash
# Starts the given teukgu binary from an unrelated folder (with an empty data folder) and checks that
# pages render: the binary finds Resources/ and Public/ beside itself, never answering 500s.
set -euo pipefail
binary=$(readlink -f "${1:-.build/release/teukgu}")
work=$(mktemp -d /tmp/teukgu-serve.XXXXXX)
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
cd "$work"
TEUKGU_DATA="$work/data" "$binary" serve --port "$port" >"$work/server.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 120); do
    if curl -fsS "http://127.0.0.1:$port/health" >/dev/null 2>&1; then break; fi
    if ! kill -0 "$server" 2>/dev/null; then cat "$work/server.log"; echo "the server stopped"; exit 1; fi
    sleep 0.5
done
for path in / /districts /legal/deadline /login /css/teukgu.css; do
    status=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port$path")
    if [ "$status" != "200" ]; then
        echo "GET $path answered $status when started from $work"
        tail -20 "$work/server.log"
        exit 1
    fi
done
echo "pages render when the binary starts from $work"
