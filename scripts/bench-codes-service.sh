#!/usr/bin/env bash
# Codes service benchmark: validate and create requests per second with wrk (16 connections, 2 threads) against a
# release build serving a fresh SQLite file. DURATION sets each wrk run (default 10s); SCRATCH_PATH=<dir> builds with
# `--scratch-path <dir>`. Needs wrk and curl (apt-get install -y wrk curl).
set -euo pipefail
cd "$(dirname "$0")/.."
duration="${DURATION:-10s}"
for tool in wrk curl; do
    command -v "$tool" >/dev/null || { echo "$tool not found (apt-get install $tool)" >&2; exit 1; }
done
build=(swift build -c release --product codes-service)
if [ -n "${SCRATCH_PATH:-}" ]; then build+=(--scratch-path "$SCRATCH_PATH"); fi
"${build[@]}" >/dev/null
binary="$("${build[@]}" --show-bin-path)/codes-service"

work="$(mktemp -d)"
server=""
cleanup() {
    if [ -n "$server" ] && kill -0 "$server" 2>/dev/null; then
        kill -TERM "$server"
        wait "$server" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

"$binary" --port 0 --db "$work/bench.sqlite3" >"$work/stdout" 2>"$work/requests.log" &
server=$!
url=""
for _ in $(seq 1 100); do
    url="$(sed -n '1s/^listening on //p' "$work/stdout")"
    [ -n "$url" ] && break
    sleep 0.1
done
[ -n "$url" ] || { echo "the service did not start:" >&2; cat "$work/requests.log" >&2; exit 1; }

lpa=700000000001 dob=1960-06-05
created="$(curl -sf -X POST "$url/v1/create" -H 'Content-Type: application/json' \
    -d "{\"lpas\":[{\"lpa\":\"$lpa\",\"actor\":\"700000000002\",\"dob\":\"$dob\"}]}")"
code="$(printf '%s' "$created" | sed -n 's/.*"code":"\([A-Z0-9]*\)".*/\1/p')"
check="$(curl -sf -X POST "$url/v1/validate" -d "{\"lpa\":\"$lpa\",\"dob\":\"$dob\",\"code\":\"$code\"}")"
[ "$check" = '{"actor":"700000000002"}' ] || { echo "unexpected validate answer: $check" >&2; exit 1; }

echo "codes-service (release, SQLite WAL, synchronous=FULL) at $url; wrk -t2 -c16 -d$duration; $(nproc) CPU cores shared by wrk and the service"
CODE="$code" LPA="$lpa" DOB="$dob" wrk -t2 -c16 -d"$duration" -s scripts/wrk/codes-validate.lua "$url" | tail -1
wrk -t2 -c16 -d"$duration" -s scripts/wrk/codes-create.lua "$url" | tail -1
