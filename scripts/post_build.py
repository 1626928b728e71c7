#!/usr/bin/env python3
"""Trunk post-build hook.

Trunk writes an inline <script type="module"> that loads the wasm. A strict
Content-Security-Policy blocks inline scripts unless their hash is listed, so this hook
computes the SHA-256 of every inline script in the staged index.html and puts those
hashes where index.html has the __TRUNK_INLINE_SCRIPT_HASHES__ placeholder.
"""
import base64
import hashlib
import os
import re
import sys

PLACEHOLDER = "__TRUNK_INLINE_SCRIPT_HASHES__"


def main() -> int:
    staging = os.environ.get("TRUNK_STAGING_DIR")
    if not staging:
        print("post_build: TRUNK_STAGING_DIR is not set", file=sys.stderr)
        return 1
    index = os.path.join(staging, "index.html")
    with open(index, encoding="utf-8") as f:
        html = f.read()
    scripts = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", html, flags=re.S)
    hashes = []
    for body in scripts:
        digest = hashlib.sha256(body.encode("utf-8")).digest()
        hashes.append("'sha256-" + base64.b64encode(digest).decode("ascii") + "'")
    if PLACEHOLDER not in html:
        print("post_build: CSP placeholder missing from index.html", file=sys.stderr)
        return 1
    html = html.replace(PLACEHOLDER, " ".join(hashes))
    with open(index, "w", encoding="utf-8") as f:
        f.write(html)
    print(f"post_build: {len(hashes)} inline script hash(es) added to the CSP")
    return 0


if __name__ == "__main__":
    sys.exit(main())
