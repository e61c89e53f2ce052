#!/usr/bin/env bash
# Install what the calendar's cross-engine test (tests/calendar/test_engines.py) needs, on a bare Debian machine,
# as root: Node.js (Debian's `nodejs` and `npm` packages) and ical.js from npm, into .ci/icaljs/node_modules/ical.js/
# -- the place tests/calendar/engines.py looks (override with ICALJS_DIR=/path/to/node_modules/ical.js).
# .ci/icaljs/ ignores itself in git. Safe to run again: what is already there is kept. In CI (CI=true) the test
# fails rather than skips when node or ical.js is missing, so a broken install shows as a failure.
# See docs/calendar.md, "Checked against other engines".
set -euo pipefail
cd "$(dirname "$0")/.."

ICALJS_VERSION="${ICALJS_VERSION:-2.2.1}"
ICALJS_DIR=".ci/icaljs"
export DEBIAN_FRONTEND=noninteractive

packages=()
command -v node >/dev/null 2>&1 || packages+=(nodejs)
command -v npm >/dev/null 2>&1 || packages+=(npm)
if [ "${#packages[@]}" -gt 0 ]; then
  echo "setup-icaljs: installing ${packages[*]} with apt-get"
  for attempt in 1 2 3; do
    if apt-get update -qq; then break; fi
    [ "$attempt" = 3 ] && { echo "setup-icaljs: apt-get update failed" >&2; exit 1; }
    sleep 5
  done
  apt-get install -y -qq "${packages[@]}" >/dev/null
fi

mkdir -p "$ICALJS_DIR"
printf '*\n' > "$ICALJS_DIR/.gitignore"
installed=""
if [ -f "$ICALJS_DIR/node_modules/ical.js/package.json" ]; then
  installed="$(node -p "require('./$ICALJS_DIR/node_modules/ical.js/package.json').version" 2>/dev/null || true)"
fi
if [ "$installed" != "$ICALJS_VERSION" ]; then
  echo "setup-icaljs: installing ical.js@$ICALJS_VERSION from npm into $ICALJS_DIR"
  for attempt in 1 2 3; do
    if npm install --prefix "$ICALJS_DIR" --no-audit --no-fund --loglevel=error "ical.js@$ICALJS_VERSION"; then break; fi
    [ "$attempt" = 3 ] && { echo "setup-icaljs: npm install ical.js failed" >&2; exit 1; }
    sleep 5
  done
fi

test -f "$ICALJS_DIR/node_modules/ical.js/package.json" || { echo "setup-icaljs: ical.js missing" >&2; exit 1; }
echo "setup-icaljs: node $(node --version); ical.js $ICALJS_VERSION"
