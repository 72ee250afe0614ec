#!/usr/bin/env bash
# The main job: the whole contract-testing CI flow of the codes service, one line per step.
#
# By default it runs on an embedded Pact Broker (`pactkit broker` on a temporary SQLite file):
#   1. publish the committed consumer pacts for data-lpa-codes (pacts/use-an-lpa-…, pacts/sirius-…) as the
#      consumers' main-branch builds;
#   2. start the codes service in provider-states mode and verify it against the pacts the broker selects
#      (mainBranch + deployedOrReleased), publishing the results;
#   3. ask can-i-deploy for the codes service and then each consumer to `production`, recording each deployment.
# PACT_BROKER_BASE_URL (with PACT_BROKER_USERNAME/PACT_BROKER_PASSWORD or PACT_BROKER_TOKEN) runs the same flow
# against that broker instead (its `production` environment must exist; pending and WIP pacts are included there,
# since PACT_INCLUDE_WIP_PACTS_SINCE, default 2024-01-01). `--pact-files` skips the broker and verifies the pacts in
# pacts/ for data-lpa-codes directly (the others are skipped, each with a line saying so).
#
# Versions: PACT_CONSUMER_VERSION and PACT_PROVIDER_VERSION, default the git commit; PACT_PROVIDER_BRANCH, default
# the git branch. CODES_SERVICE_DB=<--db value> serves the codes service from that database (e.g. a postgres:// URL).
# PACTKIT_BIN_DIR=<dir> uses the codes-service and pactkit binaries already built there (CI passes the test build's
# .build/debug) instead of building the products. Other arguments go to `pactkit verify` (e.g. --junit report.xml,
# --no-colour).
# Exit code: 0 when every step passed; pactkit verify's code when verification failed; 1 when another step failed.
set -euo pipefail
cd "$(dirname "$0")/.."

mode=broker
verify_args=()
colour=()
for arg in "$@"; do
    case "$arg" in
        --pact-files) mode=files ;;
        --no-colour | --no-color) colour=(--no-colour); verify_args+=("$arg") ;;
        *) verify_args+=("$arg") ;;
    esac
done

step() { echo "==> $*"; }

# Each build reports its progress as it goes (scripts/build-progress.sh): a first build takes several minutes.
build() {
    step "building $1 (debug)"
    if ! swift build --product "$1" 2>&1 | scripts/build-progress.sh "$1"; then
        echo "step failed: swift build --product $1" >&2
        exit 1
    fi
}
if [ -n "${PACTKIT_BIN_DIR:-}" ]; then
    bin=$PACTKIT_BIN_DIR
    for product in codes-service pactkit; do
        [ -x "$bin/$product" ] || { echo "step failed: $bin/$product is missing (PACTKIT_BIN_DIR)" >&2; exit 1; }
    done
    step "using the codes-service and pactkit built in $bin"
else
    build codes-service
    build pactkit
    bin=$(swift build --show-bin-path)
fi

workdir=$(mktemp -d)
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; done
    rm -rf "$workdir"
}
trap cleanup EXIT

# Starts a server writing "listening on URL" to $2 and prints the URL.
wait_for_url() {
    local pid=$1 log=$2 name=$3 url=""
    for _ in $(seq 600); do
        url=$(sed -n 's/^listening on //p' "$log")
        [ -n "$url" ] && { echo "$url"; return 0; }
        kill -0 "$pid" 2>/dev/null || { echo "$name failed to start:" >&2; cat "$log" "$workdir/$name.stderr" >&2; return 2; }
        sleep 0.05
    done
    echo "$name did not report its URL" >&2
    return 2
}

# Runs a step's command quietly; on failure shows what it printed and exits with `fail_code` (default its own).
quiet() {
    local out=$workdir/step.out
    if "$@" >"$out" 2>&1; then
        grep -v '^[[:space:]]*$' "$out" | sed 's/^/    /'
    else
        local status=$?
        sed 's/^/    /' "$out"
        echo "step failed: $*" >&2
        exit "$status"
    fi
}

"$bin/codes-service" --port 0 --db "${CODES_SERVICE_DB:-$workdir/codes.sqlite3}" --enable-provider-states \
    >"$workdir/codes-service.log" 2>"$workdir/codes-service.stderr" &
