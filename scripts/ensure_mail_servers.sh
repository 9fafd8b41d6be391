#!/usr/bin/env bash
# Makes sure Debian's Dovecot IMAP server is installed for the e-mail channel's tests.
# The tests start their own unprivileged instance; the system service is not used.
set -euo pipefail
if [[ -x /usr/sbin/dovecot ]]; then
  exit 0
fi
if [[ $(id -u) -ne 0 ]]; then
  echo "Dovecot is missing: install it with 'sudo apt-get install dovecot-imapd' (e-mail tests need it)." >&2
  exit 1
fi
echo "Installing Debian's dovecot-imapd for the e-mail tests..."
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq dovecot-imapd >/dev/null
