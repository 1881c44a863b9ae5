#!/usr/bin/env bash
# How fast is `programteori render` (Graphviz through libgvc) compared with the `dot` program?
#
#   Benchmarks/render.sh                       # 20 pairs per single-model measurement
#   RUNS=30 BATCH_RUNS=7 SKIP_BUILD=1 Benchmarks/render.sh
#
# Every comparison is *paired* (Benchmarks/paired.py): our command and its peer run alternately,
# and the ratio is the median of the per-pair ratios, so drifting load on a shared machine hits
# both sides alike.
#
# (a) each model in Models/ to SVG: `programteori render` (parse, check, DOT, layout, SVG
#     finishing, write) against `dot -Tsvg` on the DOT `programteori render --format dot` wrote
#     (layout and SVG only). Target: ≤ 1.0×.
# (b) BATCH (90) models in one `programteori render` call against a shell loop of `dot -Tsvg`,
#     one process per diagram: the models of Models/ copied (half) and synthetic models of 20–45
#     elements from generate-model.py (the other half). Both sides pinned with `taskset` to one
#     core (`-c 0`) and to two (`-c 0,1`); the efficiency is speed-up / cores. Target: ≥ 4× on 2.
# (c) as (a), to PNG (`dot -Tpng`, both cairo).
# (d) start-up: `programteori --version` against `dot -V`.
# CPU is the whole process tree, workers included (perf stat; "–" without perf). Peak memory is
# read from /proc for every process of the tree (paired.py mem): for `render` the sum of the
# parent's and the workers' peaks, for the dot loop the largest single dot.
# Work files go to Benchmarks/work/render/ (git-ignored). Prints Markdown tables.
set -euo pipefail
RUNS="${RUNS:-20}"
source "$(dirname "$0")/lib.sh"

MODELS_DIR="${MODELS_DIR:-$ROOT/Models}"
PNG_RUNS="${PNG_RUNS:-10}"
BATCH="${BATCH:-90}"
BATCH_RUNS="${BATCH_RUNS:-5}"
PAIRED="python3 $BENCH_DIR/paired.py"

build
need dot graphviz
need taskset util-linux

R="$WORK/render"
rm -rf "$R"
mkdir -p "$R"/{models,many,dot-one,dot-many,out}

machine
echo "Graphviz: $(dot -V 2>&1)"
echo "Par pr. måling: $RUNS (PNG $PNG_RUNS, batch $BATCH_RUNS) efter 2 opvarmningspar; PROGRAMTEORI_DATO=$PROGRAMTEORI_DATO"

