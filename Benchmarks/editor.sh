#!/usr/bin/env bash
# How fast does the browser editor follow an edit, and how much memory does its server hold?
#
#   Benchmarks/editor.sh                 # 30 edits per measurement
#   RUNS=50 SKIP_BUILD=1 Benchmarks/editor.sh
#
# Starts the release-built `programteori serve` on a free port with the models folder, then:
# (a) for the largest model in Models/ (by bytes), the time from sending an edited text to
#     POST /api/preview until the answer with findings and the finished SVG is read
#     (editor-client.py: one keep-alive connection, a different text each time, as the page
#     sends ~300 ms after typing stops). Target: median < 100 ms.
# (b) the same with an error in the text: findings only, no layout (the cost of checking).
# (c) the server's memory (VmRSS) when idle: after start-up and again after (a), for the server
#     process and for its layout workers (`programteori _layout`, two on this machine).
# Prints Markdown tables.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

MODELS_DIR="${MODELS_DIR:-$ROOT/Models}"
RUNS="${RUNS:-30}"
build
machine

largest=$(ls -S "$MODELS_DIR"/*.pt | head -1)
E="$WORK/editor"
rm -rf "$E"
mkdir -p "$E"
cp "$largest" "$E/benchmark.pt"

PROGRAMTEORI_INGEN_BROWSER=1 "$BIN" serve "$E" --port 0 --ingen-browser > "$E/serve.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
    grep -q "http://127.0.0.1:" "$E/serve.log" 2>/dev/null && break
    sleep 0.1
done
port=$(grep -o '127.0.0.1:[0-9]*' "$E/serve.log" | head -1 | cut -d: -f2)
[ -n "$port" ] || { cat "$E/serve.log" >&2; exit 1; }

rss_kib() {  # rss_kib <pid>
    awk '/VmRSS/ {print $2}' "/proc/$1/status"
}
workers_kib() {  # the layout workers of the server, summed
    local total=0 pid
    for pid in $(pgrep -P "$server" || true); do total=$((total + $(rss_kib "$pid"))); done
    echo "$total"
}
sleep 1
idle_server=$(rss_kib "$server")
idle_workers=$(workers_kib)

echo
echo "Modellen: $(basename "$largest") ($(wc -c < "$largest") bytes, $(wc -l < "$largest") linjer); $RUNS redigeringer pr. måling"
echo
echo "| Måling | median | min | maks |"
echo "|---|---:|---:|---:|"
read -r median low high < <(python3 "$BENCH_DIR/editor-client.py" "$port" "$largest" "$RUNS")
echo "| (a) redigering → nyt SVG (tjek, DOT, layout i arbejdsprocessen, SVG) | $median ms | $low ms | $high ms |"
read -r median low high < <(python3 "$BENCH_DIR/editor-client.py" "$port" "$largest" "$RUNS" --no-diagram)
echo "| (b) redigering med en fejl → fund, intet diagram (kun tjek) | $median ms | $low ms | $high ms |"
sleep 1
echo
echo "| Hukommelse (VmRSS) | server | layoutprocesser (sum) |"
echo "|---|---:|---:|"
echo "| (c) i ro efter start | $((idle_server / 1024)) MiB | $((idle_workers / 1024)) MiB |"
echo "| (c) i ro efter (a) og (b) | $(( $(rss_kib "$server") / 1024)) MiB | $(( $(workers_kib) / 1024)) MiB |"
