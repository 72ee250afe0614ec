#!/usr/bin/env bash
# Mock provider benchmark (release build): in-process start + stop, then requests per second, p99 latency and
# resident memory with 16 keep-alive connections (wrk) for pacts of 10, 100 and 1,000 interactions (and 10,000 with
# SIZES="10 100 1000 10000"). Needs wrk (apt-get install wrk). DURATION sets each wrk run (default 10s).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "wrk is required: apt-get install -y wrk" >&2; exit 1; }
SIZES=${SIZES:-"10 100 1000"}
DURATION=${DURATION:-10s}

swift build -c release --product pactkit-bench >/dev/null
bench="$(swift build -c release --show-bin-path)/pactkit-bench"

"$bench" mock-start --interactions 10
"$bench" mock-start --interactions 1000 --iterations 100
echo
printf '%-14s %12s %10s %10s %12s %12s %s\n' interactions requests/s p50 p99 "RSS (MB)" "peak (MB)" outcome
for size in $SIZES; do
    log=$(mktemp)
    "$bench" mock-serve --interactions "$size" >"$log" &
    pid=$!
    for _ in $(seq 100); do grep -q '^listening on' "$log" && break; sleep 0.05; done
    url=$(sed -n 's/^listening on //p' "$log")
    out=$(INTERACTIONS=$size wrk -t2 -c16 -d"$DURATION" --latency -s scripts/wrk/orders.lua "$url")
    rss=$(awk '/VmRSS/ {printf "%.1f", $2/1024}' /proc/$pid/status)
    peak=$(awk '/VmHWM/ {printf "%.1f", $2/1024}' /proc/$pid/status)
    kill -TERM $pid; wait $pid || true
    rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
    p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
    p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
    errors=$(grep -E 'Non-2xx|Socket errors' <<<"$out" | tr -s ' ' | paste -sd';' - || true)
    printf '%-14s %12s %10s %10s %12s %12s %s\n' "$size" "$rps" "$p50" "$p99" "$rss" "$peak" "$(tail -n 1 "$log")${errors:+ ($errors)}"
    rm -f "$log"
done
