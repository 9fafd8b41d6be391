#!/usr/bin/env bash
# Makes sure Debian's Chromium is installed for the Playwright browser tests.
set -euo pipefail
CHROMIUM=${HOTLINE_CHROMIUM:-/usr/bin/chromium}
if [[ -x $CHROMIUM ]]; then
  exit 0
fi
if [[ $(id -u) -ne 0 ]]; then
  echo "Chromium is missing: install it with 'sudo apt-get install chromium' (browser tests need it)." >&2
  exit 1
fi
echo "Installing Debian's chromium for the browser tests..."
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium >/dev/null
