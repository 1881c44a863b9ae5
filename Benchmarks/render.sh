#!/usr/bin/env bash
# How fast is `programteori render` (Graphviz in-process) compared with the `dot` program?
#
#   Benchmarks/render.sh                # 10 runs per measurement
#   RUNS=20 SKIP_BUILD=1 Benchmarks/render.sh
#
# (a) each model in Models/ to SVG: `programteori render` (parse, check, DOT, layout, SVG)
#     against `dot -Tsvg` on the DOT that `programteori render --format dot` wrote
#     (layout and SVG only). Target: ≤ 1.5× dot's wall time.
# (b) every model in Models/ copied COPIES (10) times: one `programteori render` call against a
#     shell loop of `dot -Tsvg`, one process per diagram. Target: ≥ 4× faster.
# (c) as (a), to PNG: `programteori render --format png` against `dot -Tpng` (both cairo).
# Each `programteori render` is measured twice: as shipped (`--timeout 20`: layout runs in
# long-lived worker processes, `programteori _layout`, one per core, each serving diagram after
# diagram and killed only when a layout runs out of time) and with `--timeout 0` (layout in the
# same process, through libgvc). (b) also measures one worker (`--layout-workers 1`).
# CPU in (b) is the whole process tree, workers included (perf stat; empty without perf).
# Peak memory (max RSS) for each: GNU time reports the largest single process it waited for
# (for the dot loop: the largest dot; for render: the parent, not the workers, which exit after
# it unwaited).
# Work files go to Benchmarks/work/render/ (git-ignored). Prints Markdown tables.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

MODELS_DIR="${MODELS_DIR:-$ROOT/Models}"
COPIES="${COPIES:-10}"

build
need dot graphviz
if ! "$BIN" render --help 2>/dev/null | grep -q -- '--format'; then
    echo "»programteori render« findes ikke endnu i $BIN (render --help nævner ikke --format)." >&2
    exit 3
fi

R="$WORK/render"
rm -rf "$R"
mkdir -p "$R"/{models,many,dot-one,dot-many,out}

machine
echo "Graphviz: $(dot -V 2>&1)"
echo "Kørsler: $RUNS (+ $WARMUP opvarmning) pr. måling; PROGRAMTEORI_DATO=$PROGRAMTEORI_DATO"

