#!/usr/bin/env python3
"""Seeds the fuzz corpus and writes the libFuzzer dictionary (used by scripts/fuzz.sh).

Every .pt file under Models/ and Tests/ becomes one input bundle (see
Sources/PTPipelineAudit/InputBundle.swift): the file itself, followed by a `%%% NAME`
section for every file it includes with `brug:`/`use:` that exists beside it, and for
Models/X.pt the measurements file Models/X.maalinger.csv when there is one.
The dictionary holds the keywords of Sources/PTSyntax/Keywords.swift (Danish, English, ASCII)
as `keyword:` and the bundle marker.
"""
import hashlib
import os
import re
import sys

root, corpus, dictionary = sys.argv[1], sys.argv[2], sys.argv[3]
os.makedirs(corpus, exist_ok=True)
include = re.compile(rb"^\s*(?:brug|use)\s*:\s*(\S.*?)\s*$", re.MULTILINE)


def bundle(path):
    data = open(path, "rb").read()
    out = data
    folder = os.path.dirname(path)
    seen = set()
    pending = [(path, data)]
    while pending:
        including, text = pending.pop(0)
        for match in include.finditer(text):
            name = match.group(1).decode("utf-8", "replace")
            target = os.path.normpath(os.path.join(os.path.dirname(including), name))
            relative = os.path.relpath(target, folder)
            if relative in seen or not os.path.isfile(target):
                continue
            seen.add(relative)
            included = open(target, "rb").read()
            out += (b"" if out.endswith(b"\n") else b"\n") + f"%%% {relative}\n".encode() + included
            pending.append((target, included))
    csv = path[:-3] + ".maalinger.csv"
    if os.path.isfile(csv):
        out += (b"" if out.endswith(b"\n") else b"\n") + f"%%% {os.path.basename(csv)}\n".encode() + open(csv, "rb").read()
    return out


count = 0
for top in ("Models", "Tests"):
    for folder, _, names in sorted(os.walk(os.path.join(root, top))):
        for name in sorted(names):
            if name.endswith(".pt"):
                data = bundle(os.path.join(folder, name))
                with open(os.path.join(corpus, "seed-" + hashlib.sha1(data).hexdigest()), "wb") as f:
                    f.write(data)
                count += 1

keywords = set(re.findall(r'"([^"\\]{2,})"', open(os.path.join(root, "Sources/PTSyntax/Keywords.swift"), encoding="utf-8").read()))
with open(dictionary, "w", encoding="utf-8") as f:
    def entry(text):
        escaped = "".join(c if c.isalnum() or c in " :.-_æøåÆØÅ" else "\\x%02x" % b for c in text for b in c.encode())
        # libFuzzer dictionaries are bytes: escape every non-ASCII byte.
        escaped = "".join(ch if ord(ch) < 128 else "".join("\\x%02x" % b for b in ch.encode()) for ch in escaped)
        f.write(f'"{escaped}"\n')
    for keyword in sorted(keywords):
        entry(keyword)
        entry(keyword + ": ")
    for extra in ["\n%%% del.pt\n", "\n%%% maalinger.csv\n", "\n  ", " -> ", "\\N", "\\G", "<&>\"", "]]>", "\t"]:
        entry(extra)
print(f"{count} seed inputs in {corpus}")
