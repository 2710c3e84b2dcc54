#!/usr/bin/env bash
# Runs the test suite (on SQLite, and on PostgreSQL too when TEST_DATABASE_URL is set) recording
# every refusal an API route answers, and rewrites the table the OpenAPI document lists each
# operation's own error codes from. Extra recorded files (say, from a schemathesis run against a
# server started with TEUKGU_RECORD_ERROR_CODES) may be given as arguments.
# Usage: scripts/record-error-codes.sh [recorded.tsv …]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
work=$(mktemp -d /tmp/teukgu-codes.XXXXXX)
# The table is what the tests are checked against: start from an empty one, so that a code no
# longer answered drops out, and so that the recording run itself cannot fail on a missing code.
table=Sources/App/Routing/OpenAPI/APIErrorCodesByRoute.swift
cp "$table" "$work/previous.swift"
printf 'enum APIErrorCodesByRoute {\n    static let table: [String: [Int: Set<String>]] = [:]\n}\n' >"$table"
# On any failure the previous table comes back.
trap 'status=$?; [ "$status" -eq 0 ] || cp "$work/previous.swift" "$table"; rm -rf "$work"' EXIT
# The committed copy of the document lags the table while it is rewritten; that one test waits.
skip=(--skip theCommittedDocumentIsTheServedOne)
swift build --build-tests
TEUKGU_RECORD_ERROR_CODES="$work/sqlite.tsv" swift test --skip-build "${skip[@]}" >"$work/sqlite.log" 2>&1 ||
    { tail -40 "$work/sqlite.log"; exit 1; }
files="$work/sqlite.tsv"
if [ -n "${TEST_DATABASE_URL:-}" ]; then
    TEUKGU_RECORD_ERROR_CODES="$work/pg.tsv" swift test --skip-build --filter AppTests "${skip[@]}" >"$work/pg.log" 2>&1 ||
        { tail -40 "$work/pg.log"; exit 1; }
    files="$files,$work/pg.tsv"
fi
for extra in "$@"; do files="$files,$(readlink -f "$extra")"; done
swift run -q teukgu error-codes "$files" >"$work/table.swift"
cp "$work/table.swift" "$table"
swift format format --in-place --configuration .swift-format "$table"
swift build -q
swift run -q teukgu openapi >Tests/AppTests/openapi.json
echo "rewrote $table and Tests/AppTests/openapi.json"
