#!/usr/bin/env bash
# Runs M/M/10 at rho 0.9 in OutletSim, SimPy and Ciw one after another, in
# this one invocation, and prints customers per second and the ratios.
#   Benchmarks/peers/compare.sh [--customers N] [--ciw-customers N]
# Ciw is run on fewer customers by default (it is the slowest); the ratios
# compare rates, which do not depend on the count once runs take seconds.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
customers=1000000
ciw_customers=100000
while [ $# -gt 0 ]; do
    case "$1" in
        --customers) customers=$2; shift 2 ;;
        --ciw-customers) ciw_customers=$2; shift 2 ;;
        *) echo "compare.sh: unknown option $1" >&2; exit 2 ;;
    esac
done

venv="$here/.venv-peers"
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q -r "$here/requirements.txt"
fi

(cd "$here/.." && swift build -c release --product mmc-throughput >&2)
ours=$("$here/../.build/release/mmc-throughput" --customers "$customers")
simpy=$("$venv/bin/python" "$here/mmc_simpy.py" --customers "$customers")
ciw=$("$venv/bin/python" "$here/mmc_ciw.py" --customers "$ciw_customers")

"$venv/bin/python" - "$ours" "$simpy" "$ciw" <<'PY'
import json, sys
runs = [json.loads(line) for line in sys.argv[1:]]
ours = runs[0]["customers_per_second"]
print(f"{'engine':<10} {'customers':>10} {'seconds':>9} {'customers/s':>13} {'mean wait':>10} {'ours / it':>10}")
for run in runs:
    rate = run["customers_per_second"]
    print(f"{run['engine']:<10} {run['customers']:>10} {run['seconds']:>9.2f} {rate:>13,.0f} "
          f"{run['mean_wait']:>10.3f} {ours / rate:>9.1f}x")
print("M/M/10, rho 0.9, exponential 5-minute services; Erlang C mean wait 3.34 minutes.")
PY
