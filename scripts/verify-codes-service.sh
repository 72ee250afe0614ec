#!/usr/bin/env bash
# The main job: builds the codes service and pactkit, starts the service in provider-states mode on a free port with a
# temporary database, verifies every pact in pacts/ against it with `pactkit verify`, and stops it.
# Extra arguments go to `pactkit verify` (e.g. --junit report.xml). Exit code: pactkit verify's.
# CODES_SERVICE_DB=<--db value> serves from that database instead (e.g. a postgres:// URL).
set -euo pipefail
cd "$(dirname "$0")/.."

swift build --product codes-service >/dev/null
swift build --product pactkit >/dev/null
bin=$(swift build --show-bin-path)

workdir=$(mktemp -d)
log="$workdir/codes-service.log"
"$bin/codes-service" --port 0 --db "${CODES_SERVICE_DB:-$workdir/codes.sqlite3}" --enable-provider-states >"$log" 2>"$workdir/requests.log" &
service=$!
cleanup() {
    kill -TERM "$service" 2>/dev/null && wait "$service" 2>/dev/null
    rm -rf "$workdir"
}
trap cleanup EXIT

url=""
for _ in $(seq 200); do
    url=$(sed -n 's/^listening on //p' "$log")
    [ -n "$url" ] && break
    kill -0 "$service" 2>/dev/null || { echo "codes-service failed to start:" >&2; cat "$log" "$workdir/requests.log" >&2; exit 2; }
    sleep 0.05
done
[ -n "$url" ] || { echo "codes-service did not report its URL" >&2; exit 2; }
echo "codes-service listening on $url"

set +e
"$bin/pactkit" verify --dir pacts --provider-base-url "$url" \
    --state-change-url "$url/_pact_state" --state-change-teardown "$@"
status=$?
set -e
exit $status