pids+=($!)
service_url=$(wait_for_url "${pids[-1]}" "$workdir/codes-service.log" codes-service)
# Name the database's kind only: a postgres:// URL carries its password.
database_kind=SQLite
case "${CODES_SERVICE_DB:-}" in postgres://* | postgresql://*) database_kind=PostgreSQL ;; ?*) database_kind="SQLite (${CODES_SERVICE_DB##*/})" ;; esac
step "codes-service listening on $service_url (database: $database_kind)"

if [ "$mode" = files ]; then
    step "verifying the pacts in pacts/ for data-lpa-codes"
    # pacts/ also holds PactKit's own contract with the Pact Broker: --provider skips it, saying so.
    set +e
    "$bin/pactkit" verify --dir pacts --provider data-lpa-codes --provider-base-url "$service_url" \
        --state-change-url "$service_url/_pact_state" --state-change-teardown ${verify_args[@]+"${verify_args[@]}"}
    exit $?
fi

commit=$(git rev-parse HEAD 2>/dev/null || echo "local-$(date +%s)")
consumer_version=${PACT_CONSUMER_VERSION:-$commit}
provider_version=${PACT_PROVIDER_VERSION:-$commit}
provider_branch=${PACT_PROVIDER_BRANCH:-$(git rev-parse --abbrev-ref HEAD 2>/dev/null || echo main)}
verify_extra=()
if [ -n "${PACT_BROKER_BASE_URL:-}" ]; then
    export PACT_BROKER_BASE_URL
    step "using the Pact Broker at $PACT_BROKER_BASE_URL"
    verify_extra=(--enable-pending --include-wip-pacts-since "${PACT_INCLUDE_WIP_PACTS_SINCE:-2024-01-01}")
else
    "$bin/pactkit" broker --port 0 --db "$workdir/broker.sqlite3" --log-level warning \
        >"$workdir/broker.log" 2>"$workdir/broker.stderr" &
    pids+=($!)
    PACT_BROKER_BASE_URL=$(wait_for_url "${pids[-1]}" "$workdir/broker.log" broker)
    export PACT_BROKER_BASE_URL
    unset PACT_BROKER_USERNAME PACT_BROKER_PASSWORD PACT_BROKER_TOKEN
    step "embedded Pact Broker (pactkit broker, SQLite) listening on $PACT_BROKER_BASE_URL"
    step "creating the production environment"
    quiet "$bin/pactkit" create-environment --name production --production ${colour[@]+"${colour[@]}"}
fi

pacts=(pacts/*-data-lpa-codes.json)
consumers=()
for pact in "${pacts[@]}"; do consumers+=("$(basename "$pact" -data-lpa-codes.json)"); done

step "publishing ${#pacts[@]} pact(s) (${consumers[*]}) as version $consumer_version on branch main"
quiet "$bin/pactkit" publish "${pacts[@]}" --consumer-app-version "$consumer_version" --branch main ${colour[@]+"${colour[@]}"}

step "verifying data-lpa-codes $provider_version (branch $provider_branch) against the broker's pacts (mainBranch + deployedOrReleased), publishing the results"
set +e
"$bin/pactkit" verify --broker-url "$PACT_BROKER_BASE_URL" --provider data-lpa-codes \
    --consumer-version-selectors '{"mainBranch": true}' --consumer-version-selectors '{"deployedOrReleased": true}' \
    ${verify_extra[@]+"${verify_extra[@]}"} \
    --provider-app-version "$provider_version" --provider-version-branch "$provider_branch" --publish-verification-results \
    --fail-if-no-pacts-found \
    --provider-base-url "$service_url" --state-change-url "$service_url/_pact_state" --state-change-teardown \
    ${verify_args[@]+"${verify_args[@]}"}
status=$?
set -e
[ "$status" -eq 0 ] || { echo "step failed: verification (exit $status)" >&2; exit "$status"; }

deploy() {
    local pacticipant=$1 version=$2
    step "can-i-deploy $pacticipant $version to production"
    quiet "$bin/pactkit" can-i-deploy --pacticipant "$pacticipant" --version "$version" --to-environment production ${colour[@]+"${colour[@]}"}
    step "recording the deployment of $pacticipant $version to production"
    quiet "$bin/pactkit" record-deployment --pacticipant "$pacticipant" --version "$version" --environment production ${colour[@]+"${colour[@]}"}
}
deploy data-lpa-codes "$provider_version"
for consumer in "${consumers[@]}"; do deploy "$consumer" "$consumer_version"; done
step "done: data-lpa-codes and ${consumers[*]} verified and deployable to production"
