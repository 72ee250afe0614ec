# Shared by the `pactkit mock` benchmarks (bench-mock-codes.sh, bench-mock-large-body.sh); sourced, not run.
# Sets `pactkit` (PACTKIT=<binary>, else the release build in SCRATCH, default .build, built here) and `work` (a
# temporary directory removed at exit, with the mock started by start_mock stopped first).

if [ -n "${PACTKIT:-}" ]; then
    pactkit=$PACTKIT
else
    swift build -c release --scratch-path "${SCRATCH:-.build}" --product pactkit >/dev/null
    pactkit="$(swift build -c release --scratch-path "${SCRATCH:-.build}" --show-bin-path)/pactkit"
fi
work=$(mktemp -d)
pid=""

stop_mock() {
    [ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
    pid=""
}
trap 'stop_mock; rm -rf "$work"' EXIT

# Starts `pactkit mock` with the given options (output in $work/out, diagnostics in $work/err); sets `pid` and `url`.
start_mock() {
    "$pactkit" mock "$@" >"$work/out" 2>"$work/err" &
    pid=$!
    for _ in $(seq 200); do grep -q "^listening on" "$work/out" 2>/dev/null && break; sleep 0.05; done
    url=$(sed -n '1s/^listening on //p' "$work/out")
    [ -n "$url" ] || { echo "pactkit mock did not start:" >&2; cat "$work/err" >&2; exit 1; }
}
