#!/usr/bin/env bash
# Makes sure Debian's Chromium is installed for the Playwright browser tests.
set -euo pipefail
exec bash "$(dirname "$0")/ensure_debian_package.sh" "${HOTLINE_CHROMIUM:-/usr/bin/chromium}" \
  chromium "the browser tests"
