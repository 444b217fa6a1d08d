#!/usr/bin/env python3
"""The cost of running a network on Dask, against the same work in a shell loop.

100 outlets (the weekday branch at demand from 70% to 130%) × 100 days,
work: check (one outletsim command per outlet):

- loop: `outletsim check` for each outlet in turn, every core (--jobs N);
- dask N: outletsim-network on a LocalCluster of N single-threaded workers,
  timed from submission to the last result (the cluster's start-up, once per
  session, is left out);
- dask N, a core per worker: the same with each worker's outletsim processes
  pinned to a core of their own (worker i to core i), as on a cluster where
  a worker is given its cores. Unpinned, a lone worker's outletsim borrows
  the idle second core (it folds its days into the statistics on a second
  thread, and the scheduler runs there), which flatters the 1-worker time.

Each is timed --repeat times, interleaved so that a slow spell of a shared
machine does not land on one of them alone; the median is reported.

Usage: Benchmarks/network-overhead.py [--outlets 100] [--days 100] [--repeat 3]
"""
import argparse
import os
import pathlib
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

REPOSITORY = pathlib.Path(__file__).resolve().parents[1]


def pinned_task(task, folder, binary):
    """Runs `task` with this thread's children pinned to the worker's own core."""
    from dask.distributed import get_worker
    from outletsim_network import execution

    cores = sorted(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {cores[int(get_worker().name) % len(cores)]})
    try:
        return execution.run_task(task, folder, binary)
    finally:
        os.sched_setaffinity(0, set(cores))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--outlets", type=int, default=100)
    parser.add_argument("--days", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3)
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

        sys.path.insert(0, str(REPOSITORY / "python" / "outletsim_network" / "src"))
        from dask.distributed import Client, LocalCluster
        from outletsim_network import execution, load_network, plan_tasks
        from outletsim_network.validation import validate_inputs

        version = subprocess.run([binary, "--version"], capture_output=True, text=True).stdout.strip()
        problems, reads = validate_inputs(load_network(network), binary, cores)
        if problems:
            raise SystemExit("\n".join(problems[:20]))

        def shell_loop(attempt: int) -> float:
            start = time.monotonic()
            for index, path in enumerate(scenarios):
                subprocess.run([binary, "check", str(path), "--replications", str(arguments.days), "--seed", "1", "--jobs", str(cores),
                                "--json", str(work / f"loop-{attempt}-{index}.json")], capture_output=True, check=False)
            return time.monotonic() - start

        def dask(attempt: int, workers: int, pinned: bool) -> float:
            with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
                    Client(cluster) as client:
                out = work / f"dask-{attempt}-{workers}{'-pinned' if pinned else ''}"
                out.mkdir()
                tasks = plan_tasks(load_network(network), out, version, reads)
                start = time.monotonic()
                function = pinned_task if pinned else execution.run_task
                futures = [client.submit(function, task, str(out), binary, key=f"t-{task.key}", pure=False) for task in tasks]
                client.gather(futures)
                return time.monotonic() - start

        counts = (1, cores) if cores > 1 else (1,)
        labels: dict[object, str] = {"loop": f"shell loop, --jobs {cores}"}
        labels |= {(workers, pinned): f"dask, {workers} worker(s){', a core each' if pinned else ''}"
                   for pinned in (False, True) for workers in counts}
        times: dict[object, list[float]] = {label: [] for label in labels}
        for attempt in range(arguments.repeat):
            times["loop"].append(shell_loop(attempt))
            for pinned in (False, True):
                for workers in counts:
                    times[workers, pinned].append(dask(attempt, workers, pinned))
        median = {label: statistics.median(values) for label, values in times.items()}
        for label, text in labels.items():
            print(f"{text}: {median[label]:.2f} s (median of {', '.join(f'{value:.2f}' for value in times[label])})")
        if cores > 1:
            print(f"overhead against the loop: {100 * (median[cores, False] / median['loop'] - 1):+.1f}%")
            print(f"scaling from 1 to {cores} workers: {median[1, False] / median[cores, False]:.2f}x; "
                  f"a core per worker: {median[1, True] / median[cores, True]:.2f}x")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
