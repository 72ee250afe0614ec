#!/usr/bin/env bash
# The main job: builds the codes service and pactkit, starts the service in provider-states mode on a free port with a
# temporary database, verifies the codes service's pacts against it with `pactkit verify`, and stops it.
# The pacts come from the Pact Broker when PACT_BROKER_BASE_URL is set (credentials from PACT_BROKER_USERNAME/
# PACT_BROKER_PASSWORD or PACT_BROKER_TOKEN): the consumers' main branches and deployed or released versions, pending
# and WIP pacts included (since PACT_INCLUDE_WIP_PACTS_SINCE, default 2024-01-01); the results are published only when
# PACT_PROVIDER_VERSION is given (with the branch PACT_PROVIDER_BRANCH, default the git branch). Otherwise the pacts
# in pacts/ for provider data-lpa-codes are verified (the others are skipped, each with a line saying so).
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

if [ -n "${PACT_BROKER_BASE_URL:-}" ]; then
    branch=${PACT_PROVIDER_BRANCH:-$(git rev-parse --abbrev-ref HEAD 2>/dev/null || echo main)}
    sources=(--broker-url "$PACT_BROKER_BASE_URL" --provider data-lpa-codes
             --consumer-version-selectors '{"mainBranch": true}' --consumer-version-selectors '{"deployedOrReleased": true}'
             --enable-pending --include-wip-pacts-since "${PACT_INCLUDE_WIP_PACTS_SINCE:-2024-01-01}"
             --provider-version-branch "$branch")
    if [ -n "${PACT_PROVIDER_VERSION:-}" ]; then
        sources+=(--provider-app-version "$PACT_PROVIDER_VERSION" --publish-verification-results)
    fi
else
    # pacts/ also holds PactKit's own contract with the Pact Broker: --provider skips it, saying so.
    sources=(--dir pacts --provider data-lpa-codes)
fi

set +e
"$bin/pactkit" verify "${sources[@]}" --provider-base-url "$url" \
    --state-change-url "$url/_pact_state" --state-change-teardown "$@"
status=$?
set -e
exit $status
