#!/usr/bin/env bash
# Provider verifier benchmark (release build).
#  1. A generated pact of SIZE interactions (scripts/gen-items-pact.py: GET and POST with JSON bodies and matching
#     rules) verified by `pactkit verify` against `pactkit mock` serving the same pact: total time, time per
#     interaction, and the verifier's own overhead per interaction, which is the time per interaction minus the
#     provider's round trip (wrk, one connection, same requests) after subtracting the fixed cost of a run that
#     verifies nothing (process start, reading and parsing the pact).
#  2. Every pact in pacts/ verified against the codes service (release, provider states on, in-memory database).
# Target: under 0.4 ms of verifier overhead per interaction.
# Environment: SIZE (default 1000), RUNS (default 5; medians are shown), SCRATCH (build scratch path, default .build),
# SKIP_CODES=1 skips part 2. Needs python3 and wrk (apt-get install -y wrk).
set -euo pipefail
cd "$(dirname "$0")/.."
SIZE=${SIZE:-1000}
RUNS=${RUNS:-5}
SCRATCH=${SCRATCH:-.build}
command -v wrk >/dev/null || { echo "wrk is required: apt-get install -y wrk" >&2; exit 1; }
command -v python3 >/dev/null || { echo "python3 is required" >&2; exit 1; }

swift build -c release --scratch-path "$SCRATCH" --product pactkit >/dev/null
[ "${SKIP_CODES:-}" = 1 ] || swift build -c release --scratch-path "$SCRATCH" --product codes-service >/dev/null
bin="$(swift build -c release --scratch-path "$SCRATCH" --show-bin-path)"
work=$(mktemp -d)
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true; done
    rm -rf "$work"
}
trap cleanup EXIT

# Starts "$@" in the background and sets $url from its first line, `listening on URL`.
start_server() {
    "$@" >"$work/server.out" 2>"$work/server.err" &
    pids+=($!)
    url=""
    for _ in $(seq 200); do
        url=$(sed -n '1s/^listening on //p' "$work/server.out" 2>/dev/null)
        [ -n "$url" ] && return 0
        sleep 0.05
    done
    echo "server did not start: $(cat "$work/server.err")" >&2
    exit 1
}

# Median wall time in milliseconds of RUNS runs of "$@" (output discarded); the last exit code goes to $work/status.
median_ms() {
    local times=() start end status
    for _ in $(seq "$RUNS"); do
        start=$(date +%s%N)
        status=0
        "$@" >/dev/null 2>&1 || status=$?
        end=$(date +%s%N)
        times+=($(( (end - start) / 1000 )))
    done
    echo "$status" >"$work/status"
    printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END { printf "%.1f", a[int((NR + 1) / 2)] / 1000 }'
}

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores, $RUNS runs each (median)"
python3 scripts/gen-items-pact.py "$SIZE" "$work/items.json"
start_server "$bin/pactkit" mock --file "$work/items.json"
mock_url=$url
verify=("$bin/pactkit" verify --file "$work/items.json" --provider-base-url "$mock_url" --no-colour)
"${verify[@]}" >/dev/null 2>&1 || true # warm-up
total=$(median_ms "${verify[@]}")
total_status=$(cat "$work/status")
fixed=$(median_ms "${verify[@]}" --filter-description '^$')
# The provider's share: the same requests, one connection, one at a time.
latency=$(INTERACTIONS=$SIZE wrk -t1 -c1 -d3s -s scripts/wrk/items.lua "$mock_url" \
    | awk '$1 == "Latency" { v = $2; if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) } else if (v ~ /s$/) { sub(/s$/, "", v); v *= 1000 }; printf "%.3f", v }')
"${verify[@]}" --json "$work/report.json" >/dev/null 2>&1 || true
passed=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["summary"]["passed"])' "$work/report.json")

awk -v size="$SIZE" -v total="$total" -v fixed="$fixed" -v latency="$latency" -v passed="$passed" -v status="$total_status" 'BEGIN {
    per = (total - fixed) / size
    printf "%s-interaction pact against pactkit mock: %.1f ms in total (exit code %s, %s passed)\n", size, total, status, passed
    printf "  fixed cost (process start, reading and parsing the pact): %.1f ms\n", fixed
    printf "  per interaction: %.3f ms, of which the provider round trip (wrk, 1 connection): %.3f ms\n", per, latency
    printf "  verifier overhead per interaction: %.3f ms (target < 0.4 ms)\n", per - latency
}'

if [ "${SKIP_CODES:-}" != 1 ]; then
    shopt -s nullglob
    pacts=(pacts/*.json)
    # The codes service's pacts only: pacts/ also holds PactKit's contract with the Pact Broker, which --provider skips.
    counts=$(python3 -c 'import json,sys
docs = [json.load(open(f)) for f in sys.argv[1:]]
mine = [d for d in docs if d.get("provider", {}).get("name") == "data-lpa-codes"]
print(len(mine), sum(len(d.get("interactions", [])) for d in mine))' "${pacts[@]}")
    read -r pact_count interactions <<<"$counts"
    start_server "$bin/codes-service" --port 0 --db :memory: --enable-provider-states
    codes=("$bin/pactkit" verify --dir pacts --provider data-lpa-codes --provider-base-url "$url"
           --state-change-url "$url/_pact_state" --state-change-teardown --no-colour)
    "${codes[@]}" >/dev/null 2>&1 || true # warm-up
    codes_total=$(median_ms "${codes[@]}")
    awk -v n="$pact_count" -v i="$interactions" -v t="$codes_total" -v s="$(cat "$work/status")" 'BEGIN {
        printf "pacts/ (%d pacts, %d interactions) against codes-service: %.1f ms in total, %.2f ms per interaction (exit code %s)\n", n, i, t, t / i, s
    }'
fi
