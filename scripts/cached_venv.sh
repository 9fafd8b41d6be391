# A virtualenv made once and kept outside the checkout (~/.cache/hotline1022/<name>-<version>),
# shared by every clone and CI run on this machine. Sourced by rasa_env.sh and mongoeco_env.sh,
# which set these and then call `cached_venv "$@"`:
#
#   VENV_TOOL       name in messages (rasa_env)
#   VENV_DIR        the env's directory, keyed by the package version
#   VENV_PACKAGE    what the marker records once it works (rasa==3.6.21)
#   VENV_REQUIRE    what pip installs (mongoeco[wire]==4.11.0)
#   VENV_PYTHON     the interpreter version it needs (3.10), found by find_python
#   VENV_PYTHON_SET an interpreter the user named (HOTLINE_RASA_PYTHON), tried first
#   VENV_NOTE       said with "installing", e.g. how long it takes
#
# and define two functions: `proves_it_works DIR` (exits 0 when the installed package imports and
# runs) and `no_python` (says where to get the interpreter, then `exit 3`).
#
# `cached_venv` prints the env path and exits 0 when it is ready (installing it if missing);
# with --check it never installs and exits 1 when it is missing. Exit 2: the install failed
# (nothing is marked, the next run retries); 3: no interpreter of the right version.

say() { printf '%s: %s\n' "$VENV_TOOL" "$*" >&2; }

venv_marker() { printf '%s/.hotline-%s-installed' "$VENV_DIR" "${VENV_PACKAGE%%==*}"; }

venv_installed() { [[ -f "$(venv_marker)" && "$(cat "$(venv_marker)")" == "$VENV_PACKAGE" ]]; }

is_python() {
    [[ -x "$1" ]] && "$1" -c "import sys; sys.exit(sys.version_info[:2] != (${VENV_PYTHON/./, }))" \
        2>/dev/null
}

find_python() {
    local candidate
    local -a candidates=()
    [[ -n "${VENV_PYTHON_SET:-}" ]] && candidates+=("$VENV_PYTHON_SET")
    # pyenv's own interpreters first: its shim refuses to run a version that is not selected.
    local root="${PYENV_ROOT:-$HOME/.pyenv}"
    command -v pyenv >/dev/null 2>&1 && root="$(pyenv root)"
    for candidate in "$root"/versions/"$VENV_PYTHON".*/bin/python"$VENV_PYTHON"; do
        candidates+=("$candidate")
    done
    candidate="$(command -v "python$VENV_PYTHON" 2>/dev/null || true)"
    [[ -n "$candidate" ]] && candidates+=("$candidate")
    if command -v uv >/dev/null 2>&1; then
        candidate="$(uv python find "$VENV_PYTHON" 2>/dev/null || true)"
        [[ -n "$candidate" ]] && candidates+=("$candidate")
    fi
    for candidate in "${candidates[@]}"; do
        if is_python "$candidate"; then
            printf '%s\n' "$candidate"
            return 0
        fi
    done
    return 1
}

cached_venv() {
    if [[ "${1:-}" == "--check" ]]; then
        venv_installed && { printf '%s\n' "$VENV_DIR"; exit 0; }
        exit 1
    fi
    if venv_installed; then
        printf '%s\n' "$VENV_DIR"
        exit 0
    fi

    local python
    python="$(find_python)" || no_python

    mkdir -p "$(dirname "$VENV_DIR")"
    # One installer at a time: two `make` runs on one machine share the same cache dir.
    exec 9>"$VENV_DIR.lock"
    flock 9
    if venv_installed; then
        printf '%s\n' "$VENV_DIR"
        exit 0
    fi

    say "installing $VENV_REQUIRE with $python into $VENV_DIR ($VENV_NOTE)"
    local started=$SECONDS
    rm -rf "$VENV_DIR"
    "$python" -m venv "$VENV_DIR"
    export PIP_DISABLE_PIP_VERSION_CHECK=1
    # (grep drops pip's notes about local index folders that this machine's pip.conf may list)
    if ! "$VENV_DIR/bin/python" -m pip install --quiet --progress-bar off "$VENV_REQUIRE" 2>&1 \
        | { grep -v "^WARNING: Location '" || true; } >&2; then  # pipefail: pip's status counts
        say "pip install $VENV_REQUIRE failed; nothing was marked installed, the next run retries"
        exit 2
    fi
    # Prove it imports and runs offline before calling it installed.
    if ! proves_it_works "$VENV_DIR" >&2; then
        say "$VENV_PACKAGE was installed but does not work; see the error above"
        exit 2
    fi
    printf '%s\n' "$VENV_PACKAGE" >"$(venv_marker)"
    say "$VENV_PACKAGE ready in $((SECONDS - started)) s"
    printf '%s\n' "$VENV_DIR"
}
