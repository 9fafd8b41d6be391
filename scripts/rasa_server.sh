#!/usr/bin/env bash
# Start, stop or query the local Rasa server that `make run` runs next to the bot.
#
#   eval "$(scripts/rasa_server.sh start)"   # installs Rasa once, trains if no model, starts it,
#                                            # prints `export HOTLINE_NLU=... HOTLINE_RASA_URL=...`
#   scripts/rasa_server.sh status            # the server's /status as JSON; exit 1 if not running
#   scripts/rasa_server.sh stop              # stops the server `start` began (pid in var/rasa/)
#
# Without a Python 3.10 for Rasa, `start` says why and how to get Rasa on stderr and prints
# `export HOTLINE_NLU=local`, so the bot still serves. Options: --port P (5005), --model FILE.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-.venv/bin/python}"
exec "$PYTHON" -m hotline.cli.rasa_server "$@"
