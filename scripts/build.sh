#!/usr/bin/env bash
# Builds the release version into dist/: Trunk, with the wasm split into a main module and
# one chunk per page (scripts/split/wasm-bindgen stands in for wasm-bindgen; see
# docs/toolchain.md). Extra arguments go to `trunk build`.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
PATH="$PWD/scripts/split:$PATH" trunk build --release "$@"