# Models with a header (files pulled in with `brug:` are parts, not diagrams).
mapfile -t MODELS < <(grep -l '^programteori' "$MODELS_DIR"/*.pt | sort)
cp "$MODELS_DIR"/*.pt "$R/models/"

# (b)'s input: half copies of the real models under new titles, half synthetic models.
copies=$((BATCH / 2))
for ((k = 0; k < copies; k++)); do
    m="${MODELS[$((k % ${#MODELS[@]}))]}"
    base=$(basename "$m" .pt)
    sed "s/^\(programteori:.*\)$/\1 (kopi $k)/" "$m" > "$R/many/$base-kopi$(printf %02d "$k").pt"
done
for f in "$MODELS_DIR"/*.pt; do grep -q '^programteori' "$f" || cp "$f" "$R/many/"; done
for ((k = copies; k < BATCH; k++)); do
    python3 "$BENCH_DIR/generate-model.py" --elements $((20 + (k * 7) % 26)) --seed "$k" \
        --out "$R/many/syntetisk-$(printf %02d "$k").pt" >/dev/null 2>&1
done

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

fmt_s() { calc "f'{$1:.3f}'"; }
ratio() { calc "f'{$1:.2f}×'"; }

one_format() {  # one_format <svg|png> <runs>
    local format=$1 runs=$2 label
    echo
    if [ "$format" = svg ]; then label="(a) én model → SVG"; else label="(c) én model → PNG"; fi
    echo "#### $label: render / dot -T$format, parvis"
    echo
    echo "| model | elementer | render (s) | dot -T$format (s) | forhold (median, min–maks) | samme lærred? |"
    echo "|---|---:|---:|---:|---:|---|"
    local m base dotfile n ours same t_pt t_dot r lo hi
    for m in "$R"/models/*.pt; do
        grep -q '^programteori' "$m" || continue
        base=$(basename "$m" .pt)
        dotfile=$(find "$R/dot-one" -name "$base.dot" | head -1)
        [ -n "$dotfile" ] || { echo "ingen DOT for $base" >&2; exit 1; }
        n=$(grep -cE '^(målgruppe|maalgruppe|slutmål|slutmaal|delmål|delmaal|aktivitet|mekanisme|virksom mekanisme|antagelse)\b' "$m" || true)
        read -r t_pt t_dot r lo hi < <($PAIRED time "$runs" 2 \
            "'$BIN' render '$m' --format $format --output '$R/out/pt-$base'" \
            "dot -T$format '$dotfile' -o '$R/out/dot-$base.$format'")
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
        echo "| $base | $n | $(fmt_s "$t_pt") | $(fmt_s "$t_dot") | **$(ratio "$r")** ($(ratio "$lo")–$(ratio "$hi")) | $same |"
    done
}

one_format svg "$RUNS"

echo
echo "#### (b) $N_MANY diagrammer → SVG: ét render-kald mod en dot-løkke ($N_MANY processer), parvis"
echo
echo "| kerner (taskset) | render (s) | dot-løkke (s) | dot-løkke / render (median, min–maks) | CPU render / løkke (s) | pr. diagram, render (ms) |"
echo "|---|---:|---:|---:|---:|---:|"
fmt_cpu() { if [ -n "$1" ]; then fmt_s "$1"; else echo "–"; fi; }
declare -A T_PT T_LOOP
for cores in 0 0,1; do
    ours="taskset -c $cores '$BIN' render '$R/many' --format svg --output '$R/out/many'"
    loop="taskset -c $cores sh '$R/dot-loop.sh' svg"
    read -r t_loop t_pt r lo hi < <($PAIRED time "$BATCH_RUNS" 1 "$loop" "$ours")
    T_PT[$cores]=$t_pt
    T_LOOP[$cores]=$t_loop
    c_pt=$(RUNS=3 cpu "$ours")
    c_loop=$(RUNS=3 cpu "$loop")
    n_cores=$(( $(tr -cd , <<<"$cores" | wc -c) + 1 ))
    echo "| $n_cores (\`-c $cores\`) | $(fmt_s "$t_pt") | $(fmt_s "$t_loop") | **$(ratio "$r")** ($(ratio "$lo")–$(ratio "$hi")) | $(fmt_cpu "$c_pt") / $(fmt_cpu "$c_loop") | $(calc "f'{$t_pt / $N_MANY * 1000:.1f}'") |"
done
echo
echo "Skalering fra 1 til 2 kerner: render $(calc "f'{${T_PT[0]} / ${T_PT[0,1]}:.2f}'")× hurtigere (effektivitet $(calc "f'{${T_PT[0]} / ${T_PT[0,1]} / 2 * 100:.0f}'") %), dot-løkken $(calc "f'{${T_LOOP[0]} / ${T_LOOP[0,1]}:.2f}'")× (den bruger én kerne ad gangen)."
read -r m_sum m_max m_n < <($PAIRED mem 3 "'$BIN' render '$R/many' --format svg --output '$R/out/many'")
read -r _ l_max _ < <($PAIRED mem 3 "sh '$R/dot-loop.sh' svg")
echo "Maks. hukommelse: render i alt $m_sum MiB ($m_n processer inkl. sh, største $m_max MiB); dot-løkken: største dot $l_max MiB."

one_format png "$PNG_RUNS"

echo
echo "#### (d) Opstart"
echo
echo "| | programteori (s) | dot (s) | forhold |"
echo "|---|---:|---:|---:|"
read -r t_pt t_dot r _ _ < <($PAIRED time "$RUNS" 2 "'$BIN' --version" "dot -V")
echo "| \`programteori --version\` / \`dot -V\` | $(fmt_s "$t_pt") | $(fmt_s "$t_dot") | $(ratio "$r") |"
echo 'digraph { a -> b }' > "$R/tiny.dot"
read -r t_pt t_dot r _ _ < <($PAIRED time "$RUNS" 2 "'$BIN' render '${MODELS[0]}' --format dot --output '$R/out/dot-only'" "dot -Tsvg '$R/tiny.dot' -o '$R/out/tiny.svg'")
echo "| \`render --format dot\` (uden layout) / \`dot -Tsvg\` af en graf med to knuder | $(fmt_s "$t_pt") | $(fmt_s "$t_dot") | $(ratio "$r") |"
if [ -n "${BIN_OTHER:-}" ]; then
    # Another build of the same code (e.g. without --static-swift-stdlib), paired against BIN.
    read -r t_pt t_dot r _ _ < <($PAIRED time "$RUNS" 2 "'$BIN' --version" "'$BIN_OTHER' --version")
    echo "| \`--version\`: denne build / BIN_OTHER | $(fmt_s "$t_pt") | $(fmt_s "$t_dot") | $(ratio "$r") |"
    read -r t_pt t_dot r _ _ < <($PAIRED time "$RUNS" 2 "'$BIN' render '${MODELS[0]}' --output '$R/out/static'" \
        "'$BIN_OTHER' render '${MODELS[0]}' --output '$R/out/other'")
    echo "| \`render\` af én model → SVG: denne build / BIN_OTHER | $(fmt_s "$t_pt") | $(fmt_s "$t_dot") | $(ratio "$r") |"
    echo
    echo "BIN_OTHER: $BIN_OTHER, $(du -m "$BIN_OTHER" | cut -f1) MB."
fi
echo
echo "Filstørrelse: $(du -m "$BIN" | cut -f1) MB ($BIN)."
echo "Belastning ved slut (1/5/15 min): $(load)"
