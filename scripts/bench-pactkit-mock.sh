#!/usr/bin/env bash
# `pactkit mock` benchmark (release build): pact load time, then requests per second, p99 latency and resident
# memory with 16 keep-alive connections (wrk, 2 threads) alternating GET and POST-with-a-JSON-body requests, for
# generated V4 pacts of 10, 100, 1,000 and 10,000 interactions. The per-request log goes to a file, as in real use.
# Targets (2 cores, issue 10), with --no-match-cache and BODIES=distinct: >= 50,000 requests/s and p99 < 2 ms at 10,
# 1,000 and 10,000 interactions (a bare NIO server answering a fixed response is the ceiling, about 71,000); < 64 MB
# resident at 10,000 interactions, loaded in under 0.5 s. Run it on an otherwise idle machine: wrk shares the cores.
# Environment: SIZES (default "10 100 1000 10000"), DURATION per wrk run (default 10s), RUNS per size (default 1;
# the best is shown), SCRATCH (build scratch path, default .build), MOCK_ARGS (extra `pactkit mock` options, e.g.
# --no-match-cache to match every request afresh), BODIES (default "same": each item's POST body repeats, so the match
# cache answers after the first round; "distinct": every POST body differs, so every request is matched afresh).
# Needs wrk (apt-get install wrk) and python3.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "wrk is required: apt-get install -y wrk" >&2; exit 1; }
SIZES=${SIZES:-"10 100 1000 10000"}
DURATION=${DURATION:-10s}
RUNS=${RUNS:-1}
SCRATCH=${SCRATCH:-.build}
BODIES=${BODIES:-same}

swift build -c release --scratch-path "$SCRATCH" --product pactkit >/dev/null
pactkit="$(swift build -c release --scratch-path "$SCRATCH" --show-bin-path)/pactkit"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores; bodies: $BODIES; options: ${MOCK_ARGS:-(none)}"
printf '%-13s %9s %12s %9s %9s %10s %10s %s\n' interactions "load (ms)" requests/s p50 p99 "RSS (MB)" "peak (MB)" notes
for size in $SIZES; do
    python3 scripts/gen-items-pact.py "$size" "$work/items-$size.json"
    best=""
    for _ in $(seq "$RUNS"); do
        "$pactkit" mock --file "$work/items-$size.json" ${MOCK_ARGS:-} >"$work/out" 2>"$work/err" &
        pid=$!
        for _ in $(seq 600); do grep -q "^listening on" "$work/out" 2>/dev/null && break; sleep 0.05; done
        url=$(sed -n '1s/^listening on //p' "$work/out")
        if [ -z "$url" ]; then echo "pactkit mock did not start:" >&2; cat "$work/err" >&2; kill $pid 2>/dev/null; exit 1; fi
        load=$(sed -n 's/.*loaded in \([0-9]*\) ms.*/\1/p' "$work/err")
        out=$(BODIES=$BODIES INTERACTIONS=$size wrk -t2 -c16 -d"$DURATION" --latency -s scripts/wrk/items.lua "$url")
        rss=$(awk '/VmRSS/ {printf "%.1f", $2/1024}' /proc/$pid/status)
        peak=$(awk '/VmHWM/ {printf "%.1f", $2/1024}' /proc/$pid/status)
        kill -TERM $pid; wait $pid || true
        rps=$(awk '/Requests\/sec/ {printf "%d", $2}' <<<"$out")
        p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
        p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
        failed=$(grep -c -- '-> 500' "$work/out" || true)
        errors=$(grep -E 'Non-2xx|Socket errors' <<<"$out" | tr -s ' ' | paste -sd';' - || true)
        notes="$(($(wc -l <"$work/out") - 1)) logged, $failed unmatched${errors:+; $errors}"
        row=$(printf '%-13s %9s %12s %9s %9s %10s %10s %s' "$size" "$load" "$rps" "$p50" "$p99" "$rss" "$peak" "$notes")
        if [ -z "$best" ] || [ "$rps" -gt "$(awk '{print $3}' <<<"$best")" ]; then best=$row; fi
    done
    echo "$best"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
