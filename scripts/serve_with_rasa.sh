#!/usr/bin/env bash
# `make run`: serve the hotline with the Rasa server beside it, and stop Rasa when the bot stops.
#
# scripts/rasa_server.sh start installs Rasa once (when a Python 3.10 exists), trains the model for
# the current data if there is none, starts it on 127.0.0.1:5005 and prints the HOTLINE_NLU /
# HOTLINE_RASA_URL / HOTLINE_RASA_TOKEN the bot needs. Without Rasa it says why and the bot serves
# with its local NLU. HOTLINE_NLU=local skips Rasa altogether. Arguments go to `hotline serve`.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${BIN:-.venv/bin}"
export PYTHON="$BIN/python"

if [[ "${HOTLINE_NLU:-rasa}" == "local" ]]; then
    exec "$BIN/hotline" serve "$@"
fi
if ! exports="$(bash scripts/rasa_server.sh start)"; then
    echo "serve_with_rasa: Rasa did not start (see above); the bot answers with its local NLU" >&2
    exports="export HOTLINE_NLU=local"
fi
eval "$exports"
trap 'bash scripts/rasa_server.sh stop' EXIT
trap 'exit 130' INT TERM  # after `hotline serve` has shut down on the same Ctrl-C
"$BIN/hotline" serve "$@"
