#!/usr/bin/env bash
# Makes sure a Debian package the tests need is installed (as root: installs it; else says how).
#
#   scripts/ensure_debian_package.sh BINARY PACKAGE "WHAT NEEDS IT"
#
# Exit codes: 0 the binary is there (or was just installed), 1 it is missing and we are not root.
set -euo pipefail
binary=$1 package=$2 needed_by=$3
if [[ -x $binary ]]; then
  exit 0
fi
if [[ $(id -u) -ne 0 ]]; then
  echo "$package is missing: install it with 'sudo apt-get install $package' ($needed_by need it)." >&2
  exit 1
fi
echo "Installing Debian's $package for $needed_by..."
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq "$package" >/dev/null
