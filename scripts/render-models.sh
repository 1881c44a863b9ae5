#!/usr/bin/env bash
# The main job: set up, build, check and render every model in Models/ into Output/
# (SVG, PNG, PDF and DOT per model).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
swift build -c release --product programteori
.build/release/programteori check Models
.build/release/programteori render Models --format svg,png,pdf,dot --output Output
echo "Diagrammerne ligger i Output/."
