#!/usr/bin/env bash
# Create (once) the Python 3.13 environment that runs mongoeco's MongoDB-wire-protocol server and
# print its path. The tests start that server as a stand-in for mongod when no real one is given
# (HOTLINE_TEST_MONGODB_URL); mongoeco needs Python 3.13, our code runs on 3.11, hence its own venv
# outside the checkout, keyed by the mongoeco version. A marker is written only after it imports.
#
#   scripts/mongoeco_env.sh            create if missing, print the env path (stdout) and exit 0
#   scripts/mongoeco_env.sh --check    print the env path if it is installed, else exit 1
#
# Exit codes: 0 ready, 1 not installed (--check), 2 install failed, 3 no Python 3.13 found.
# Overrides: HOTLINE_MONGOECO_ENV (env dir), HOTLINE_MONGOECO_PYTHON (interpreter to build it with).
set -euo pipefail

MONGOECO_VERSION="4.11.0"
VENV_TOOL="mongoeco_env"
VENV_DIR="${HOTLINE_MONGOECO_ENV:-${XDG_CACHE_HOME:-$HOME/.cache}/hotline1022/mongoeco-$MONGOECO_VERSION}"
VENV_PACKAGE="mongoeco==$MONGOECO_VERSION"
VENV_REQUIRE="mongoeco[wire]==$MONGOECO_VERSION"
VENV_PYTHON="3.13"
VENV_PYTHON_SET="${HOTLINE_MONGOECO_PYTHON:-}"
VENV_NOTE="once"

proves_it_works() { "$1/bin/python" -c 'import mongoeco'; }

no_python() {
    say "no Python 3.13 found (pyenv, python3.13 on PATH, uv); install one or set" \
        "HOTLINE_MONGOECO_PYTHON, or point HOTLINE_TEST_MONGODB_URL at a real mongod"
    exit 3
}

# shellcheck source=scripts/cached_venv.sh
source "$(dirname "${BASH_SOURCE[0]}")/cached_venv.sh"
cached_venv "$@"
