#!/usr/bin/env bash
# Set up and run the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
swift build --build-tests
# Every model in Models/ is in fmt's canonical layout (which files, and why: docs/fmt-og-diff.md).
"$(swift build --show-bin-path)/programteori" fmt --check Models/
swift test
