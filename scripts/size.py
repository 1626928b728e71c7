#!/usr/bin/env python3
"""Reports what a first visit to Home downloads from dist/, gzipped, and what each other
page fetches on top when it is first opened; with --check fails when the first load
exceeds the budget in docs/performance.md (the line `Budget: N KiB gzip`).
--markdown prints the tables for the docs.

The first load is read from the built index.html: the page itself, its stylesheets, its
preloads (the main JS and wasm, the chunk loader) and its icon. Each response is counted
with HEADER_BYTES for its headers, as a static host sends them (nginx sends about 250).
The real transfer is measured in a browser by `node scripts/bench.mjs --first-load`.
Each page's chunks are read from the loader the splitter wrote (scripts/split/).
"""
import gzip
import json
import os
import re
import sys

from html_tags import tags

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DIST = os.path.join(ROOT, "dist")
DOC = os.path.join(ROOT, "docs", "performance.md")
HEADER_BYTES = 300


def gz(name):
    with open(os.path.join(DIST, name), "rb") as f:
        raw = f.read()
    return len(raw), len(gzip.compress(raw, compresslevel=9))


def first_load_files():
    with open(os.path.join(DIST, "index.html"), encoding="utf-8") as f:
        html = f.read()
    refs = [a["href"] for _, _, a in tags(html, "link")
            if a.get("rel") in ("stylesheet", "modulepreload", "preload", "icon") and "href" in a]
    refs += [a["src"] for _, _, a in tags(html, "script") if "src" in a]
    names = ["index.html"] + [r.removeprefix("./") for r in refs]
    missing = [n for n in names if not os.path.isfile(os.path.join(DIST, n))]
    if missing:
        sys.exit(f"size: index.html names files that are not in dist/: {missing}")
    return list(dict.fromkeys(names))


def page_chunks():
    """{split point: [files]}: each split module with the shared chunks it waits for, as
    scripts/split/wasm-bindgen noted them for this build."""
    manifest = os.path.join(ROOT, "target", "wasm-bindgen", "release", "split", "manifest.json")
    if not os.path.exists(manifest):
        return {}
    with open(manifest, encoding="utf-8") as f:
        splits = json.load(f)["splits"]
    missing = [n for files in splits.values() for n in files if not os.path.isfile(os.path.join(DIST, n))]
    if missing:
        sys.exit(f"size: dist/ is not the build target/ describes (missing {missing[:3]}…): build again")
    return splits


def budget_kib():
    with open(DOC, encoding="utf-8") as f:
        m = re.search(r"Budget:\s*(\d+)\s*KiB gzip", f.read())
    if not m:
        sys.exit("size: no 'Budget: N KiB gzip' line in docs/performance.md")
    return int(m.group(1))


def strip_hash(name):
    return re.sub(r"-[0-9a-f]{1,16}(?=[._])", "", name)


def main():
    if not os.path.isfile(os.path.join(DIST, "index.html")):
        sys.exit("size: dist/ is empty; run scripts/build.sh first")
    rows = [(n, *gz(n)) for n in first_load_files()]
    total_raw = sum(r[1] for r in rows)
    total_gz = sum(r[2] for r in rows) + HEADER_BYTES * len(rows)
    pages = page_chunks()
    markdown = "--markdown" in sys.argv
    if markdown:
        print("| first load of Home | bytes | gzip bytes |\n| --- | ---: | ---: |")
        for name, raw, packed in rows:
            print(f"| {strip_hash(name)} | {raw:,} | {packed:,} |")
        print(f"| headers ({len(rows)} × {HEADER_BYTES}) | | {HEADER_BYTES * len(rows):,} |")
        print(f"| **total** | **{total_raw:,}** | **{total_gz:,}** ({total_gz / 1024:.1f} KiB) |")
        print("\n| split point | its own chunk, gzip | with the shared chunks it needs, gzip | files |\n| --- | ---: | ---: | ---: |")
    else:
        for name, raw, packed in rows:
            print(f"{name:48} {raw:>9,} B {packed:>9,} B gzip")
        print(f"{'first load total (with headers)':48} {total_raw:>9,} B {total_gz:>9,} B gzip ({total_gz / 1024:.1f} KiB)")
    for page, files in sorted(pages.items()):
        own = gz(files[0])[1]
        whole = sum(gz(f)[1] for f in files)
        if markdown:
            print(f"| {page} | {own / 1024:.1f} KiB | {whole / 1024:.1f} KiB | {len(files)} |")
        else:
            print(f"{page:24} own chunk {own / 1024:6.1f} KiB gzip; with shared chunks {whole / 1024:6.1f} KiB in {len(files)} files")
    if "--check" in sys.argv:
        if not pages:
            sys.exit("size: dist/ has no page chunks: the build was not split (scripts/build.sh)")
        limit = budget_kib()
        if total_gz > limit * 1024:
            sys.exit(f"size: first load is {total_gz / 1024:.1f} KiB gzip, over the {limit} KiB budget")
        print(f"size: within the {limit} KiB gzip budget")


if __name__ == "__main__":
    main()
