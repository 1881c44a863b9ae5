#!/usr/bin/env bash
# The main job: set up, build, check and render every model in Models/ into Output/
# (SVG, PNG, PDF and DOT per model), plus each model's indicator plan (md, csv, xlsx, json), its
# JSON export and its HTML report. A model with measurements beside it (x.maalinger.csv) gets
# them in its plan, report and diagram.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# Swift's runtime and Foundation linked in: faster start-up, no Swift needed where it runs (docs/ydelse.md).
swift build -c release --static-swift-stdlib --product programteori
.build/release/programteori check Models
.build/release/programteori render Models --format svg,png,pdf,dot --output Output
for model in Models/*.pt; do
  measurements=()
  if [ -f "${model%.pt}.maalinger.csv" ]; then
    measurements=(--målinger "${model%.pt}.maalinger.csv")
    .build/release/programteori render "$model" "${measurements[@]}" --format svg,png,pdf --output Output
  fi
  .build/release/programteori indikatorer "$model" "${measurements[@]}" --format md,csv,xlsx,json --output Output
  .build/release/programteori json "$model" "${measurements[@]}" --output Output
  .build/release/programteori rapport "$model" "${measurements[@]}" --output Output
done
echo "Diagrammer, indikatorplaner og rapporter ligger i Output/."
