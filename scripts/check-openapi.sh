#!/usr/bin/env bash
# Checks the codes service's committed consumer pacts (pacts/use-an-lpa-data-lpa-codes.json,
# pacts/sirius-data-lpa-codes.json) against its OpenAPI document (Fixtures/codes-service-openapi/lpa-codes-openapi-v1.yml)
# with `pactkit openapi-check`, and fails when either has an error (warnings are printed and allowed).
# docs/openapi-check.md ("The codes service's pacts") explains each finding.
#
# It uses the debug pactkit that `swift test` / `swift build` already made (.build/debug/pactkit), so in CI it costs no
# build; PACTKIT=<path> runs another binary, and the debug product is built only when it is missing.
# Extra arguments go to `pactkit openapi-check` (e.g. --output json).
set -euo pipefail
cd "$(dirname "$0")/.."

pactkit=${PACTKIT:-.build/debug/pactkit}
if [ ! -x "$pactkit" ]; then
    echo "==> building pactkit (debug)"
    swift build --product pactkit 2>&1 | scripts/build-progress.sh pactkit
    pactkit="$(swift build --show-bin-path)/pactkit"
fi

if "$pactkit" openapi-check --openapi Fixtures/codes-service-openapi/lpa-codes-openapi-v1.yml \
    --pact pacts/use-an-lpa-data-lpa-codes.json pacts/sirius-data-lpa-codes.json "$@"; then
    echo "check-openapi: the codes service's pacts are compatible with its OpenAPI document" >&2
else
    status=$?
    echo "check-openapi: pactkit openapi-check exited $status (1: a pact is incompatible; 2: a file cannot be read)" >&2
    exit "$status"
fi
