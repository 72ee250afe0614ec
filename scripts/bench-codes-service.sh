#!/usr/bin/env bash
# Codes service benchmark: validate and create requests per second and p99 latency with wrk (16 connections in all)
# against a release build, on three set-ups: a fresh SQLite file; one instance on PostgreSQL; two instances on the same
# PostgreSQL database (wrk then sends 8 connections to each and the figures are summed, p99 the worse of the two).
# PostgreSQL: BENCH_POSTGRES_URL=postgres://… (its database should be empty), else a throwaway cluster from
# scripts/test-postgres.sh; BENCH_POOL_MAX sets each instance's pool_max (default 16). DURATION sets each wrk run (default 10s); SCRATCH_PATH=<dir> builds with
# `--scratch-path <dir>`; CODES_SERVICE=<binary> runs that binary instead of building one. Needs wrk and curl (apt-get install -y wrk curl).
set -euo pipefail
cd "$(dirname "$0")/.."
duration="${DURATION:-10s}"
for tool in wrk curl; do
    command -v "$tool" >/dev/null || { echo "$tool not found (apt-get install $tool)" >&2; exit 1; }
done
if [ -n "${CODES_SERVICE:-}" ]; then
    binary=$CODES_SERVICE
else
    build=(swift build -c release --product codes-service)
    if [ -n "${SCRATCH_PATH:-}" ]; then build+=(--scratch-path "$SCRATCH_PATH"); fi
    "${build[@]}" >/dev/null
    binary="$("${build[@]}" --show-bin-path)/codes-service"
fi

work="$(mktemp -d)"
pg_dir=""
servers=()
stop_servers() {
    for pid in "${servers[@]}"; do
        kill -TERM "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
    done
    servers=()
}
cleanup() {
    stop_servers
    [ -n "$pg_dir" ] && scripts/test-postgres.sh stop "$pg_dir" >/dev/null 2>&1
    rm -rf "$work"
}
trap cleanup EXIT

# Starts one instance with `--db $1` and sets `started_url` (not run in a subshell, so `servers` keeps its pid).
start_server() {
    local n=${#servers[@]}
    # Emptied here, not by the background job's own redirection, which may run after the loop below has read the
    # previous set-up's URL from the same file.
    : >"$work/stdout.$n"
    "$binary" --port 0 --db "$1" >"$work/stdout.$n" 2>"$work/requests.$n.log" &
    servers+=($!)
    local url=""
    for _ in $(seq 1 100); do
        url="$(sed -n '1s/^listening on //p' "$work/stdout.$n")"
        [ -n "$url" ] && break
        sleep 0.1
    done
    [ -n "$url" ] || { echo "the service did not start:" >&2; cat "$work/requests.$n.log" >&2; exit 1; }
    started_url="$url"
}

lpa=700000000001 dob=1960-06-05
# Creates the code every validate request checks; prints it.
seed_code() {
    local created code check
    created="$(curl -sf -X POST "$1/v1/create" -H 'Content-Type: application/json' \
        -d "{\"lpas\":[{\"lpa\":\"$lpa\",\"actor\":\"700000000002\",\"dob\":\"$dob\"}]}")"
    code="$(printf '%s' "$created" | sed -n 's/.*"code":"\([A-Z0-9]*\)".*/\1/p')"
    check="$(curl -sf -X POST "$1/v1/validate" -d "{\"lpa\":\"$lpa\",\"dob\":\"$dob\",\"code\":\"$code\"}")"
    [ "$check" = '{"actor":"700000000002"}' ] || { echo "unexpected validate answer: $check" >&2; exit 1; }
    echo "$code"
}

# Runs one wrk per URL at once (16 connections split between them) with script $1; prints "req/s p99ms non2xx".
measure() {
    local script=$1 code=$2; shift 2
    local connections=$((16 / $#)) i=0 pids=()
    for url in "$@"; do
        CODE="$code" LPA="$lpa" DOB="$dob" wrk -t$((2 / $#)) -c"$connections" -d"$duration" \
            -s "scripts/wrk/codes-$script.lua" "$url" >"$work/wrk.$i" &
        pids+=($!)
        i=$((i + 1))
    done
    wait "${pids[@]}"
    tail -q -n1 "$work"/wrk.* | awk '
        { for (f = 1; f <= NF; f++) { if ($f == "requests/s,") rate += $(f - 1); if ($f == "p99") { v = $(f + 1); sub("ms,?", "", v); if (v + 0 > p99) p99 = v + 0 }; if ($f == "non-2xx") { n = $(f + 1); sub(",", "", n); bad += n } } }
        END { printf "%.0f %.2f %d\n", rate, p99, bad }'
    rm -f "$work"/wrk.*
}

rows=()
# One set-up: $1 its name, the rest the --db value per instance.
bench() {
    local name=$1; shift
    local urls=() code validate create
    for db in "$@"; do
        start_server "$db"
        urls+=("$started_url")
    done
    code="$(seed_code "${urls[0]}")"
    validate=($(measure validate "$code" "${urls[@]}"))
    create=($(measure create "$code" "${urls[@]}"))
    stop_servers
    rows+=("$(printf '| %-40s | %10s | %9s ms | %8s | %7s ms |' "$name" "${validate[0]}" "${validate[1]}" "${create[0]}" "${create[1]}")")
    if [ "${validate[2]}" != 0 ] || [ "${create[2]}" != 0 ]; then
        echo "$name: non-2xx answers (validate ${validate[2]}, create ${create[2]})" >&2
        exit 1
    fi
}

pg_url="${BENCH_POSTGRES_URL:-}"
if [ -z "$pg_url" ]; then
    pg_dir="$(mktemp -d /tmp/pactkit-bench-postgres.XXXXXX)"
    pg_url="$(scripts/test-postgres.sh start "$pg_dir")"
fi
pool="pool_max=${BENCH_POOL_MAX:-16}"
case "$pg_url" in *\?*) pg_url="$pg_url&$pool" ;; *) pg_url="$pg_url?$pool" ;; esac

echo "codes-service (release); wrk, 16 connections in all, $duration per run; $(nproc) CPU cores shared by wrk, the service(s) and PostgreSQL"
bench "SQLite (WAL, synchronous=FULL)" "$work/bench.sqlite3"
bench "PostgreSQL, one instance, $pool" "$pg_url"
bench "PostgreSQL, two instances, $pool" "$pg_url" "$pg_url"
echo
echo "| set-up                                   | validate/s | validate p99 | create/s | create p99 |"
echo "|------------------------------------------|-----------:|-------------:|---------:|-----------:|"
printf '%s\n' "${rows[@]}"
