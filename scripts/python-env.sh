#!/usr/bin/env bash
# The Python environment of the tests and of outletsim-network
# (.venv-tests): pinned requirements from PyPI and the network package,
# rebuilt when either changes.
set -euo pipefail
cd "$(dirname "$0")/.."

venv=.venv-tests
stamp="$venv/requirements.sha256"
wanted=$(cat Tests/python/requirements.txt python/outletsim_network/pyproject.toml | sha256sum | cut -d' ' -f1)
if [ ! -x "$venv/bin/pytest" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$wanted" ]; then
    rm -rf "$venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q -r Tests/python/requirements.txt
    "$venv/bin/pip" install -q --no-deps -e python/outletsim_network
    echo "$wanted" > "$stamp"
fi
