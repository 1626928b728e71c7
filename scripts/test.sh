#!/usr/bin/env bash
# Runs every test tier, installing whatever is missing first:
#   1. native `cargo test` (model, storage format, routes) and clippy;
#   2. wasm-bindgen-test in headless Chromium (components and storage);
#   3. the release build, its size budget, Linear's own importer reading the Linear and
#      Jira CSV profiles, and Playwright journeys against the build served by a plain
#      static server under a sub-path.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh --test

step() { printf '\n\033[1;34m==> %s\033[0m\n' "$*"; }

step "format"
cargo fmt --check

step "function length (none over 120 lines in src/)"
python3 scripts/fn_length.py

step "native tests"
cargo test --quiet

step "clippy (native and wasm)"
cargo clippy --quiet --all-targets -- -D warnings
cargo clippy --quiet --target wasm32-unknown-unknown --all-targets -- -D warnings

step "browser tests (wasm-bindgen-test, headless Chromium)"
CHROMEDRIVER=$(command -v chromedriver) cargo test --target wasm32-unknown-unknown --test web

step "release build"
./scripts/build.sh

step "download size budget"
python3 scripts/size.py --check

step "CSV profiles read by Linear's importer (@linear/import, offline: e2e/interop)"
(cd e2e && npm run --silent check:importers)

step "Playwright journeys (release build under /twohats/)"
(cd e2e && npx playwright test)
