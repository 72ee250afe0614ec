#!/usr/bin/env bash
# OpenAPI check benchmark (issue 21, "Speed"): a 1,000-interaction pact against a 200-path document in under 200 ms.
# Builds pactkit-bench in release; `pactkit-bench openapi` generates a realistic OpenAPI 3.0 document (20 resources of
# 10 paths: path, query and header parameters, $ref'd schemas, allOf, oneOf with a discriminator, {id}.{format}
# segments, several statuses and a status range, bearer and API-key security, a base path) and a pact exercising it
# (one interaction in ten carries an error, which the comparison must find exactly), writes both, then times reading
# the document, reading the pact, comparing, and all three (p50 and best of --runs), and prints the peak RSS.
# Then `pactkit-bench openapi-fixtures` compares every pact under Fixtures/ and pacts/ with every OpenAPI document
# under Fixtures/, and hostile documents and pacts (catastrophic and invalid patterns, self-referencing schemas,
# deep and huge values, long paths), in the release build: nothing may trap or take over 2 s.
# When pactkit has `openapi-check` and hyperfine is installed, the whole command is timed on the same files too.
#
#   scripts/bench-openapi.sh [--runs N] [--format yaml|json] [--resources N] [--interactions N]
# SCRATCH_PATH=<dir> builds with `--scratch-path <dir>`.
set -euo pipefail
cd "$(dirname "$0")/.."
build=(swift build -c release)
if [ -n "${SCRATCH_PATH:-}" ]; then build+=(--scratch-path "$SCRATCH_PATH"); fi
"${build[@]}" --product pactkit-bench >/dev/null
bin="$("${build[@]}" --show-bin-path)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$bin/pactkit-bench" openapi --write "$work" "$@"
echo
"$bin/pactkit-bench" openapi-fixtures --root .
echo
if [ ! -f Sources/PactKitCLI/OpenAPICheckCommand.swift ]; then
    echo "whole command: skipped, pactkit has no openapi-check yet"
elif ! command -v hyperfine >/dev/null; then
    echo "whole command: skipped, hyperfine is not installed"
else
    "${build[@]}" --product pactkit >/dev/null
    document="$(ls "$work"/bench-openapi.*)"
    # Exit 1: the pact has errors on purpose.
    hyperfine --warmup 2 --runs 20 -i \
        "$bin/pactkit openapi-check --openapi $document --pact $work/bench-pact.json --output json"
fi
