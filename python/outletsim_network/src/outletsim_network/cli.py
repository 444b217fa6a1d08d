"""`outletsim-network run network.yaml [--scheduler ADDRESS]`."""
from __future__ import annotations

import argparse
import os
import pathlib
import shutil
import subprocess
import sys
import time

from . import execution, report, tables
from .network import NetworkError, load_network
from .tasks import plan_tasks


def _outletsim(path: str | None) -> str | None:
    binary = path or os.environ.get("OUTLETSIM") or shutil.which("outletsim")
    if not binary or not os.access(binary, os.X_OK) or not pathlib.Path(binary).is_file():
        print(f"outletsim-network: error: found no outletsim binary{f' at {binary}' if binary else ''}; "
              "allowed: --outletsim PATH, $OUTLETSIM, or outletsim on PATH", file=sys.stderr)
        return None
    return str(pathlib.Path(binary).resolve())


def run(arguments: argparse.Namespace) -> int:
    try:
        network = load_network(arguments.network)
    except NetworkError as error:
        print(str(error), file=sys.stderr)
        return 2
    if arguments.days is not None or arguments.shard_days is not None:
        import dataclasses
        network = dataclasses.replace(network, days=arguments.days or network.days,
                                      shard_days=arguments.shard_days if arguments.shard_days is not None else network.shard_days)
    binary = _outletsim(arguments.outletsim)
    if binary is None:
        return 2
    version = subprocess.run([binary, "--version"], capture_output=True, text=True, check=True).stdout.strip()
    out = pathlib.Path(arguments.out or f"results/network-{network.name}").resolve()
    marker = out / "network.json"
    if out.exists() and not out.is_dir():
        print(f"outletsim-network: error: --out {out}: found a file; allowed: a new folder or a network results folder", file=sys.stderr)
        return 2
    if out.exists() and any(out.iterdir()) and not marker.exists():
        print(f"outletsim-network: error: --out {out}: found a folder that outletsim-network did not write; "
              "allowed: a new folder or a network results folder", file=sys.stderr)
        return 2
    out.mkdir(parents=True, exist_ok=True)
    marker.write_text(f'{{"format": "outletsim-network", "version": 1, "network": "{network.name}"}}\n', encoding="utf-8")
    tasks = plan_tasks(network, out, version)

    from dask.distributed import Client, LocalCluster, as_completed

    cluster = None
    if arguments.scheduler:
        client = Client(arguments.scheduler)
    else:
        # The dashboard on a free port, printed below.
        cluster = LocalCluster(n_workers=arguments.workers, threads_per_worker=1, processes=True, dashboard_address=":0")
        client = Client(cluster)
    try:
        if not arguments.quiet:
            print(f"Dask dashboard: {client.dashboard_link}" if client.dashboard_link else "Dask dashboard: off", file=sys.stderr)
        started = time.monotonic()
        futures = {}
        pending = [t for t in tasks if not execution.is_done(t, out)]
        for task in tasks:
            if execution.is_done(task, out):
                continue
            dependencies = [futures[key] for key in task.depends if key in futures]
            futures[task.key] = client.submit(execution.run_task, task, str(out), binary, *dependencies, key=f"outletsim-{task.key}",
                                              retries=arguments.retries, pure=False)
        done = 0
        for future in as_completed(list(futures.values())):
            future.result()
            done += 1
            if not arguments.quiet and sys.stderr.isatty():
                width = 40
                filled = width * done // max(len(pending), 1)
                print(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{len(pending)} tasks "
                      f"({len(tasks) - len(pending)} already done)", end="", file=sys.stderr, flush=True)
        if not arguments.quiet and futures and sys.stderr.isatty():
            print(file=sys.stderr)
        frames = tables.build(tasks, out)
        tables.write(frames, out)
        (out / "report.html").write_text(report.render(network.name, frames, network.work, network.days), encoding="utf-8")
        if not arguments.quiet:
            print(f"{len(tasks)} tasks ({len(pending)} run, {len(tasks) - len(pending)} done before) in "
                  f"{time.monotonic() - started:.1f} s; tables and report.html in {out}")
        return 0
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="outletsim-network", description="Run OutletSim over a network of outlets on a Dask cluster.")
    commands = parser.add_subparsers(dest="command", required=True)
    command = commands.add_parser("run", help="Run every outlet of a network file and write the network's tables and report.")
    command.add_argument("network", help="network.yaml")
    command.add_argument("--scheduler", help="Address of a Dask scheduler (default: a LocalCluster on this machine).")
    command.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="Workers of the LocalCluster (default: all cores).")
    command.add_argument("--out", help="Results folder (default: results/network-NAME).")
    command.add_argument("--outletsim", help="The outletsim binary (default: $OUTLETSIM, or outletsim on PATH); the same path on every worker.")
    command.add_argument("--days", type=int, help="Days per outlet and variant, instead of the network file's (2 to 10000000).")
    command.add_argument("--shard-days", type=int, help="Days per shard, instead of the network file's (0: no shards).")
    command.add_argument("--retries", type=int, default=3, help="Times a task is retried when its worker dies (default 3).")
    command.add_argument("--quiet", action="store_true", help="Print nothing but errors.")
    arguments = parser.parse_args(argv)
    if arguments.workers < 1 or arguments.retries < 0:
        parser.error("--workers must be at least 1 and --retries at least 0")
    if arguments.days is not None and not 2 <= arguments.days <= 10_000_000:
        parser.error(f"--days must be from 2 to 10000000, found {arguments.days}")
    if arguments.shard_days is not None and not 0 <= arguments.shard_days <= 10_000_000:
        parser.error(f"--shard-days must be from 0 to 10000000, found {arguments.shard_days}")
    return run(arguments)


if __name__ == "__main__":
    sys.exit(main())
