#!/usr/bin/env bash
# Regenerates the consumer pacts (pacts/use-an-lpa-data-lpa-codes.json, pacts/sirius-data-lpa-codes.json, and PactKit's
# own contract with the Pact Broker, pacts/pactkit-pact-broker.json) by running the contract suites, then fails if they
# differ from the committed files: a change to the suites must be committed together with the pacts it produces.
# Extra arguments go to `swift test` (e.g. --scratch-path .build-ci).
#
# The suites write in overwrite mode: the first write of a `swift test` run starts each file afresh. Run the whole
# target as below; running a single test rewrites the file with that test's interactions only.
# With --already-regenerated (CI, right after a full `swift test`), only the comparison runs.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${1:-}" = "--already-regenerated" ]; then
    shift
elif ! swift test --filter 'CodesContractTests|PactBrokerTests\.[A-Za-z]+ContractTests' "$@"; then
    echo "check-pacts: the contract suites failed, so the pacts were not (fully) regenerated" >&2
    exit 1
fi

changed=0
if ! git diff --exit-code --stat -- pacts/; then
    git diff -- pacts/ | head -200 >&2
    changed=1
fi
untracked=$(git ls-files --others --exclude-standard -- pacts/)
if [ -n "$untracked" ]; then
    echo "untracked pact files:" >&2
    echo "$untracked" >&2
    changed=1
fi
if [ "$changed" -ne 0 ]; then
    echo >&2
    echo "check-pacts: the regenerated pacts differ from the committed ones (above)." >&2
    echo "If the change is intended, commit the files in pacts/ with the test change that caused it." >&2
    exit 1
fi
echo "check-pacts: pacts/ is up to date"
