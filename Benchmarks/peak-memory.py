#!/usr/bin/env python3
"""Peak resident memory of `outletsim run`, `compare` and `optimize` as the days grow.

Usage: peak-memory.py OUTLETSIM SCENARIO

Each command's own peak RSS comes from wait4() on its process. Memory may
rise while the first days fill the bounded reorder window (at most
max(64, 32 x jobs) days in flight), and must then stay flat: the largest
run may use at most 1.2 times the memory of the middle one, or the script
exits 1.
"""
import os
import subprocess
import sys
import tempfile
import time


def peak(command):
    """Runs `command`; returns its peak RSS (MB) and wall time (s)."""
    start = time.monotonic()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.monotonic() - start
    # optimize exits 1 when no plan meets every target within its few evaluations.
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        sys.exit(f"failed: {' '.join(command)}")
    return usage.ru_maxrss / 1024, seconds


def main():
    outletsim, scenario = sys.argv[1], sys.argv[2]
    failed = False
    with tempfile.TemporaryDirectory() as folder:
        families = [
            ("run", [10, 1_000, 100_000], lambda days: [outletsim, "run", scenario, "--replications", str(days), "--jobs", "2",
                                                        "--quiet", "--force", "--out", f"{folder}/run"]),
            ("compare", [10, 1_000, 10_000], lambda days: [outletsim, "compare", scenario, scenario, "--replications", str(days),
                                                           "--jobs", "2", "--quiet", "--force", "--out", f"{folder}/compare"]),
            ("optimize", [20, 200, 1_000], lambda days: [outletsim, "optimize", scenario, "--search-days", str(days),
                                                         "--validation-days", str(days), "--max-evaluations", "60", "--jobs", "2",
                                                         "--quiet", "--force", "--out", f"{folder}/optimize"]),
        ]
        for name, days_list, make in families:
            figures = []
            for days in days_list:
                rss, seconds = peak(make(days))
                figures.append(rss)
                print(f"{name:8} {days:>7} days, --jobs 2: peak RSS {rss:6.1f} MB, {seconds:6.1f} s")
            if figures[-1] > 1.2 * figures[1]:
                print(f"{name}: memory grows with the days ({figures[1]:.0f} MB to {figures[-1]:.0f} MB)")
                failed = True
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
