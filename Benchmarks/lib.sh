# Shared helpers for check.sh and render.sh (sourced, not run).
# shellcheck shell=bash

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH_DIR/.." && pwd)"
WORK="${WORK:-$BENCH_DIR/work}"
SCRATCH="${SCRATCH:-$ROOT/.build-bench}"
BIN="${BIN:-$SCRATCH/release/programteori}"
RUNS="${RUNS:-10}"
WARMUP="${WARMUP:-2}"
# A fixed "today" so the rules that look at dates give the same findings on every run.
export PROGRAMTEORI_DATO="${PROGRAMTEORI_DATO:-2026-11-23}"

mkdir -p "$WORK"

# Install a Debian package when its command is missing (root or sudo).
need() {  # need <command> <package>
    command -v "$1" >/dev/null 2>&1 && return 0
    echo "» $1 mangler; installerer $2 …" >&2
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get install -y "$2" >/dev/null 2>&1 \
        || { $sudo apt-get update >/dev/null 2>&1 && $sudo apt-get install -y "$2" >/dev/null; } \
        || { echo "kunne ikke installere $2" >&2; exit 2; }
}

# Build the tool in release mode with our own scratch path (unless BIN is given and exists),
# linked as it ships: Swift's runtime and Foundation statically (docs/ydelse.md, »Statisk«).
build() {
    if [ "${SKIP_BUILD:-0}" = 1 ] && [ -x "$BIN" ]; then return 0; fi
    local flags="${SWIFT_BUILD_FLAGS---static-swift-stdlib}"
    echo "» swift build -c release $flags --scratch-path $SCRATCH" >&2
    # shellcheck disable=SC2086
    (cd "$ROOT" && swift build -c release $flags --scratch-path "$SCRATCH" --product programteori >&2)
}

need hyperfine hyperfine
[ -x /usr/bin/time ] || need time time

# Wall time in seconds of a command, via hyperfine; prints "median min max cpu", where cpu is
# the mean user+system time (more than the wall time means more than one core was busy).
# The command is given as one string (hyperfine runs it through sh).
wall() {  # wall <name> <command-string>
    local json="$WORK/$1.json"
    hyperfine --style none --warmup "$WARMUP" --runs "$RUNS" --export-json "$json" "$2" >/dev/null 2>&1 \
        || { echo "hyperfine failed for: $2" >&2; hyperfine --runs 1 --show-output "$2" >&2; exit 1; }
    python3 - "$json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"][0]
print(f'{r["median"]:.4f} {r["min"]:.4f} {r["max"]:.4f} {r["user"] + r["system"]:.4f}')
PY
}

# Median peak memory (max RSS, KiB) over RUNS runs; for a shell loop this is the largest
# single process of the loop (GNU time reports the largest child), which is what the
# machine must have free.
rss() {  # rss <command-string>
    local i out=()
    for ((i = 0; i < RUNS; i++)); do
        out+=("$(/usr/bin/time -f '%M' sh -c "$1" 2>&1 >/dev/null | tail -1)")
    done
    printf '%s\n' "${out[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'
}

# Median CPU time in seconds (user + system) of a command and of every process it starts, also
# those that outlive it: `render`'s layout workers exit just after it, unwaited, so neither
# hyperfine nor GNU time sees them. perf stat counts inherited tasks; the trailing sleep lets the
# last worker exit before the count is read. Prints nothing without perf.
cpu() {  # cpu <command-string>
    command -v perf >/dev/null 2>&1 || return 0
    local i out=()
    for ((i = 0; i < RUNS; i++)); do
        perf stat -x, -e task-clock -o "$WORK/perf-stat.txt" sh -c "$1; sleep 0.1" >/dev/null 2>&1 || return 0
        out+=("$(awk -F, '/task-clock/ {print $1}' "$WORK/perf-stat.txt")")
    done
    printf '%s\n' "${out[@]}" | sort -n | awk '{a[NR]=$1} END {m = (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2); printf "%.4f\n", m / 1000}'
}

# Arithmetic with Python (bash has no floats).
calc() { python3 -c "print($1)"; }

# The 1-, 5- and 15-minute load averages: on a shared machine a load above the core count
# during a run means other work competed for the CPU, and the wall times are inflated.
load() { cut -d' ' -f1-3 /proc/loadavg; }

machine() {
    echo "Maskine: $(nproc) kerner, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo), $(uname -sr)"
    echo "Værktøj: $("$BIN" --version 2>/dev/null || echo '?'), git $(cd "$ROOT" && git describe --always --dirty), $(hyperfine --version)"
    echo "Belastning ved start (1/5/15 min): $(load)"
}
