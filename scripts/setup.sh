#!/usr/bin/env bash
# Installs what programteori needs on a fresh Debian machine — only what is missing.
#   libgraphviz-dev  Graphviz's C library and headers (we render in-process through libgvc)
#   graphviz         the dot command (benchmarks compare with it; `dot -c` repairs plugin config)
#   fonts-dejavu-core + fontconfig   the pinned font, so æøå never turn into boxes
#   poppler-utils    pdfinfo/pdftoppm: the tests check that our PDFs open
#   jsonschema, pyyaml (pip)         the tests validate our SARIF against the official schema
#                                    and the pipeline examples in docs/pipelines as YAML
#   libxlsxwriter-dev                the C library the indicator plan's .xlsx is written with
#   openpyxl (pip)                   the tests read our .xlsx back with an independent reader
set -euo pipefail

missing=()
pkg-config --exists libgvc 2>/dev/null || missing+=(libgraphviz-dev)
command -v dot >/dev/null 2>&1 || missing+=(graphviz)
command -v fc-match >/dev/null 2>&1 || missing+=(fontconfig)
if ! fc-list 2>/dev/null | grep -q "DejaVuSans.ttf"; then missing+=(fonts-dejavu-core); fi
command -v pdfinfo >/dev/null 2>&1 || missing+=(poppler-utils)
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
pkg-config --exists xlsxwriter 2>/dev/null || missing+=(libxlsxwriter-dev)

if [ ${#missing[@]} -gt 0 ]; then
  echo "Installerer: ${missing[*]}"
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Debian writes Graphviz's plugin list (config6a) in a post-install step; rebuild it if absent.
plugin_dir=$(pkg-config --variable=libdir libgvc 2>/dev/null)/graphviz
if [ -d "$plugin_dir" ] && ! ls "$plugin_dir"/config* >/dev/null 2>&1; then
  dot -c
fi

if ! python3 -c "import jsonschema, yaml" >/dev/null 2>&1; then
  python3 -m pip install --quiet jsonschema pyyaml
fi
if ! python3 -c "import openpyxl" >/dev/null 2>&1; then
  python3 -m pip install --quiet openpyxl
fi