# Models with a header (files pulled in with `brug:` are parts, not diagrams).
mapfile -t MODELS < <(grep -l '^programteori' "$MODELS_DIR"/*.pt | sort)
cp "$MODELS_DIR"/*.pt "$R/models/"

# (b)'s input: COPIES copies of every model under new names, one flat folder.
for ((k = 1; k <= COPIES; k++)); do
    for m in "${MODELS[@]}"; do
        base=$(basename "$m" .pt)
        sed "s/^\(programteori:.*\)$/\1 (kopi $k)/" "$m" > "$R/many/$base-kopi$(printf %02d "$k").pt"
    done
done
# Shared parts (files without a header, pulled in with `brug:`) go along unrenamed.
for f in "$MODELS_DIR"/*.pt; do grep -q '^programteori' "$f" || cp "$f" "$R/many/"; done

# The DOT each tool lays out: exactly what `programteori render` hands to libgvc.
"$BIN" render "$R/models" --format dot --output "$R/dot-one" >/dev/null
"$BIN" render "$R/many" --format dot --output "$R/dot-many" >/dev/null
N_MANY=$(find "$R/dot-many" -name '*.dot' | wc -l)

cat > "$R/dot-loop.sh" <<EOF
# One dot process per diagram, as a shell script or Makefile would do it.
for f in "$R"/dot-many/*.dot; do
    dot -T"\$1" "\$f" -o "$R/out/loop-\$(basename "\$f" .dot).\$1"
done
EOF

# A trivial graph: what starting dot costs, before any layout.
echo 'digraph { a -> b }' > "$R/tiny.dot"
read -r dot_start _ < <(wall "render-dot-start" "dot -Tsvg '$R/tiny.dot' -o '$R/out/tiny.svg'")

fmt_s() { calc "f'{$1:.3f}'"; }
mib() { calc "f'{$1 / 1024:.0f}'"; }

one_format() {  # one_format <svg|png>
    local format=$1 label
    echo
    if [ "$format" = svg ]; then label="(a) én model → SVG"; else label="(c) én model → PNG"; fi
    echo "#### $label"
    echo
    echo "| model | elementer | render (s) | render --timeout 0 (s) | dot -T$format (s) | forhold | forhold, --timeout 0 | maks. RSS render / --timeout 0 / dot (MiB) | samme layout? |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|---|"
    local m base dotfile t_pt t_in t_dot r_pt r_in r_dot same n ours
    for m in "$R"/models/*.pt; do
        grep -q '^programteori' "$m" || continue
        base=$(basename "$m" .pt)
        dotfile=$(find "$R/dot-one" -name "$base.dot" | head -1)
        [ -n "$dotfile" ] || { echo "ingen DOT for $base" >&2; exit 1; }
        n=$(grep -cE '^(målgruppe|maalgruppe|slutmål|slutmaal|delmål|delmaal|aktivitet|mekanisme|virksom mekanisme|antagelse)\b' "$m" || true)
        local pt="'$BIN' render '$m' --format $format --output '$R/out/pt-$base'"
        local in="'$BIN' render '$m' --format $format --timeout 0 --output '$R/out/in-$base'"
        local dt="dot -T$format '$dotfile' -o '$R/out/dot-$base.$format'"
        read -r t_pt _ < <(wall "render-$format-pt-$base" "$pt")
        read -r t_in _ < <(wall "render-$format-in-$base" "$in")
        read -r t_dot _ < <(wall "render-$format-dot-$base" "$dt")
        r_pt=$(rss "$pt"); r_in=$(rss "$in"); r_dot=$(rss "$dt")
        # Same drawing? Our SVG adds a title, a description and styles, so compare the canvas:
        # the SVG viewBox, or the PNG's size in pixels.
        ours=$(find "$R/out/pt-$base" -name "*.$format" | head -1)
        same=$(python3 - "$ours" "$R/out/dot-$base.$format" "$format" <<'PY'
import re, struct, sys
def canvas(p, fmt):
    data = open(p, "rb").read()
    if fmt == "svg":
        return re.search(rb'viewBox="([^"]*)"', data).group(1).decode()
    w, h = struct.unpack(">II", data[16:24])
    return f"{w}×{h} px"
a, b = canvas(sys.argv[1], sys.argv[3]), canvas(sys.argv[2], sys.argv[3])
print(("ja, " + a) if a == b else f"NEJ: {a} / dot {b}")
PY
)
        echo "| $base | $n | $(fmt_s "$t_pt") | $(fmt_s "$t_in") | $(fmt_s "$t_dot") | $(calc "f'{$t_pt / $t_dot:.2f}×'") | $(calc "f'{$t_in / $t_dot:.2f}×'") | $(mib "$r_pt") / $(mib "$r_in") / $(mib "$r_dot") | $same |"
    done
}

one_format svg

echo
echo "#### (b) $N_MANY diagrammer → SVG: ét kald mod én dot-proces pr. diagram"
echo
echo "| måling | median (s) | CPU (s) | pr. diagram (ms) | maks. RSS (MiB) | dot-løkke / denne |"
echo "|---|---:|---:|---:|---:|---:|"
read -r t_loop _ _ _ < <(wall "render-many-dot" "sh '$R/dot-loop.sh' svg")
c_loop=$(cpu "sh '$R/dot-loop.sh' svg")
r_loop=$(rss "sh '$R/dot-loop.sh' svg")
fmt_cpu() { if [ -n "$1" ]; then fmt_s "$1"; else echo "–"; fi; }
many_row() {  # many_row <label> <extra options>
    local t c r command="'$BIN' render '$R/many' --format svg $2 --output '$R/out/many'"
    read -r t _ _ _ < <(wall "render-many-pt${2// /}" "$command")
    c=$(cpu "$command")
    r=$(rss "$command")
    echo "| $1 | $(fmt_s "$t") | $(fmt_cpu "$c") | $(calc "f'{$t / $N_MANY * 1000:.1f}'") | $(mib "$r") | **$(calc "f'{$t_loop / $t:.2f}×'")** |"
}
many_row "programteori render, ét kald (standard: én layoutproces pr. kerne, her $(nproc))" ""
# Builds before the long-lived workers (fdc4eed) have no --layout-workers: skip that row there.
if "$BIN" render "${MODELS[0]}" --format dot --layout-workers 1 --output "$R/out/probe" >/dev/null 2>&1; then
    many_row "programteori render --layout-workers 1, ét kald (én layoutproces)" "--layout-workers 1"
fi
many_row "programteori render --timeout 0, ét kald (layout i samme proces)" "--timeout 0"
echo "| løkke med dot -Tsvg ($N_MANY processer) | $(fmt_s "$t_loop") | $(fmt_cpu "$c_loop") | $(calc "f'{$t_loop / $N_MANY * 1000:.1f}'") | $(mib "$r_loop") | 1.00× |"
echo
echo "Opstart af dot alene (graf med to knuder): $(calc "f'{$dot_start * 1000:.1f}'") ms pr. proces."

one_format png
echo
echo "Belastning ved slut (1/5/15 min): $(load)"
