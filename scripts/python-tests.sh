#!/usr/bin/env bash
# The Python test suite: results files in pandas, the report in headless
# Chromium, fits of generated logs, and the network on a Dask LocalCluster. Installs Chromium (Debian) and a virtual environment (PyPI) when
# missing, then runs pytest against the release build of outletsim.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1; then
    as_root=()
    if [ "$(id -u)" -ne 0 ]; then as_root=(sudo); fi
    echo "python-tests: installing chromium and CJK fonts" >&2
    "${as_root[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
fi

scripts/python-env.sh
venv=.venv-tests
OUTLETSIM="$PWD/.build/release/outletsim" "$venv/bin/pytest" -q Tests/python
