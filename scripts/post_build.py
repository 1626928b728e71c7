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
3. A split release build (scripts/split/wasm-bindgen) leaves its loader and chunks in
   wasm-bindgen's output folder: this hook copies them in, names the main JS (hashed by
   Trunk) in the loader, preloads the loader, and runs wasm-opt on every chunk with the
   flags index.html gives Trunk for the main module. A release build made without the
   splitter cannot start, so it fails here with a pointer to scripts/build.sh.
4. Trunk makes no service worker. This hook writes sw.js with the list of every file of
   this build (hashed names included) and a cache name derived from them, so a new deploy
   gets a new cache and the old one is dropped.
"""
import base64
import hashlib
import json
import os
import shutil
import subprocess
import re
import sys

from html_tags import tags

PLACEHOLDER = "__TRUNK_INLINE_SCRIPT_HASHES__"
BUILD_PLACEHOLDER = "__TWOHATS_BUILD__"


def main() -> int:
    staging = os.environ.get("TRUNK_STAGING_DIR")
    if not staging:
        print("post_build: TRUNK_STAGING_DIR is not set", file=sys.stderr)
        return 1
    index = os.path.join(staging, "index.html")
    with open(index, encoding="utf-8") as f:
        html = f.read()
    if PLACEHOLDER not in html or BUILD_PLACEHOLDER not in html:
        print("post_build: CSP or build placeholder missing from index.html", file=sys.stderr)
        return 1
    html = add_split_chunks(staging, html)
    html = later_styles(html)
    version = build_version(staging, html)
    html = html.replace(BUILD_PLACEHOLDER, version)
    scripts = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", html, flags=re.S)
    hashes = []
    for body in scripts:
        digest = hashlib.sha256(body.encode("utf-8")).digest()
        hashes.append("'sha256-" + base64.b64encode(digest).decode("ascii") + "'")
    html = html.replace(PLACEHOLDER, " ".join(hashes))
    html = preloads_first(html)
    with open(index, "w", encoding="utf-8") as f:
        f.write(html)
    print(f"post_build: {len(hashes)} inline script hash(es) added to the CSP")
    write_service_worker(staging, version)
    return 0


def add_split_chunks(staging: str, html: str) -> str:
    main_wasm = [n for n in os.listdir(staging) if n.endswith("_bg.wasm")]
    split_dir = os.path.join(
        os.environ.get("CARGO_TARGET_DIR", "target"), "wasm-bindgen", os.environ.get("TRUNK_PROFILE", "debug"), "split"
    )
    manifest_path = os.path.join(split_dir, "manifest.json")
    if not os.path.exists(manifest_path):
        for name in main_wasm:
            with open(os.path.join(staging, name), "rb") as f:
                if b"__wasm_split_placeholder__" in f.read():
                    sys.exit("post_build: this release build must be split: build it with scripts/build.sh")
        return html
    with open(manifest_path, encoding="utf-8") as f:
        manifest = json.load(f)
    main_js = next((t for t in tags(html, "link") if t[2].get("rel") == "modulepreload"
                    and re.fullmatch(r"(?:\./)?twohats-[0-9a-f]+\.js", t[2].get("href", ""))), None)
    if not main_js:
        sys.exit("post_build: no preload of the main JS in index.html")
    main_js_name = main_js[2]["href"].removeprefix("./")
    loader = manifest["loader"]
    with open(os.path.join(split_dir, loader), encoding="utf-8") as f:
        js = f.read()
    if f'"{manifest["main_js"]}"' not in js:
        sys.exit(f"post_build: {loader} does not import {manifest['main_js']}")
    js = js.replace(f'"{manifest["main_js"]}"', f'"./{main_js_name}"')
    with open(os.path.join(staging, loader), "w", encoding="utf-8") as f:
        f.write(js)
    flags = wasm_opt_flags()
    for chunk in manifest["chunks"]:
        target = os.path.join(staging, chunk)
        shutil.copyfile(os.path.join(split_dir, chunk), target)
        subprocess.run(["wasm-opt", *flags, target, "-o", target], check=True)
    print(f"post_build: {len(manifest['chunks'])} chunks and {loader} added, wasm-opt {' '.join(flags)}")
    # The main JS imports the loader: fetch it with the JS, not one round trip later.
    preload = f'<link rel="modulepreload" href="./{loader}" integrity="{sri(os.path.join(staging, loader))}">'
    return html[: main_js[1]] + preload + html[main_js[1] :]


def later_styles(html: str) -> str:
    """The stylesheet marked `data-later` is named in a meta tag instead of linked: the
    pages that need it load it (components::page_slot), Home's first load does not."""
    for start, end, attrs in reversed(tags(html, "link")):
        if "data-later" in attrs:
            meta = f'<meta name="twohats-later-css" content="{attrs["href"]}">'
            html = html[:start] + meta + html[end:]
            print(f"post_build: {attrs['href']} is loaded by the pages, not by index.html")
    return html


