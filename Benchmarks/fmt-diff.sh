#!/usr/bin/env bash
# How fast are `programteori fmt` and `programteori diff`, and do they grow linearly?
#
#   Benchmarks/fmt-diff.sh               # 1 000, 10 000 and 100 000 elements, 10 runs each
#   SIZES="1000 10000" RUNS=5 Benchmarks/fmt-diff.sh
#   SKIP_BUILD=1 Benchmarks/fmt-diff.sh  # use the binary already in .build-bench
#
# For each size: the generated model (generate-model.py), the same model after `fmt` (so `diff`
# compares two layouts of one theory: no change) and a revision with every 50th target raised
# and every 50th title changed. Times with hyperfine (median), prints a Markdown table for
# docs/ydelse.md.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

SIZES="${SIZES:-1000 10000 100000}"
SEED="${SEED:-1}"

build
machine
echo "Kørsler: $RUNS (+ $WARMUP opvarmning) pr. måling"
echo

declare -A BYTES FMT CHECKFMT SAME CHANGED CHECK LINES
for n in $SIZES; do
    model="$WORK/fmt-model-$n.pt"
    formatted="$WORK/fmt-formatted-$n.pt"
    revised="$WORK/fmt-revised-$n.pt"
    python3 "$BENCH_DIR/generate-model.py" --elements "$n" --seed "$SEED" --out "$model"
    BYTES[$n]=$(stat -c %s "$model")
    "$BIN" fmt --stdout "$model" > "$formatted"
    "$BIN" fmt --check "$formatted" >/dev/null || { echo "FEJL: fmt er ikke idempotent på $model" >&2; exit 1; }
    python3 - "$formatted" "$revised" <<'PY'
import re, sys
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
targets = titles = 0
for i, line in enumerate(lines):
    m = re.match(r"^(\s*mål: )(\d+)(.*)$", line)
    if m:
        targets += 1
        if targets % 50 == 0:
            lines[i] = f"{m.group(1)}{int(m.group(2)) + 1}{m.group(3)}"
    elif re.match(r"^(delmål|aktivitet) [^:]+: ", line):
        titles += 1
        if titles % 50 == 0:
            lines[i] = line + " (revideret)"
open(sys.argv[2], "w", encoding="utf-8").write("\n".join(lines))
PY
    set +e
    "$BIN" diff "$model" "$formatted" >/dev/null; same_rc=$?
    "$BIN" diff "$formatted" "$revised" > "$WORK/fmt-diff-$n.txt"; changed_rc=$?
    set -e
    [ $same_rc -eq 0 ] || { echo "FEJL: diff af model og formateret model gav $same_rc (forventet 0)" >&2; exit 1; }
    [ $changed_rc -eq 1 ] || { echo "FEJL: diff af revisionen gav $changed_rc (forventet 1)" >&2; exit 1; }
    LINES[$n]=$(wc -l < "$WORK/fmt-diff-$n.txt")
    read -r FMT[$n] _ < <(wall "fmt-$n" "'$BIN' fmt --stdout '$model' > /dev/null")
    read -r CHECKFMT[$n] _ < <(wall "fmtcheck-$n" "'$BIN' fmt --check '$formatted'")
    read -r SAME[$n] _ < <(wall "diffsame-$n" "'$BIN' diff '$model' '$formatted'")
    read -r CHANGED[$n] _ < <(wall "diffchanged-$n" "'$BIN' diff '$formatted' '$revised' > /dev/null; test \$? -eq 1")
    read -r CHECK[$n] _ < <(wall "fmtcheckref-$n" "'$BIN' check '$model' > /dev/null; true")
done

echo "| elementer | fil (MB) | check (s) | fmt (s) | fmt --check, formateret (s) | diff, samme teori (s) | diff, revision (s) | linjer i diff'en |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|"
for n in $SIZES; do
    calc "f'| {$n:,} | {${BYTES[$n]} / 1e6:.1f} | {${CHECK[$n]}:.3f} | {${FMT[$n]}:.3f} | {${CHECKFMT[$n]}:.3f} | {${SAME[$n]}:.3f} | {${CHANGED[$n]}:.3f} | {${LINES[$n]}:,} |'" | sed 's/,/ /g'
done
echo
echo "Belastning ved slut (1/5/15 min): $(load)"
