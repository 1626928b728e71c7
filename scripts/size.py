#!/usr/bin/env python3
"""Reports the gzip size of everything the first page load downloads from dist/, and
with --check fails when the total exceeds the budget in docs/performance.md
(the line `Budget: N KiB gzip`). --markdown prints a table for the docs."""
import gzip
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DIST = os.path.join(ROOT, "dist")
DOC = os.path.join(ROOT, "docs", "performance.md")
# What a first visit fetches: the page, its styles, the JS glue, the wasm and the icon.
FIRST_LOAD = (".html", ".css", ".js", ".wasm", ".svg", ".webmanifest")


def sizes():
    rows = []
    for name in sorted(os.listdir(DIST)):
        path = os.path.join(DIST, name)
        if not os.path.isfile(path) or not name.endswith(FIRST_LOAD) or name == "sw.js":
            continue
        raw = open(path, "rb").read()
        rows.append((name, len(raw), len(gzip.compress(raw, compresslevel=9))))
    return rows


def budget_kib():
    with open(DOC, encoding="utf-8") as f:
        m = re.search(r"Budget:\s*(\d+)\s*KiB gzip", f.read())
    if not m:
        sys.exit("size: no 'Budget: N KiB gzip' line in docs/performance.md")
    return int(m.group(1))


def main():
    rows = sizes()
    if not rows:
        sys.exit("size: dist/ is empty; run trunk build --release first")
    total_raw = sum(r[1] for r in rows)
    total_gz = sum(r[2] for r in rows)
    if "--markdown" in sys.argv:
        print("| file | bytes | gzip bytes |\n| --- | ---: | ---: |")
        for name, raw, gz in rows:
            print(f"| {re.sub(r'-[0-9a-f]{16}', '', name)} | {raw:,} | {gz:,} |")
        print(f"| **total** | **{total_raw:,}** | **{total_gz:,}** ({total_gz / 1024:.1f} KiB) |")
        return
    for name, raw, gz in rows:
        print(f"{name:48} {raw:>9,} B {gz:>9,} B gzip")
    print(f"{'first load total':48} {total_raw:>9,} B {total_gz:>9,} B gzip ({total_gz / 1024:.1f} KiB)")
    if "--check" in sys.argv:
        limit = budget_kib()
        if total_gz > limit * 1024:
            sys.exit(f"size: first load is {total_gz / 1024:.1f} KiB gzip, over the {limit} KiB budget")
        print(f"size: within the {limit} KiB gzip budget")


if __name__ == "__main__":
    main()
