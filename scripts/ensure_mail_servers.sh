#!/usr/bin/env bash
# Makes sure Debian's Dovecot IMAP server is installed for the e-mail channel's tests.
# The tests start their own unprivileged instance; the system service is not used.
set -euo pipefail
exec bash "$(dirname "$0")/ensure_debian_package.sh" /usr/sbin/dovecot dovecot-imapd \
  "the e-mail tests"
