#!/usr/bin/env bash
# Coverage-guided fuzzing of the pure pipeline (parser → resolver → rules → diagram → DOT) with
# libFuzzer and AddressSanitizer. See docs/fuzzing.md.
#
#   scripts/fuzz.sh [SECONDS]     # default 60
#
# Builds Fuzz/ (its own package, scratch folder .build-fuzz) with -sanitize=fuzzer,address, seeds
# Fuzz/corpus/ from Models/ and every .pt under Tests/, runs one fuzzing process for SECONDS, and
# copies crash/timeout/oom inputs to Fuzz/findings/. Corpus, findings and logs are git-ignored.
# Environment: PT_FUZZ_NICE (default 10), PT_FUZZ_MAX_LEN (default 8192), PT_FUZZ_ARGS (extra
# libFuzzer flags; for a long run that goes on past findings:
# PT_FUZZ_ARGS="-fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1").
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
root="$PWD"
corpus="$root/Fuzz/corpus"
findings="$root/Fuzz/findings"
logs="$root/Fuzz/logs"
mkdir -p "$corpus" "$findings" "$logs"

if ! command -v swift >/dev/null; then
    echo "fuzz.sh: swift is not installed" >&2
    exit 1
fi
if ! command -v python3 >/dev/null; then
    apt-get install -y python3 >/dev/null
fi

echo "== building the harness (release, -sanitize=fuzzer,address) into .build-fuzz"
nice -n "${PT_FUZZ_NICE:-10}" swift build --package-path Fuzz -c release --scratch-path "$root/.build-fuzz" \
    -Xswiftc -sanitize=fuzzer,address

echo "== seeding the corpus"
python3 scripts/fuzz-seed.py "$root" "$corpus" "$root/.build-fuzz/pt.dict"

stamp="$(date -u +%Y%m%dT%H%M%SZ)"
log="$logs/run-$stamp.log"
work="$(mktemp -d)"
# Run a copy, so the harness can be rebuilt while a long run goes on.
harness="$work/pt-fuzz"
cp "$root/.build-fuzz/release/pt-fuzz" "$harness"
echo "== fuzzing for ${seconds}s; log: $log"
# The harness never touches the file system (includes come from the input); the work folder
# only receives crash-/timeout-/oom- files, which are then copied to Fuzz/findings/.
set +e
(cd "$work" && SWIFT_BACKTRACE=enable=no ASAN_OPTIONS="detect_leaks=0:abort_on_error=0" nice -n "${PT_FUZZ_NICE:-10}" "$harness" \
    -max_total_time="$seconds" -max_len="${PT_FUZZ_MAX_LEN:-8192}" -timeout=10 -rss_limit_mb=4096 \
    -dict="$root/.build-fuzz/pt.dict" -print_final_stats=1 -artifact_prefix="$work/" \
    ${PT_FUZZ_ARGS:-} "$corpus") >"$log" 2>&1
status=$?
set -e

found=0
rm -f "$harness"
for file in "$work"/crash-* "$work"/timeout-* "$work"/oom-* "$work"/leak-*; do
    [ -e "$file" ] || continue
    cp "$file" "$findings/"
    found=$((found + 1))
done
rm -rf "$work"

echo "== result (exit $status)"
grep -E '^#[0-9]+.*(INITED|DONE|pulse|NEW)' "$log" | tail -3 || true
grep -E '^stat::' "$log" || true
echo "corpus: $(ls "$corpus" | wc -l) inputs in Fuzz/corpus/"
if [ "$found" -gt 0 ]; then
    echo "findings: $found input(s) copied to Fuzz/findings/:"
    ls -1 "$findings"
    grep -A12 -E 'oracle violated|ERROR: (AddressSanitizer|libFuzzer)|Fatal error' "$log" | head -40
    exit 1
fi
echo "findings: none"
exit "$status"
