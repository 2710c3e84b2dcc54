#!/usr/bin/env bash
# Every demo role's journey in headless Chromium, with axe-core's WCAG 2.1 A/AA checks on every
# page, 360 px and 1280 px, Korean and English; screenshots go to .build/browser-check/.
# Installs Debian's chromium and chromium-driver, Selenium and the axe-core script (from PyPI's
# axe-playwright-python, used only for its axe.min.js) when they are missing.
# Usage: scripts/browser-check.sh [path/to/teukgu] [screenshot folder]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
binary=$(readlink -f "${1:-$root/.build/debug/teukgu}")
out=${2:-$root/.build/browser-check}

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    echo "installing chromium and chromium-driver"
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -qq chromium chromium-driver >/dev/null ||
        { apt-get update -qq && apt-get install -y -qq chromium chromium-driver >/dev/null; }
fi
python3 -c 'import selenium' 2>/dev/null || python3 -m pip install -q selenium
python3 -c 'import importlib.util, sys; sys.exit(importlib.util.find_spec("axe_playwright_python") is None)' 2>/dev/null ||
    python3 -m pip install -q --no-deps axe-playwright-python
exec python3 "$root/scripts/browser-check.py" "$binary" "$out"
