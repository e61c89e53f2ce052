#!/usr/bin/env bash
# Install what the HTML accessibility test (tests/audit/test_html_accessibility.py) needs, on a bare Debian
# machine, as root:
#   - Debian's `chromium` package (run headless; no WebDriver is used, so no chromium-driver), and
#   - axe-core from npm, into .ci/axe/node_modules/axe-core/ -- the place tests/audit/browser.py looks
#     (override with AXE_CORE_JS=/path/to/axe.min.js). .ci/axe/ ignores itself in git.
# Safe to run again: what is already there is kept. In CI (CI=true) the test fails rather than skips when
# either is missing, so a broken install shows as a failure. See docs/audit.md, "Accessibility test".
set -euo pipefail
cd "$(dirname "$0")/.."

AXE_VERSION="${AXE_VERSION:-4.14.1}"
AXE_DIR=".ci/axe"
export DEBIAN_FRONTEND=noninteractive

packages=()
command -v chromium >/dev/null 2>&1 || packages+=(chromium)
command -v npm >/dev/null 2>&1 || packages+=(npm)
if [ "${#packages[@]}" -gt 0 ]; then
  echo "setup-browser: installing ${packages[*]} with apt-get"
  for attempt in 1 2 3; do
    if apt-get update -qq; then break; fi
    [ "$attempt" = 3 ] && { echo "setup-browser: apt-get update failed" >&2; exit 1; }
    sleep 5
  done
  apt-get install -y -qq "${packages[@]}" >/dev/null
fi

mkdir -p "$AXE_DIR"
printf '*\n' > "$AXE_DIR/.gitignore"
installed=""
if [ -f "$AXE_DIR/node_modules/axe-core/package.json" ]; then
  installed="$(node -p "require('./$AXE_DIR/node_modules/axe-core/package.json').version" 2>/dev/null || true)"
fi
if [ "$installed" != "$AXE_VERSION" ]; then
  echo "setup-browser: installing axe-core@$AXE_VERSION from npm into $AXE_DIR"
  for attempt in 1 2 3; do
    if npm install --prefix "$AXE_DIR" --no-audit --no-fund --loglevel=error "axe-core@$AXE_VERSION"; then break; fi
    [ "$attempt" = 3 ] && { echo "setup-browser: npm install axe-core failed" >&2; exit 1; }
    sleep 5
  done
fi

test -f "$AXE_DIR/node_modules/axe-core/axe.min.js" || { echo "setup-browser: axe.min.js missing" >&2; exit 1; }
# Chromium must start headless here (as root it needs --no-sandbox, as the test passes).
if ! timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --dump-dom about:blank \
    >/dev/null 2>&1; then
  echo "setup-browser: chromium does not start headless" >&2
  exit 1
fi
echo "setup-browser: $(chromium --version 2>/dev/null | head -n 1); axe-core $AXE_VERSION"
