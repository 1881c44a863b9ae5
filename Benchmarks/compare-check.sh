#!/usr/bin/env bash
# Does a new build of `programteori check` say exactly what an old one said?
#
#   Benchmarks/compare-check.sh OLD_BINARY [NEW_BINARY]
#
# Runs `check --format text|json|sarif` on every .pt file in Models/ and Tests/ (one file at a
# time, from the repository's root so the paths in the output are the same) with both binaries
# and compares standard output, standard error and the exit code byte for byte. NEW_BINARY
# defaults to the release build in .build-bench. Prints each difference and a summary; exit 1
# if anything differs.
set -uo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OLD="${1:?usage: compare-check.sh OLD_BINARY [NEW_BINARY]}"
NEW="${2:-$ROOT/.build-bench/release/programteori}"
export PROGRAMTEORI_DATO="${PROGRAMTEORI_DATO:-2026-11-23}"
OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT

cd "$ROOT" || exit 2
runs=0
differ=0
while IFS= read -r -d '' file; do
    for format in text json sarif; do
        for side in old new; do
            bin=$OLD; [ $side = new ] && bin=$NEW
            "$bin" check --format "$format" "$file" >"$OUT/$side.out" 2>"$OUT/$side.err"
            echo $? >"$OUT/$side.rc"
        done
        runs=$((runs + 1))
        for part in out err rc; do
            if ! cmp -s "$OUT/old.$part" "$OUT/new.$part"; then
                differ=$((differ + 1))
                echo "FORSKEL: $file --format $format ($part)"
                diff "$OUT/old.$part" "$OUT/new.$part" | head -10
                break
            fi
        done
    done
done < <(find Models Tests -name '*.pt' -type f -print0 | sort -z)
echo "$runs kørsler, $differ med forskel"
[ $differ -eq 0 ]
