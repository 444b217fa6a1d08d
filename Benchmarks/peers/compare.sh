#!/usr/bin/env bash
# Runs M/M/10 at rho 0.9 in OutletSim, hand-written C on the same GSL
# generators (taus2 and mt19937), SimPy and Ciw, in this one invocation, and
# prints customers per second and the ratios. OutletSim and C are
# interleaved over ROUNDS rounds (default 5) and compared by their medians.
#   Benchmarks/peers/compare.sh [--customers N] [--simpy-customers N] [--ciw-customers N]
# OutletSim and C run 5 million customers by default: a run of half a second,
# long enough that the VM's noise does not swing the ratio (1 million runs of
# 0.1 s gave 0.86-0.92 within the hour). SimPy and Ciw run fewer (they are
# 80-150 times slower); the ratios compare rates, which do not depend on the
# count once runs take seconds.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
customers=5000000
simpy_customers=1000000
ciw_customers=100000
while [ $# -gt 0 ]; do
    case "$1" in
        --customers) customers=$2; shift 2 ;;
        --simpy-customers) simpy_customers=$2; shift 2 ;;
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
# The hand-written C baseline on the same GSL generators (issue 30's yardstick).
mkdir -p "$here/.build"
cc -O2 -o "$here/.build/mmc_c" "$here/mmc_c.c" -lgsl -lgslcblas -lm

# OutletSim and the C baseline interleaved, one replication each per round,
# so that the machine's drift falls on all of them alike; medians of the rounds.
rounds=${ROUNDS:-5}
runs=$(mktemp)
trap 'rm -f "$runs"' EXIT
for _ in $(seq "$rounds"); do
    "$here/../.build/release/mmc-throughput" --customers "$customers" --repeat 1 >> "$runs"
    "$here/.build/mmc_c" --customers "$customers" --repeat 1 --rng taus2 >> "$runs"
    "$here/.build/mmc_c" --customers "$customers" --repeat 1 --rng mt19937 >> "$runs"
done
"$venv/bin/python" "$here/mmc_simpy.py" --customers "$simpy_customers" >> "$runs"
"$venv/bin/python" "$here/mmc_ciw.py" --customers "$ciw_customers" >> "$runs"

"$venv/bin/python" - "$runs" "$rounds" <<'PY'
import json, statistics, sys
runs = [json.loads(line) for line in open(sys.argv[1])]
engines = list(dict.fromkeys(run["engine"] for run in runs))
median = {e: statistics.median(r["customers_per_second"] for r in runs if r["engine"] == e) for e in engines}
ours = median["outletsim"]
print(f"{'engine':<18} {'runs':>4} {'customers':>10} {'customers/s (median)':>21} {'mean wait':>10} {'ours / it':>10}")
for engine in engines:
    mine = [r for r in runs if r["engine"] == engine]
    print(f"{engine:<18} {len(mine):>4} {mine[0]['customers']:>10} {median[engine]:>21,.0f} "
          f"{statistics.mean(r['mean_wait'] for r in mine):>10.3f} {ours / median[engine]:>9.2f}x")
print(f"M/M/10, rho 0.9, exponential 5-minute services; Erlang C mean wait 3.34 minutes. "
      f"OutletSim and C interleaved over {sys.argv[2]} rounds.")
PY
