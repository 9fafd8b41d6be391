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
ENV_DIR="${HOTLINE_RASA_ENV:-${XDG_CACHE_HOME:-$HOME/.cache}/hotline1022/rasa-$RASA_VERSION}"
MARKER="$ENV_DIR/.hotline-rasa-installed"

say() { printf 'rasa_env: %s\n' "$*" >&2; }

installed() { [[ -f "$MARKER" && "$(cat "$MARKER")" == "rasa==$RASA_VERSION" ]]; }

is_py310() { [[ -x "$1" ]] && "$1" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 10))' 2>/dev/null; }

find_python310() {
    local candidate
    local -a candidates=()
    [[ -n "${HOTLINE_RASA_PYTHON:-}" ]] && candidates+=("$HOTLINE_RASA_PYTHON")
    # pyenv's own interpreters first: its shim refuses to run a version that is not selected.
    local root="${PYENV_ROOT:-$HOME/.pyenv}"
    command -v pyenv >/dev/null 2>&1 && root="$(pyenv root)"
    for candidate in "$root"/versions/3.10.*/bin/python3.10; do candidates+=("$candidate"); done
    candidate="$(command -v python3.10 2>/dev/null || true)"
    [[ -n "$candidate" ]] && candidates+=("$candidate")
    if command -v uv >/dev/null 2>&1; then
        candidate="$(uv python find 3.10 2>/dev/null || true)"
        [[ -n "$candidate" ]] && candidates+=("$candidate")
    fi
    for candidate in "${candidates[@]}"; do
        if is_py310 "$candidate"; then
            printf '%s\n' "$candidate"
            return 0
        fi
    done
    return 1
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

if [[ "${1:-}" == "--check" ]]; then
    installed && { printf '%s\n' "$ENV_DIR"; exit 0; }
    exit 1
fi

if installed; then
    printf '%s\n' "$ENV_DIR"
    exit 0
fi

PYTHON="$(find_python310)" || no_python

mkdir -p "$(dirname "$ENV_DIR")"
# One installer at a time: two `make` runs on one machine share the same cache dir.
exec 9>"$ENV_DIR.lock"
flock 9
if installed; then
    printf '%s\n' "$ENV_DIR"
    exit 0
fi

say "installing rasa==$RASA_VERSION with $PYTHON into $ENV_DIR (once; a few minutes, ~2.7 GB)"
started=$SECONDS
rm -rf "$ENV_DIR"
"$PYTHON" -m venv "$ENV_DIR"
export PIP_DISABLE_PIP_VERSION_CHECK=1
# (grep drops pip's notes about local index folders that this machine's pip.conf may list)
if ! "$ENV_DIR/bin/python" -m pip install --quiet --progress-bar off "rasa==$RASA_VERSION" 2>&1 \
    | { grep -v "^WARNING: Location '" || true; } >&2; then  # pipefail: pip's status counts
    say "pip install rasa==$RASA_VERSION failed; nothing was marked installed, the next run retries"
    exit 2
fi
# Prove it imports and runs offline before calling it installed.
if ! RASA_TELEMETRY_ENABLED=false "$ENV_DIR/bin/python" -c \
    'import rasa, rasa.nlu.classifiers.diet_classifier, rasa.nlu.selectors.response_selector; print(rasa.__version__)' >&2; then
    say "rasa was installed but does not import; see the error above"
    exit 2
fi
printf 'rasa==%s\n' "$RASA_VERSION" >"$MARKER"
say "rasa==$RASA_VERSION ready in $((SECONDS - started)) s"
printf '%s\n' "$ENV_DIR"
