#!/usr/bin/env bash
# Verifies `pactkit broker` against the Ruby pact_broker-client's own pact with the Pact Broker
# (Fixtures/broker-client, 64 interactions) with `pactkit verify`, as a user would: the broker in its test mode
# (--enable-provider-states, on a temporary SQLite file, links under http://example.org as the pact expects), the
# verifier calling its /_pact_state. Extra arguments go to `pactkit verify`. PACTKIT_BIN_DIR=<dir> uses the pactkit
# already built there instead of building it. Exit code: pactkit verify's.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -n "${PACTKIT_BIN_DIR:-}" ]; then
    bin=$PACTKIT_BIN_DIR
    [ -x "$bin/pactkit" ] || { echo "$bin/pactkit is missing (PACTKIT_BIN_DIR)" >&2; exit 1; }
else
    echo "==> building pactkit (debug)"
    swift build --product pactkit 2>&1 | scripts/build-progress.sh pactkit
    bin=$(swift build --show-bin-path)
fi
workdir=$(mktemp -d)
"$bin/pactkit" broker --port 0 --db "$workdir/broker.sqlite3" --enable-provider-states --base-url http://example.org \
    --log-level error >"$workdir/broker.log" 2>"$workdir/broker.stderr" &
broker=$!
trap 'kill -TERM "$broker" 2>/dev/null && wait "$broker" 2>/dev/null; rm -rf "$workdir"' EXIT
url=""
for _ in $(seq 600); do
    url=$(sed -n 's/^listening on //p' "$workdir/broker.log")
    [ -n "$url" ] && break
    kill -0 "$broker" 2>/dev/null || { echo "pactkit broker failed to start:" >&2; cat "$workdir/broker.stderr" >&2; exit 2; }
    sleep 0.05
done
[ -n "$url" ] || { echo "pactkit broker did not report its URL" >&2; exit 2; }
echo "==> verifying pactkit broker ($url) against the Ruby broker client's pact"
"$bin/pactkit" verify --file Fixtures/broker-client/pact_broker_client-pact_broker.json --provider-base-url "$url" \
    --state-change-url "$url/_pact_state" "$@"
