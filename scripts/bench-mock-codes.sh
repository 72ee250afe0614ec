#!/usr/bin/env bash
# `pactkit mock` on the codes pact (release build): requests per second and latency percentiles with 16 keep-alive
# connections (wrk -t2 -c16) sending the use-an-lpa consumer's requests of pacts/use-an-lpa-data-lpa-codes.json
# (revoke, exists, paper verification code validate) with every body different (scripts/wrk/codes-distinct.lua), so
# every request is parsed and matched afresh. Issue 23's target on 2 cores: >= 60,000 requests/s, p99 <= 2 ms. Run it
# on an otherwise idle machine: wrk shares the cores. Environment: DURATION (default 10s), RUNS (default 3; the best
# is shown), SCRATCH (build scratch path, default .build), PACTKIT (a pactkit binary to
# run instead of building one), MOCK_ARGS (extra `pactkit mock` options).
# Needs wrk (apt-get install wrk).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "wrk is required: apt-get install -y wrk" >&2; exit 1; }
DURATION=${DURATION:-10s}
RUNS=${RUNS:-3}
source scripts/lib/bench-mock.sh

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores; options: ${MOCK_ARGS:-(none)}"
printf '%-5s %12s %9s %9s %9s %10s %s\n' run requests/s p50 p90 p99 "peak (MB)" notes
for run in $(seq "$RUNS"); do
    start_mock --file pacts/use-an-lpa-data-lpa-codes.json ${MOCK_ARGS:-}
    out=$(wrk -t2 -c16 -d"$DURATION" --latency -s scripts/wrk/codes-distinct.lua "$url")
    peak=$(awk '/VmHWM/ {printf "%.1f", $2/1024}' /proc/$pid/status)
    stop_mock
    unmatched=$(grep -c -- '-> 500' "$work/out" || true)
    errors=$(grep -E 'Non-2xx|Socket errors' <<<"$out" | tr -s ' ' | paste -sd';' - || true)
    printf '%-5s %12s %9s %9s %9s %10s %s\n' "$run" "$(awk '/Requests\/sec/ {printf "%d", $2}' <<<"$out")" \
        "$(awk '$1 == "50%" {print $2}' <<<"$out")" "$(awk '$1 == "90%" {print $2}' <<<"$out")" \
        "$(awk '$1 == "99%" {print $2}' <<<"$out")" "$peak" "$unmatched unmatched${errors:+; $errors}"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
