#!/usr/bin/env bash
# Broker benchmark (issue 20, "Speed on a large history"): builds pactkit in release, seeds a large history straight
# into a broker SQLite file with SQL, checks that `pactkit broker` reads it back, and measures p50/p99 per request
# (can-i-deploy to an environment, /matrix for two versions, pacts for verification with mainBranch +
# deployedOrReleased + WIP, /pacts/latest, /pacticipants, the HTML index once routed, a publish, a verification
# result) and the broker's RSS, at a tenth of the history and at all of it. Prints markdown tables.
#
#   scripts/bench-broker.sh [--small] [--pacticipants N] [--versions N] [--publications N] [--verifications N]
#                           [--requests N] [--keep DIR] [--postgres URL]
# Defaults: 100 pacticipants, 200,000 versions, 100,000 pact publications, 1,000,000 verification results,
# deployments in three environments, 200 requests per row; --small: a twentieth of that, 50 requests.
# --postgres postgres://… (or --db): measure on PostgreSQL instead; the broker migrates a fresh database per size
# (pactkit_bench_tenth, pactkit_bench_all, created through the server's `postgres` database), the same seed SQL runs
# through psql, and the identity sequences are moved past the seeded ids. Needs psql.
# SCRATCH_PATH=<dir> builds with `--scratch-path <dir>`. Needs python3 (with its sqlite3 module).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v python3 >/dev/null || { echo "python3 not found" >&2; exit 1; }
build=(swift build -c release --product pactkit)
if [ -n "${SCRATCH_PATH:-}" ]; then build+=(--scratch-path "$SCRATCH_PATH"); fi
"${build[@]}" >/dev/null
binary="$("${build[@]}" --show-bin-path)/pactkit"
exec python3 scripts/bench-broker.py --binary "$binary" "$@"
