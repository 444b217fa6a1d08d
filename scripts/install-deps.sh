#!/usr/bin/env bash
# Installs what OutletSim needs beyond Swift: GSL (random distributions),
# GLPK (the shift-covering integer programs) and pkg-config, as Debian
# packages. Does nothing when they are already there.
set -euo pipefail

if ! command -v swift >/dev/null 2>&1; then
    echo "install-deps: Swift 6 is required and was not found on PATH (https://swift.org/install)." >&2
    exit 1
fi
if command -v pkg-config >/dev/null 2>&1 && pkg-config --exists gsl && [ -f /usr/include/glpk.h ]; then
    exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "install-deps: GSL or GLPK was not found and this is not a Debian-like system; install the GSL and GLPK development files and pkg-config." >&2
    exit 1
fi
as_root=()
if [ "$(id -u)" -ne 0 ]; then as_root=(sudo); fi
echo "install-deps: installing libgsl-dev, libglpk-dev and pkg-config" >&2
"${as_root[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq libgsl-dev libglpk-dev pkg-config >/dev/null
