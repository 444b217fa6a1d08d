#!/usr/bin/env python3
"""The cost of running a network on Dask, against the same work in a shell loop.

100 outlets (the weekday branch at demand from 70% to 130%) × 100 days,
work: check (one outletsim command per outlet):

- loop: `outletsim check` for each outlet in turn, every core (--jobs N);
- dask N: outletsim-network on a LocalCluster of N single-threaded workers,
  timed from submission to the last result (the cluster's start-up, once per
  session, is reported apart).

Usage: Benchmarks/network-overhead.py [--outlets 100] [--days 100]
"""
import argparse
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile
import time

REPOSITORY = pathlib.Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--outlets", type=int, default=100)
    parser.add_argument("--days", type=int, default=100)
    arguments = parser.parse_args()
    binary = str(pathlib.Path(os.environ.get("OUTLETSIM", REPOSITORY / ".build" / "release" / "outletsim")).resolve())
    cores = os.cpu_count() or 1
    work = pathlib.Path(tempfile.mkdtemp(prefix="outletsim-network-bench-"))
    try:
        lines = ["name: bench", "seed: 1", f"days: {arguments.days}", "work: check", "outlets:"]
        scenarios = []
        for index in range(arguments.outlets):
            scale = 0.7 + 0.6 * (index % 13) / 12
            path = work / f"outlet-{index:03d}.yaml"
            path.write_text(f"extends: {REPOSITORY / 'scenarios' / 'bank-branch-weekday.yaml'}\nname: outlet-{index:03d}\n"
                            f"arrivals:\n  scale: {scale:.3f}\n", encoding="utf-8")
            scenarios.append(path)
            lines += [f"  - name: outlet-{index:03d}", f"    scenario: {path.name}"]
        network = work / "bench.network.yaml"
        network.write_text("\n".join(lines) + "\n", encoding="utf-8")

        start = time.monotonic()
        for index, path in enumerate(scenarios):
            subprocess.run([binary, "check", str(path), "--replications", str(arguments.days), "--seed", "1", "--jobs", str(cores),
                            "--json", str(work / f"loop-{index}.json")], capture_output=True, check=False)
        loop = time.monotonic() - start
        print(f"shell loop, --jobs {cores}: {loop:.2f} s")

        sys.path.insert(0, str(REPOSITORY / "python" / "outletsim_network" / "src"))
        from dask.distributed import Client, LocalCluster
        from outletsim_network import execution, load_network, plan_tasks

        results = {}
        for workers in (1, cores) if cores > 1 else (1,):
            started = time.monotonic()
            with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
                    Client(cluster) as client:
                up = time.monotonic() - started
                out = work / f"dask-{workers}"
                out.mkdir()
                version = subprocess.run([binary, "--version"], capture_output=True, text=True).stdout.strip()
                tasks = plan_tasks(load_network(network), out, version)
                start = time.monotonic()
                futures = [client.submit(execution.run_task, task, str(out), binary, key=f"t-{task.key}", pure=False) for task in tasks]
                client.gather(futures)
                results[workers] = time.monotonic() - start
            print(f"dask, {workers} worker(s): {results[workers]:.2f} s (cluster start-up {up:.2f} s)")
        if cores > 1:
            print(f"overhead against the loop: {100 * (results[cores] / loop - 1):+.1f}%")
            print(f"scaling from 1 to {cores} workers: {results[1] / results[cores]:.2f}x")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
