#!/usr/bin/env bash
# Builds the release version of Two Hats and serves it the way a static host would, under
# the sub-path /twohats/, at http://127.0.0.1:${PORT:-8080}/twohats/
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
./scripts/build.sh
PORT=${PORT:-8080}
SITE=$(mktemp -d)
trap 'rm -rf "$SITE"' EXIT
ln -s "$PWD/dist" "$SITE/twohats"
echo "Two Hats is at http://127.0.0.1:$PORT/twohats/  (Ctrl+C to stop)"
python3 -m http.server "$PORT" --bind 127.0.0.1 --directory "$SITE"
