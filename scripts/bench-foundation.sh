#!/usr/bin/env bash
# Foundation benchmark: matching a ~1 MB JSON body with type, regex and eachLike rules, and reading/writing a
# 1,000-interaction pact file. Release build. Targets: < 20 ms per 1 MB match, < 50 ms to read the pact.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product pactkit-bench >/dev/null
"$(swift build -c release --show-bin-path)/pactkit-bench"
