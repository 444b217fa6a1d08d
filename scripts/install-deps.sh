#!/usr/bin/env bash
# Installs what OutletSim needs beyond Swift: GSL and pkg-config (Debian
# packages). Does nothing when they are already there.
set -euo pipefail

if ! command -v swift >/dev/null 2>&1; then
    echo "install-deps: Swift 6 is required and was not found on PATH (https://swift.org/install)." >&2
    exit 1
fi
if command -v pkg-config >/dev/null 2>&1 && pkg-config --exists gsl; then
    exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "install-deps: GSL was not found and this is not a Debian-like system; install the GSL development files and pkg-config." >&2
    exit 1
fi
as_root=()
if [ "$(id -u)" -ne 0 ]; then as_root=(sudo); fi
echo "install-deps: installing libgsl-dev and pkg-config" >&2
"${as_root[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq libgsl-dev pkg-config >/dev/null
