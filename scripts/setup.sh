#!/usr/bin/env bash
# Installs what building (and, with --test, testing) Two Hats needs, skipping anything
# already present at the right version. Safe to run again; a warm machine takes seconds.
# Versions and why: docs/toolchain.md.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

TRUNK_VERSION=0.21.14
BINARYEN_VERSION=123.0.0
# The splitter must read what the wasm_split_helpers in Cargo.lock writes: same minor version.
WASM_SPLIT_VERSION=0.2.4
# Minifies the JS glue and the chunk loader of the split build (scripts/split/wasm-bindgen).
ESBUILD_VERSION=0.25.12
# wasm-bindgen-cli must match the wasm-bindgen the app links exactly.
WBG_VERSION=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)

export PATH="$HOME/.cargo/bin:$ROOT/.tools/node_modules/.bin:$PATH"

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32 target"
  rustup target add wasm32-unknown-unknown
fi

if ! trunk --version 2>/dev/null | grep -q "$TRUNK_VERSION"; then
  say "installing trunk $TRUNK_VERSION (about 8 minutes on 2 cores)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q "$WBG_VERSION"; then
  say "installing wasm-bindgen-cli $WBG_VERSION (about 5 minutes)"
  # Not --locked: its lockfile names a crate version missing from the registry mirror.
  cargo install wasm-bindgen-cli --version "$WBG_VERSION"
fi

# The binary has no --version: cargo's list of installed crates says which one it is.
if ! command -v wasm-split-cli >/dev/null || ! cargo install --list | grep -q "^wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  say "installing wasm-split-cli $WASM_SPLIT_VERSION (splits the release wasm per page; about 3 minutes)"
  cargo install --locked wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary
fi

# One npm install for both: an install into .tools/ drops what it does not name.
if ! wasm-opt --version 2>/dev/null | grep -q "version_${BINARYEN_VERSION%%.*}" \
  || ! esbuild --version 2>/dev/null | grep -qx "$ESBUILD_VERSION"; then
  say "installing binaryen $BINARYEN_VERSION (wasm-opt) and esbuild $ESBUILD_VERSION (minifies the JS) from npm"
  npm install --prefix "$ROOT/.tools" --no-audit --no-fund --no-save --loglevel=error \
    "binaryen@$BINARYEN_VERSION" "esbuild@$ESBUILD_VERSION" >/dev/null
fi


if [ "${1:-}" = "--test" ]; then
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    say "installing Chromium and ChromeDriver from Debian"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
  # The print journeys read their PDFs back as text (e2e/specs/print.spec.ts).
  if ! command -v pdftotext >/dev/null; then
    say "installing pdftotext (poppler-utils) from Debian"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils >/dev/null
  fi
  if [ ! -d e2e/node_modules/@playwright/test ] || [ ! -d e2e/node_modules/@linear/import ] \
    || [ e2e/package-lock.json -nt e2e/node_modules/.package-lock.json ]; then
    say "installing the Playwright test runner (no browser download: Debian's Chromium is used) and Linear's importer"
    (cd e2e && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund >/dev/null)
  fi
fi
say "tools ready: $(trunk --version), wasm-bindgen $WBG_VERSION, wasm-split-cli $WASM_SPLIT_VERSION, esbuild $(esbuild --version), $(wasm-opt --version | head -c 40)"
