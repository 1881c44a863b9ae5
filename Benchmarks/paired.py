#!/usr/bin/env python3
"""Paired timing and process-tree memory for render.sh (standard library only).

    paired.py time RUNS WARMUP "command A" "command B"
        Runs A and B alternately (A B, B A, A B, …) RUNS times after WARMUP rounds and prints
        "median_a median_b median_ratio min_ratio max_ratio" (seconds; ratio = A / B per pair).
        On a shared machine the load drifts; a pair is measured under the same load, so the
        median of the per-pair ratios is steadier than the ratio of two separate medians.

    paired.py mem RUNS "command"
        Peak memory of the whole process tree: the command runs RUNS times; every 2 ms the
        peak RSS (VmHWM) of each process in its tree is read from /proc. Prints
        "median_sum_mib median_largest_mib median_processes": the sum of the processes'
        peaks (for processes that run at the same time, as `render` and its layout workers do:
        what the machine must have free, at most), the largest single one (for a loop of one
        process after another), and how many processes took part (the `sh -c` included).
        A process that lives under 2 ms may be missed.

Commands run through `sh -c`, as hyperfine does; both sides pay the same shell start.
"""

import os
import statistics
import subprocess
import sys
import time


def run_once(command):
    start = time.perf_counter()
    subprocess.run(["sh", "-c", command], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def paired(runs, warmup, a, b):
    for _ in range(warmup):
        run_once(a)
        run_once(b)
    times_a, times_b, ratios = [], [], []
    for i in range(runs):
        if i % 2 == 0:
            ta = run_once(a)
            tb = run_once(b)
        else:
            tb = run_once(b)
            ta = run_once(a)
        times_a.append(ta)
        times_b.append(tb)
        ratios.append(ta / tb)
    print(f"{statistics.median(times_a):.4f} {statistics.median(times_b):.4f} "
          f"{statistics.median(ratios):.4f} {min(ratios):.4f} {max(ratios):.4f}")


def children_map():
    parents = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            parents[int(entry)] = int(fields[1])
        except (OSError, IndexError, ValueError):
            pass
    return parents


def tree(root):
    parents = children_map()
    found = {root}
    grew = True
    while grew:
        grew = False
        for pid, parent in parents.items():
            if parent in found and pid not in found:
                found.add(pid)
                grew = True
    return found


def peak_kib(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


def memory(runs, command):
    sums, largest, counts = [], [], []
    for _ in range(runs):
        process = subprocess.Popen(["sh", "-c", command], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        peaks = {}
        while True:
            for pid in tree(process.pid):
                kib = peak_kib(pid)
                if kib is not None:
                    peaks[pid] = max(peaks.get(pid, 0), kib)
            if process.poll() is not None:
                break
            time.sleep(0.002)
        # Layout workers end just after their parent: read them once more.
        for pid in list(peaks):
            kib = peak_kib(pid)
            if kib is not None:
                peaks[pid] = max(peaks[pid], kib)
        sums.append(sum(peaks.values()) / 1024)
        largest.append(max(peaks.values(), default=0) / 1024)
        counts.append(len(peaks))
    print(f"{statistics.median(sums):.0f} {statistics.median(largest):.0f} {statistics.median(counts):.0f}")


def main():
    if len(sys.argv) == 6 and sys.argv[1] == "time":
        paired(int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5])
    elif len(sys.argv) == 4 and sys.argv[1] == "mem":
        memory(int(sys.argv[2]), sys.argv[3])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
