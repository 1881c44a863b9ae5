#!/usr/bin/env python3
"""The editor's latency, as the page sees it: one HTTP POST /api/preview per edit, each with a
slightly different text (a counter in a comment and in the title), over one keep-alive
connection, answered with findings and the finished SVG. Prints the median, min and max in ms.

    editor-client.py PORT MODEL.pt RUNS [--no-diagram]

--no-diagram adds an unknown ID, so the answer has an error and no SVG: the cost of checking
alone, without layout.
"""
import http.client
import json
import statistics
import sys
import time

port, model_path, runs = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
no_diagram = "--no-diagram" in sys.argv
with open(model_path, encoding="utf-8") as handle:
    text = handle.read()
lines = text.split("\n")
header = next(i for i, line in enumerate(lines) if line.lower().startswith("programteori:"))
connection = http.client.HTTPConnection("127.0.0.1", port)
headers = {"Content-Type": "application/json", "Origin": f"http://127.0.0.1:{port}", "Host": f"127.0.0.1:{port}"}
times = []
for run in range(runs + 3):
    edited = list(lines)
    edited[header] = lines[header] + f" {run}"
    edited.append(f"# redigering {run}")
    if no_diagram:
        edited.append("delmål DX: Ufærdig\n  fører til: FINDES-IKKE")
    body = json.dumps({"text": "\n".join(edited), "name": "benchmark.pt"})
    start = time.perf_counter()
    connection.request("POST", "/api/preview", body=body, headers=headers)
    answer = json.loads(connection.getresponse().read())
    elapsed = time.perf_counter() - start
    if no_diagram:
        assert answer.get("svg") is None and answer["summary"]["errors"] > 0, answer.get("summary")
    else:
        assert answer.get("svg") and f"{run}" in answer.get("title", ""), (answer.get("diagramError"), answer.get("summary"))
    if run >= 3:  # the first three warm the layout workers and the caches up
        times.append(elapsed * 1000)
print(f"{statistics.median(times):.1f} {min(times):.1f} {max(times):.1f}")
