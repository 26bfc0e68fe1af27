#!/usr/bin/env bash
# Renders a report in headless Chromium and writes a screenshot beside it.
#   scripts/check-report.sh                 the bundled sample's report, in build/report-check/
#   scripts/check-report.sh OUT_DIR         the same, in OUT_DIR
#   scripts/check-report.sh REPORT.html     an existing report
# Fails (status 1) when the page logs any console message: a JavaScript error,
# or a load its Content-Security-Policy blocked (the report must need none).
# Needs Debian's chromium package (apt-get install chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
TARGET=${1:-build/report-check}
BROWSER=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -z "$BROWSER" ]; then
  echo "check-report: chromium is not installed: apt-get install chromium" >&2
  exit 2
fi
if [[ "$TARGET" == *.html ]]; then
  PAGE=$TARGET
else
  "$PYTHON" -m ringleader report examples/sample/edges.csv --nodes examples/sample/nodes.csv --directed \
    --seed 1 -o "$TARGET" --no-progress >/dev/null
  PAGE=$TARGET/report.html
fi
DIR=$(dirname "$PAGE")
PROFILE=$(mktemp -d)
trap 'rm -rf "$PROFILE"' EXIT
# as root Chromium needs --no-sandbox; no GPU, no background network traffic
FLAGS=(--headless --no-sandbox --disable-gpu --disable-background-networking --no-first-run --disable-extensions
       --disable-sync --disable-component-update --hide-scrollbars --enable-logging=stderr --v=0
       --user-data-dir="$PROFILE")
URL="file://$(realpath "$PAGE")"
"$BROWSER" "${FLAGS[@]}" --window-size=1280,6000 --screenshot="$DIR/screenshot.png" "$URL" \
  >/dev/null 2>"$DIR/chromium.log"
if grep ':CONSOLE' "$DIR/chromium.log"; then
  echo "check-report: $PAGE logged console messages (above)" >&2
  exit 1
fi
echo "check-report: $PAGE renders without console messages; screenshot: $DIR/screenshot.png"
