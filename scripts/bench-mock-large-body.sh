#!/usr/bin/env bash
# Large-body benchmark of `pactkit mock` (release build): one POST of a ~1 MB JSON body (about 3,500 orders) matched
# end to end by the standalone mock against type, regex, eachLike (min), datetime and integer rules, one request at a
# time on one keep-alive connection (wrk -t1 -c1), with --no-match-cache so that every request is parsed and matched
# afresh. Prints wrk's latency percentiles; the median is the figure (issue 23's target: <= 15 ms on 2 cores).
# Environment: BYTES (body size, default 1000000), DURATION (default 10s), SCRATCH (build scratch path, default .build), PACTKIT (a pactkit binary to
# run instead of building one).
# Needs wrk (apt-get install wrk) and python3.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "wrk is required: apt-get install -y wrk" >&2; exit 1; }
BYTES=${BYTES:-1000000}
DURATION=${DURATION:-10s}
source scripts/lib/bench-mock.sh

python3 scripts/gen-large-body-pact.py "$work/pact.json" "$work/body.json" "$BYTES"
start_mock --file "$work/pact.json" --no-match-cache

# One request first: it must be answered by the interaction, not by a mismatch.
status=$(curl -s -o /dev/null -w '%{http_code}' -X POST -H 'Content-Type: application/json' --data-binary @"$work/body.json" "$url/orders")
[ "$status" = 201 ] || { echo "the body did not match (HTTP $status):" >&2; tail -n 3 "$work/out" >&2; exit 1; }

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores; body: $(wc -c <"$work/body.json") bytes"
out=$(BODY_FILE="$work/body.json" wrk -t1 -c1 -d"$DURATION" --latency -s scripts/wrk/post-body-file.lua "$url")
requests=$(awk '/requests in/ {print $1}' <<<"$out")
unmatched=$(grep -c -- '-> 500' "$work/out" || true)
printf 'requests: %s (%s unmatched); latency p50 %s, p75 %s, p90 %s, p99 %s\n' "$requests" "$unmatched" \
    "$(awk '$1 == "50%" {print $2}' <<<"$out")" "$(awk '$1 == "75%" {print $2}' <<<"$out")" \
    "$(awk '$1 == "90%" {print $2}' <<<"$out")" "$(awk '$1 == "99%" {print $2}' <<<"$out")"
echo "resident memory: $(awk '/VmHWM/ {printf "%.1f MB peak", $2/1024}' /proc/$pid/status)"
