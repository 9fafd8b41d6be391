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
ENV_DIR="${HOTLINE_MONGOECO_ENV:-${XDG_CACHE_HOME:-$HOME/.cache}/hotline1022/mongoeco-$MONGOECO_VERSION}"
MARKER="$ENV_DIR/.hotline-mongoeco-installed"

say() { printf 'mongoeco_env: %s\n' "$*" >&2; }

installed() { [[ -f "$MARKER" && "$(cat "$MARKER")" == "mongoeco==$MONGOECO_VERSION" ]]; }

is_py313() { [[ -x "$1" ]] && "$1" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 13))' 2>/dev/null; }

find_python313() {
    local candidate
    local -a candidates=()
    [[ -n "${HOTLINE_MONGOECO_PYTHON:-}" ]] && candidates+=("$HOTLINE_MONGOECO_PYTHON")
    # pyenv's own interpreters first: its shim refuses to run a version that is not selected.
    local root="${PYENV_ROOT:-$HOME/.pyenv}"
    command -v pyenv >/dev/null 2>&1 && root="$(pyenv root)"
    for candidate in "$root"/versions/3.13.*/bin/python3.13; do candidates+=("$candidate"); done
    candidate="$(command -v python3.13 2>/dev/null || true)"
    [[ -n "$candidate" ]] && candidates+=("$candidate")
    if command -v uv >/dev/null 2>&1; then
        candidate="$(uv python find 3.13 2>/dev/null || true)"
        [[ -n "$candidate" ]] && candidates+=("$candidate")
    fi
    for candidate in "${candidates[@]}"; do
        if is_py313 "$candidate"; then
            printf '%s\n' "$candidate"
            return 0
        fi
    done
    return 1
}

if [[ "${1:-}" == "--check" ]]; then
    installed && { printf '%s\n' "$ENV_DIR"; exit 0; }
    exit 1
fi

if installed; then
    printf '%s\n' "$ENV_DIR"
    exit 0
fi

PYTHON="$(find_python313)" || {
    say "no Python 3.13 found (pyenv, python3.13 on PATH, uv); install one or set" \
        "HOTLINE_MONGOECO_PYTHON, or point HOTLINE_TEST_MONGODB_URL at a real mongod"
    exit 3
}

mkdir -p "$(dirname "$ENV_DIR")"
# One installer at a time: two `make` runs on one machine share the same cache dir.
exec 9>"$ENV_DIR.lock"
flock 9
if installed; then
    printf '%s\n' "$ENV_DIR"
    exit 0
fi

say "installing mongoeco[wire]==$MONGOECO_VERSION with $PYTHON into $ENV_DIR (once)"
rm -rf "$ENV_DIR"
"$PYTHON" -m venv "$ENV_DIR"
export PIP_DISABLE_PIP_VERSION_CHECK=1
if ! "$ENV_DIR/bin/python" -m pip install --quiet --progress-bar off \
    "mongoeco[wire]==$MONGOECO_VERSION" 2>&1 | { grep -v "^WARNING: Location '" || true; } >&2; then
    say "pip install failed; nothing was marked installed, the next run retries"
    exit 2
fi
if ! "$ENV_DIR/bin/python" -c 'import mongoeco' >&2; then
    say "mongoeco was installed but does not import; see the error above"
    exit 2
fi
printf 'mongoeco==%s\n' "$MONGOECO_VERSION" >"$MARKER"
printf '%s\n' "$ENV_DIR"
