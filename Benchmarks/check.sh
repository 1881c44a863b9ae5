#!/usr/bin/env bash
# How fast is `programteori check`, and does it grow linearly with the model?
#
#   Benchmarks/check.sh                 # 1 000, 10 000 and 100 000 elements, 10 runs each
#   SIZES="1000 10000" RUNS=20 Benchmarks/check.sh
#   SKIP_BUILD=1 Benchmarks/check.sh    # use the binary already in .build-bench
#   CALLGRIND=0 Benchmarks/check.sh     # without the instruction counts (they take minutes)
#
# Generates the models into Benchmarks/work/ (git-ignored), times `check` with hyperfine
# (median of RUNS runs after WARMUP warm-up runs) and measures peak memory (max RSS) with
# GNU time (median of RUNS runs). The peer is reading the same file: `wc -l` (reads every byte
# and finds every line), timed the same way; the ratio says how far `check` is from reading
# speed. Instruction counts (valgrind --tool=callgrind, CALLGRIND_SIZES) do not depend on the
# machine's load, so they show whether the cost grows linearly even on a busy machine.
# Prints Markdown tables for docs/ydelse.md.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

SIZES="${SIZES:-1000 10000 100000}"
SEED="${SEED:-1}"
MAX_FILE_SIZE=$((32 * 1024 * 1024))  # Sources/PTSyntax/Parser.swift: maxFileSize

build
machine
echo "Kørsler: $RUNS (+ $WARMUP opvarmning) pr. størrelse; PROGRAMTEORI_DATO=$PROGRAMTEORI_DATO"
echo

# The fixed cost of one run (process start, runtime, rule catalogue), for reading the ratios.
python3 "$BENCH_DIR/generate-model.py" --elements 20 --seed "$SEED" --out "$WORK/model-20.pt" 2>/dev/null
read -r base _ < <(wall "check-20" "'$BIN' check '$WORK/model-20.pt'")
base_rss=$(rss "'$BIN' check '$WORK/model-20.pt'")

declare -A MED RSS BYTES PEER
for n in $SIZES; do
    file="$WORK/model-$n.pt"
    python3 "$BENCH_DIR/generate-model.py" --elements "$n" --seed "$SEED" --out "$file"
    BYTES[$n]=$(stat -c %s "$file")
    if [ "${BYTES[$n]}" -gt "$MAX_FILE_SIZE" ]; then
        echo "FEJL: $file er ${BYTES[$n]} bytes, over parserens grænse på $MAX_FILE_SIZE" >&2
        exit 1
    fi
    # The model must check clean: exit 0 and no error (warnings would be listed here).
    set +e
    out=$("$BIN" check "$file" 2>&1)
    rc=$?
    set -e
    if [ $rc -ne 0 ]; then
        echo "FEJL: check $file gav afslutningskode $rc:" >&2
        echo "$out" | tail -20 >&2
        exit 1
    fi
    echo "  check: $(echo "$out" | tail -1)" >&2
    read -r med _ _ < <(wall "check-$n" "'$BIN' check '$file'")
    MED[$n]=$med
    RSS[$n]=$(rss "'$BIN' check '$file'")
    read -r peer _ _ < <(wall "wc-$n" "wc -l '$file'")
    PEER[$n]=$peer
done

echo
echo "| elementer | fil (MB) | median (s) | elementer/s | MB/s | maks. RSS (MiB) | RSS pr. inputbyte | (RSS − fast RSS) pr. inputbyte | \`wc -l\` (s) | check / wc | vækst tid | vækst tid minus fast omk. | vækst RSS |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
prev=""
for n in $SIZES; do
    t=${MED[$n]}
    growth="–"; growth_net="–"; growth_rss="–"
    if [ -n "$prev" ]; then
        growth="$(calc "f'{$t / ${MED[$prev]}:.1f}× (for {$n / $prev:g}× elementer)'")"
        growth_net="$(calc "f'{($t - $base) / (${MED[$prev]} - $base):.1f}×'")"
        growth_rss="$(calc "f'{${RSS[$n]} / ${RSS[$prev]}:.1f}×'")"
    fi
    calc "f'| {$n:,} | {${BYTES[$n]} / 1e6:.1f} | {$t:.3f} | {$n / $t:,.0f} | {${BYTES[$n]} / 1e6 / $t:.1f} | {${RSS[$n]} / 1024:.0f} | {${RSS[$n]} * 1024 / ${BYTES[$n]}:.1f} | {(${RSS[$n]} - $base_rss) * 1024 / ${BYTES[$n]}:.1f} | {${PEER[$n]}:.4f} | {$t / ${PEER[$n]}:.0f}× | $growth | $growth_net | $growth_rss |'" \
        | sed 's/,/ /g'
    prev=$n
done
echo
calc "f'Fast omkostning pr. kørsel (model med 20 elementer): {$base * 1000:.0f} ms, maks. RSS {$base_rss / 1024:.0f} MiB.'"

# Instruction counts: the same work on every run, whatever else the machine is doing.
if [ "${CALLGRIND:-1}" = 1 ]; then
    need valgrind valgrind
    # valgrind cannot read the DWARF of Swift 6.3 binaries; without it the symbols remain.
    strip --strip-debug -o "$WORK/programteori-nodebug" "$BIN"
    declare -A INSTR
    echo
    echo "| elementer | instruktioner (callgrind) | pr. element | pr. inputbyte |"
    echo "|---:|---:|---:|---:|"
    for n in 20 ${CALLGRIND_SIZES:-10000 100000}; do
        file="$WORK/model-$n.pt"
        [ -f "$file" ] || python3 "$BENCH_DIR/generate-model.py" --elements "$n" --seed "$SEED" --out "$file" 2>/dev/null
        INSTR[$n]=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null "$WORK/programteori-nodebug" check "$file" 2>&1 >/dev/null \
            | awk '/Collected/ {print $NF}')
        bytes=$(stat -c %s "$file")
        calc "f'| {$n:,} | {${INSTR[$n]}:,} | {${INSTR[$n]} / $n:,.0f} | {${INSTR[$n]} / $bytes:.0f} |'" | sed 's/,/ /g'
    done
    set -- ${CALLGRIND_SIZES:-10000 100000}
    if [ $# -ge 2 ]; then
        small=$1; large=${!#}
        echo
        calc "f'Linearitet: {$large / $small:g}× elementer giver {${INSTR[$large]} / ${INSTR[$small]}:.2f}× instruktioner; fratrukket den faste omkostning (model med 20 elementer) {(${INSTR[$large]} - ${INSTR[20]}) / (${INSTR[$small]} - ${INSTR[20]}):.2f}×.'"
    fi
fi
echo
echo "Belastning ved slut (1/5/15 min): $(load)"
