#!/usr/bin/env python3
"""The weekday branch against an earlier commit (issue 30's "2x today's
rate"): both builds side by side on this machine, run interleaved.

    Benchmarks/speedup.py [--base b4b134d] [--rounds 9]

The base commit is cloned from this repository into
Benchmarks/.build/base-<commit>/ and built there (`outletsim` and
`outlet-throughput`, release); the clone is kept, so later runs start at
once. This tree's two programs are built as `make` builds them. Then each
round runs every measure once with each build, one after the other:

- the engine alone: `outlet-throughput` on the weekday branch, 1,000 days
  on one core, customers per second;
- a full run of 1,000 replications, every statistic, file and the report,
  on one thread (`--jobs 1`) and on every core;
- the default run (30 replications, every core).

Printed per measure: each build's median and best, the ratio of the
medians and the ratio of the bests (the fastest run of each, the one the
machine's other load disturbed least). On a shared machine single runs
swing by a third; both builds meet the same swings, so compare ratios.
"""
import argparse
import json
import pathlib
import statistics
import subprocess
import sys
import tempfile
import time

REPOSITORY = pathlib.Path(__file__).resolve().parents[1]
SCENARIO = REPOSITORY / "scenarios" / "bank-branch-weekday.yaml"


def build(root: pathlib.Path) -> dict:
    """Builds `outletsim` and `outlet-throughput` under `root`; returns their paths."""
    subprocess.run(["swift", "build", "-c", "release", "--product", "outletsim"], cwd=root, check=True,
                   stdout=subprocess.DEVNULL)
    subprocess.run(["swift", "build", "-c", "release", "--product", "outlet-throughput"], cwd=root / "Benchmarks",
                   check=True, stdout=subprocess.DEVNULL)
    return {"outletsim": root / ".build" / "release" / "outletsim",
            "engine": root / "Benchmarks" / ".build" / "release" / "outlet-throughput"}


def base_tree(base: str) -> pathlib.Path:
    """A clone of this repository at `base`, made once under Benchmarks/.build."""
    found = subprocess.run(["git", "rev-parse", "--verify", "--quiet", f"{base}^{{commit}}"], cwd=REPOSITORY,
                           capture_output=True, text=True)
    if found.returncode != 0:
        print(f"speedup.py: --base: found '{base}'; allowed: a commit of this repository", file=sys.stderr)
        sys.exit(2)
    commit = found.stdout.strip()
    tree = REPOSITORY / "Benchmarks" / ".build" / f"base-{commit[:12]}"
    if not (tree / ".git").exists():
        tree.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(["git", "clone", "--quiet", "--no-checkout", str(REPOSITORY), str(tree)], check=True)
    # Checked out unless an earlier run got that far: a clone cut short before it has no files.
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=tree, capture_output=True, text=True).stdout.strip()
    if head != commit or not (tree / "Package.swift").exists():
        subprocess.run(["git", "checkout", "--quiet", "--force", commit], cwd=tree, check=True)
    return tree


def engine_rate(binary: pathlib.Path) -> float:
    """Customers per second of 1,000 weekday days on one core."""
    out = subprocess.run([str(binary), str(SCENARIO), "--days", "1000", "--repeat", "1"], check=True,
                         capture_output=True, text=True).stdout
    return float(json.loads(out)["best_customers_per_second"])


def run_seconds(binary: pathlib.Path, folder: str, replications: int, jobs: int | None) -> float:
    """Wall-clock seconds of `outletsim run` on the weekday branch."""
    command = [str(binary), "run", str(SCENARIO), "--replications", str(replications), "--quiet", "--force",
               "--out", folder]
    if jobs is not None:
        command += ["--jobs", str(jobs)]
    start = time.monotonic()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return time.monotonic() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", default="b4b134d", help="the commit to compare with (default b4b134d, where issue 30 began)")
    parser.add_argument("--rounds", type=int, default=9, help="rounds, each running every measure once per build (default 9)")
    options = parser.parse_args()
    if not 1 <= options.rounds <= 1000:
        print(f"speedup.py: --rounds must be from 1 to 1000, found {options.rounds}", file=sys.stderr)
        return 2

    tree = base_tree(options.base)
    print(f"building {options.base} in {tree.relative_to(REPOSITORY)} (once) and this tree ...", flush=True)
    builds = {"base": build(tree), "now": build(REPOSITORY)}
    # (name, unit, higher is better, how to measure one run of a build)
    measures = [
        ("engine alone, 1,000 days", "customers/s", True, lambda b, f: engine_rate(b["engine"])),
        ("run, 1,000 replications, --jobs 1", "s", False, lambda b, f: run_seconds(b["outletsim"], f, 1000, 1)),
        ("run, 1,000 replications, every core", "s", False, lambda b, f: run_seconds(b["outletsim"], f, 1000, None)),
        ("run, 30 replications (the default)", "s", False, lambda b, f: run_seconds(b["outletsim"], f, 30, None)),
    ]
    found = {(name, which): [] for name, *_ in measures for which in builds}
    with tempfile.TemporaryDirectory() as folder:
        for round_number in range(options.rounds):
            for name, _, _, measure in measures:
                for which, programs in builds.items():
                    found[(name, which)].append(measure(programs, f"{folder}/{which}"))
            print(f"round {round_number + 1} of {options.rounds} done", flush=True)

    print(f"\nthe weekday branch, {options.base} against this tree, {options.rounds} interleaved rounds")
    print(f"{'measure':<38} {'unit':<12} {'base median':>12} {'now median':>12} {'ratio':>6} {'base best':>11} {'now best':>11} {'ratio':>6}")
    for name, unit, higher, _ in measures:
        base, now = found[(name, "base")], found[(name, "now")]
        best = max if higher else min
        speedup = (lambda b, n: n / b) if higher else (lambda b, n: b / n)
        shown = ",.0f" if higher else ".3f"
        print(f"{name:<38} {unit:<12} {statistics.median(base):>12{shown}} {statistics.median(now):>12{shown}} "
              f"{speedup(statistics.median(base), statistics.median(now)):>5.2f}x "
              f"{best(base):>11{shown}} {best(now):>11{shown}} {speedup(best(base), best(now)):>5.2f}x")
    print("ratios are speed-ups: above 1 means this tree is faster")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except subprocess.CalledProcessError as failure:
        print(f"speedup.py: {' '.join(map(str, failure.cmd))} failed with exit status {failure.returncode}", file=sys.stderr)
        sys.exit(1)
