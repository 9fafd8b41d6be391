#!/usr/bin/env bash
# Create (once) the Python 3.10 environment that Rasa 3.6 needs and print its path.
#
# Rasa Open Source 3.6 runs only on Python 3.8-3.10 and pins its own old libraries, so it lives in
# its own virtualenv outside the checkout, keyed by the Rasa version, shared by every clone and CI
# run on this machine. The install is idempotent: a marker is written only after it succeeded.
#
#   scripts/rasa_env.sh            create if missing, print the env path (stdout) and exit 0
#   scripts/rasa_env.sh --check    print the env path if it is installed, else exit 1 (no install)
#
# Exit codes: 0 ready, 1 not installed (--check), 2 install failed, 3 no Python 3.10 found.
# Overrides: HOTLINE_RASA_ENV (env dir), HOTLINE_RASA_PYTHON (interpreter to build it with).
set -euo pipefail

RASA_VERSION="3.6.21"
VENV_TOOL="rasa_env"
VENV_DIR="${HOTLINE_RASA_ENV:-${XDG_CACHE_HOME:-$HOME/.cache}/hotline1022/rasa-$RASA_VERSION}"
VENV_PACKAGE="rasa==$RASA_VERSION"
VENV_REQUIRE="rasa==$RASA_VERSION"
VENV_PYTHON="3.10"
VENV_PYTHON_SET="${HOTLINE_RASA_PYTHON:-}"
VENV_NOTE="once; a few minutes, ~2.7 GB"

proves_it_works() {
    RASA_TELEMETRY_ENABLED=false "$1/bin/python" -c \
        'import rasa, rasa.nlu.classifiers.diet_classifier, rasa.nlu.selectors.response_selector; print(rasa.__version__)'
}

no_python() {
    cat >&2 <<EOF
rasa_env: no Python 3.10 interpreter found (looked at \$HOTLINE_RASA_PYTHON, pyenv, python3.10 on
PATH and 'uv python find 3.10'). Rasa Open Source $RASA_VERSION runs only on Python 3.8-3.10, so the
bot will answer with its local NLU. To get Rasa:
  - install Python 3.10 (e.g. 'pyenv install 3.10', 'uv python install 3.10', or your distribution's
    python3.10 package) and run 'make run' again, or set HOTLINE_RASA_PYTHON=/path/to/python3.10;
  - in production, run the official image 'rasa/rasa:$RASA_VERSION' (rasa run --enable-api
    --auth-token TOKEN) with a model from 'hotline nlu train', and point the bot at it with
    HOTLINE_NLU=rasa and HOTLINE_RASA_URL=http://rasa:5005.
EOF
    exit 3
}

# shellcheck source=scripts/cached_venv.sh
source "$(dirname "${BASH_SOURCE[0]}")/cached_venv.sh"
cached_venv "$@"