def wasm_opt_flags() -> list:
    """The flags index.html gives Trunk for the main module, so every chunk is built alike."""
    source = os.path.join(os.environ.get("TRUNK_SOURCE_DIR", "."), "index.html")
    with open(source, encoding="utf-8") as f:
        html = f.read()
    level = re.search(r'data-wasm-opt="(\w+)"', html).group(1)
    params = re.search(r'data-wasm-opt-params="([^"]*)"', html).group(1).split()
    return [f"-O{level}", *params]


def sri(path: str) -> str:
    with open(path, "rb") as f:
        return "sha384-" + base64.b64encode(hashlib.sha384(f.read()).digest()).decode("ascii")


def preloads_first(html: str) -> str:
    preloads = [(a, b) for a, b, attrs in tags(html, "link") if attrs.get("rel") in ("modulepreload", "preload")]
    csp = next((t for t in tags(html, "meta") if t[2].get("http-equiv") == "Content-Security-Policy"), None)
    if not preloads or not csp:
        print("post_build: no preloads or no CSP to put them after", file=sys.stderr)
        return html
    moved = "".join(html[a:b] for a, b in preloads)
    for a, b in reversed(preloads):
        html = html[:a] + html[b:].removeprefix("\n")
    at = csp[1]
    print(f"post_build: {len(preloads)} preload(s) moved ahead of the stylesheets")
    return html[:at] + moved + html[at:]


SW_TEMPLATE = """// Written by scripts/post_build.py for one build; do not edit.
// Every file of the build is cached at install, the page's lazily loaded chunks included,
// so every page works offline after one visit. Pages (navigations) go to the network first
// so a new deploy is picked up on the next reload, and fall back to the cached index.html
// offline. Other files come from the cache. A build's cache is kept while a tab still runs
// that build: its chunks, loaded later, must come from the same build.
const BUILD = "__VERSION__";
const CACHE = "twohats-" + BUILD;
const ASSETS = __ASSETS__;

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(ASSETS)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(self.clients.claim().then(dropUnusedCaches));
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  // `?fresh` asks the site itself (the app checks whether a new build was published).
  if (request.method !== "GET" || url.origin !== self.location.origin || url.searchParams.has("fresh")) return;
  if (request.mode === "navigate") {
    event.respondWith(navigate(request));
    event.waitUntil(dropUnusedCaches());
    return;
  }
  event.respondWith(fromCache(request).then((cached) => cached || fetch(request)));
});

async function navigate(request) {
  try {
    const response = await fetch(request);
    // Only the app's own page is kept: never an error page in its place.
    if (response.ok && response.type === "basic") {
      const copy = response.clone();
      caches.open(CACHE).then((cache) => cache.put("./", copy));
    }
    return response;
  } catch (offline) {
    const cache = await caches.open(CACHE);
    return (await cache.match("./", { ignoreSearch: true })) || (await cache.match("index.html")) || Response.error();
  }
}

// This build's copy first (unhashed files such as icons); hashed files from any build.
async function fromCache(request) {
  const own = await (await caches.open(CACHE)).match(request, { ignoreSearch: true });
  return own || caches.match(request, { ignoreSearch: true });
}

// Each open tab says which build it runs (index.html answers "build?"); the caches of
// builds no tab runs any more go. A tab that does not answer keeps every cache.
async function dropUnusedCaches() {
  const tabs = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
  const builds = await Promise.all(tabs.map(askBuild));
  if (builds.includes(null)) return;
  const keep = new Set(builds.map((b) => "twohats-" + b).concat([CACHE]));
  const keys = await caches.keys();
  await Promise.all(keys.filter((k) => k.startsWith("twohats-") && !keep.has(k)).map((k) => caches.delete(k)));
}

function askBuild(client) {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    const timer = setTimeout(() => resolve(null), 3000);
    channel.port1.onmessage = (e) => {
      clearTimeout(timer);
      resolve(typeof e.data === "string" ? e.data : null);
    };
    client.postMessage("build?", [channel.port2]);
  });
}
"""


def build_version(staging: str, html: str) -> str:
    """A digest of every file of the build (index.html as written before this hook
    names the build in it), so each build has its own cache and id."""
    digest = hashlib.sha256(html.encode())
    for rel in staged_files(staging):
        if rel == "index.html":
            continue
        with open(os.path.join(staging, rel), "rb") as f:
            digest.update(rel.encode() + b"\0" + f.read())
    return digest.hexdigest()[:16]


def staged_files(staging: str) -> list:
    files = []
    for root, _dirs, names in os.walk(staging):
        for name in names:
            rel = os.path.relpath(os.path.join(root, name), staging).replace(os.sep, "/")
            if rel != "sw.js" and not rel.startswith("."):
                files.append(rel)
    return sorted(files)


def write_service_worker(staging: str, version: str) -> None:
    files = staged_files(staging)
    assets = ["./"] + files
    sw = SW_TEMPLATE.replace("__VERSION__", version).replace("__ASSETS__", json.dumps(assets, indent=2))
    with open(os.path.join(staging, "sw.js"), "w", encoding="utf-8") as f:
        f.write(sw)
    print(f"post_build: sw.js caches {len(files)} files as twohats-{version}")


if __name__ == "__main__":
    sys.exit(main())
