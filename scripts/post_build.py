#!/usr/bin/env python3
"""Trunk post-build hook.

1. Trunk writes an inline <script type="module"> that loads the wasm. A strict
   Content-Security-Policy blocks inline scripts unless their hash is listed, so this hook
   computes the SHA-256 of every inline script in the staged index.html and puts those
   hashes where index.html has the __TRUNK_INLINE_SCRIPT_HASHES__ placeholder.
2. Trunk puts its preloads of the app's JS and wasm at the end of <head>, after the six
   stylesheets. A host on HTTP/1.1 opens six connections a page, so the wasm, the
   largest file, waited for the stylesheets (requested at 127 ms instead of 58 in a
   trace). This hook moves the preloads up to just after the Content-Security-Policy
   (before it, the policy would not cover them).
3. Trunk makes no service worker. This hook writes sw.js with the list of every file of
   this build (hashed names included) and a cache name derived from them, so a new deploy
   gets a new cache and the old one is dropped.
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
    html = preloads_first(html)
    with open(index, "w", encoding="utf-8") as f:
        f.write(html)
    print(f"post_build: {len(hashes)} inline script hash(es) added to the CSP")
    write_service_worker(staging)
    return 0


def preloads_first(html: str) -> str:
    preloads = re.findall(r'<link rel="(?:modulepreload|preload)"[^>]*>\n?', html)
    csp = re.search(r'<meta http-equiv="Content-Security-Policy"[^>]*>\n?', html)
    if not preloads or not csp:
        print("post_build: no preloads or no CSP to put them after", file=sys.stderr)
        return html
    for link in preloads:
        html = html.replace(link, "", 1)
    at = html.index(csp.group(0)) + len(csp.group(0))
    moved = "".join("    " + link.strip() + "\n" for link in preloads)
    print(f"post_build: {len(preloads)} preload(s) moved ahead of the stylesheets")
    return html[:at] + moved + html[at:]


SW_TEMPLATE = """// Written by scripts/post_build.py for one build; do not edit.
// App shell: every file of the build is cached at install. Pages (navigations) go to the
// network first so a new deploy is picked up on the next reload, and fall back to the
// cached index.html offline; hashed assets are served from the cache.
const CACHE = "twohats-__VERSION__";
const ASSETS = __ASSETS__;

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(ASSETS)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("twohats-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim())
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    event.respondWith(
      fetch(request)
        .then((response) => {
          const copy = response.clone();
          caches.open(CACHE).then((cache) => cache.put("./", copy));
          return response;
        })
        .catch(() => caches.match("./", { ignoreSearch: true }).then((r) => r || caches.match("index.html")))
    );
    return;
  }
  event.respondWith(caches.match(request, { ignoreSearch: true }).then((cached) => cached || fetch(request)));
});
"""


def write_service_worker(staging: str) -> None:
    files = []
    for root, _dirs, names in os.walk(staging):
        for name in names:
            rel = os.path.relpath(os.path.join(root, name), staging).replace(os.sep, "/")
            if rel != "sw.js" and not rel.startswith("."):
                files.append(rel)
    files.sort()
    assets = ["./"] + files
    digest = hashlib.sha256()
    for rel in files:
        with open(os.path.join(staging, rel), "rb") as f:
            digest.update(rel.encode() + b"\0" + f.read())
    version = digest.hexdigest()[:16]
    import json

    sw = SW_TEMPLATE.replace("__VERSION__", version).replace("__ASSETS__", json.dumps(assets, indent=2))
    with open(os.path.join(staging, "sw.js"), "w", encoding="utf-8") as f:
        f.write(sw)
    print(f"post_build: sw.js caches {len(files)} files as twohats-{version}")


if __name__ == "__main__":
    sys.exit(main())
