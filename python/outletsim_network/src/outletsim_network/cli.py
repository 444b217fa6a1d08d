"""`outletsim-network run network.yaml [--scheduler ADDRESS]`, and
`outletsim-network plan network.yaml`, which checks everything and prints
the tasks without running them.

Exit statuses, as outletsim's: 0 done; 2 a problem in the network file, an
outlet's inputs or --out, every one located, nothing scheduled; 3 a task
failed for another reason (a crash, a full disk) after its retries; 130 on
SIGINT."""
from __future__ import annotations

import argparse
import dataclasses
import os
import pathlib
import shutil
import subprocess
import sys
import time

from . import execution, folder, report, tables
from .network import MOST_DAYS, MOST_SHARDS, NetworkError, load_network, shard_count
from .tasks import plan_tasks
from .validation import validate_inputs


# Problems printed; the rest are counted, so that a network of a million mistakes gives a readable answer.
MOST_SHOWN = 100


def _error(message: str) -> None:
    print(f"outletsim-network: error: {message}", file=sys.stderr)


def progress_line(done: int, total: int, before: int, elapsed: float) -> str:
    """"[####....] 12/40 tasks (3 already done), 8 s elapsed, about 19 s left"."""
    width = 40
    filled = width * done // max(total, 1)
    left = f", about {elapsed / done * (total - done):.0f} s left" if done else ""
    return (f"[{'#' * filled}{'.' * (width - filled)}] {done}/{total} tasks ({before} already done), "
            f"{elapsed:.0f} s elapsed{left}   ")


def _outletsim(path: str | None) -> str | None:
    binary = path or os.environ.get("OUTLETSIM") or shutil.which("outletsim")
    if not binary or not os.access(binary, os.X_OK) or not pathlib.Path(binary).is_file():
        _error(f"found no outletsim binary{f' at {binary}' if binary else ''}; "
               "allowed: --outletsim PATH, $OUTLETSIM, or outletsim on PATH")
        return None
    return str(pathlib.Path(binary).resolve())


def _prepare(arguments: argparse.Namespace):
    """The network, the binary, --out, and every outlet's inputs checked; None after printing the problems."""
    try:
        network = load_network(arguments.network)
    except NetworkError as error:
        print(str(error), file=sys.stderr)
        return None
    if arguments.days is not None or arguments.shard_days is not None:
        network = dataclasses.replace(network, days=arguments.days or network.days,
                                      shard_days=arguments.shard_days if arguments.shard_days is not None else network.shard_days)
    if network.work == "run" and shard_count(network.days, network.shard_days) > MOST_SHARDS:
        _error(f"--days {network.days} with --shard-days {network.shard_days}: found {shard_count(network.days, network.shard_days):,} "
               f"shards per outlet and variant; allowed: at most {MOST_SHARDS:,} (--shard-days of at least {-(-network.days // MOST_SHARDS)})")
        return None
    binary = _outletsim(arguments.outletsim)
    if binary is None:
        return None
    shown = arguments.out or f"results/network-{network.name}"
    out = pathlib.Path(shown).absolute()
    try:
        folder.check(out, shown)
    except folder.FolderRefused as refusal:
        _error(str(refusal))
        return None
    try:
        version = subprocess.run([binary, "--version"], capture_output=True, text=True, check=True, timeout=60).stdout.strip()
    except (OSError, subprocess.SubprocessError) as failure:
        _error(f"{binary} --version failed ({failure}); allowed: a working outletsim binary")
        return None
    started = time.monotonic()
    problems, reads = validate_inputs(network, binary, arguments.workers)
    if problems:
        print("\n".join(problems[:MOST_SHOWN]), file=sys.stderr)
        more = f"; the first {MOST_SHOWN} are shown" if len(problems) > MOST_SHOWN else ""
        count = sum(": error: " in problem for problem in problems)
        _error(f"{count} problem(s) in the outlets' inputs{more}; nothing was run")
        return None
    return network, binary, out, version, reads, time.monotonic() - started


def plan(arguments: argparse.Namespace) -> int:
    prepared = _prepare(arguments)
    if prepared is None:
        return 2
    network, _, out, version, reads, checked = prepared
    started = time.monotonic()
    tasks = plan_tasks(network, out, version, reads, write_variants=False)
    kinds: dict[str, int] = {}
    for task in tasks:
        kinds[task.kind] = kinds.get(task.kind, 0) + 1
    print(f"{len(network.outlets)} outlets, {len(tasks)} tasks ("
          + ", ".join(f"{count} {kind}" for kind, count in kinds.items())
          + f"); inputs checked in {checked:.1f} s, planned in {time.monotonic() - started:.1f} s")
    return 0


def run(arguments: argparse.Namespace) -> int:
    prepared = _prepare(arguments)
    if prepared is None:
        return 2
    network, binary, out, version, reads, _ = prepared
    created = folder.claim(out, network.name)
    tasks = plan_tasks(network, out, version, reads)

    from dask.distributed import Client, LocalCluster, as_completed

    cluster = None
    if arguments.scheduler:
        client = Client(arguments.scheduler)
    else:
        # The dashboard on a free port, printed below.
        cluster = LocalCluster(n_workers=arguments.workers, threads_per_worker=1, processes=True, dashboard_address=":0")
        client = Client(cluster)
    refused: list[dict] = []
    failed: list[str] = []
    try:
        if not arguments.quiet:
            print(f"Dask dashboard: {client.dashboard_link}" if client.dashboard_link else "Dask dashboard: off", file=sys.stderr)
        started = time.monotonic()
        futures = {}
        pending = [t for t in tasks if not execution.is_done(t, out)]
        for task in pending:
            dependencies = [futures[key] for key in task.depends if key in futures]
            futures[task.key] = client.submit(execution.run_task, task, str(out), binary, *dependencies, key=f"outletsim-{task.key}",
                                              retries=arguments.retries, pure=False)
        done = 0
        for future in as_completed(list(futures.values())):
            try:
                result = future.result()
                if result.get("status") == "refused":
                    refused.append(result)
            except Exception as error:  # a task that failed after its retries, for a reason other than its inputs
                failed.append(str(error).strip())
            done += 1
            if not arguments.quiet and sys.stderr.isatty():
                print("\r" + progress_line(done, len(pending), len(tasks) - len(pending), time.monotonic() - started),
                      end="", file=sys.stderr, flush=True)
        if not arguments.quiet and futures and sys.stderr.isatty():
            print(file=sys.stderr)
        if refused or failed:
            for result in refused:
                print("\n".join(result["messages"]), file=sys.stderr)
            for message in failed:
                print(message, file=sys.stderr)
            _error(f"{len(refused)} task(s) refused their inputs and {len(failed)} failed; no tables or report were written "
                   "(tasks that finished are kept, and a rerun goes on from them)")
            return 2 if refused and not failed else 3
        frames = tables.build(tasks, out)
        files = {f"{name}.parquet": frame.to_parquet(None, index=False) for name, frame in frames.items()}
        files["network.json"] = (f'{{"format": "outletsim-network", "version": 1, "network": "{network.name}", '
                                 f'"outlets": {len(network.outlets)}, "tasks": {len(tasks)}}}\n').encode()
        files["report.html"] = report.render(network.name, frames, network.work, network.days).encode()
        folder.write(out, network.name, files)
        if not arguments.quiet:
            print(f"{len(tasks)} tasks ({len(pending)} run, {len(tasks) - len(pending)} done before) in "
                  f"{time.monotonic() - started:.1f} s; tables and report.html in {out}")
        return 0
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
        folder.remove_created(created)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="outletsim-network", description="Run OutletSim over a network of outlets on a Dask cluster.")
    commands = parser.add_subparsers(dest="command", required=True)
    for name, text in (("run", "Run every outlet of a network file and write the network's tables and report."),
                       ("plan", "Check the network file and every outlet's inputs, and print the tasks a run would make; runs and writes nothing.")):
        command = commands.add_parser(name, help=text)
        command.add_argument("network", help="network.yaml")
        command.add_argument("--out", help="Results folder (default: results/network-NAME).")
        command.add_argument("--outletsim", help="The outletsim binary (default: $OUTLETSIM, or outletsim on PATH); the same path on every worker.")
        command.add_argument("--days", type=int, help=f"Days per outlet and variant, instead of the network file's (2 to {MOST_DAYS}).")
        command.add_argument("--shard-days", type=int, help="Days per shard, instead of the network file's (0: no shards).")
        command.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                             help="Workers of the LocalCluster, and processes checking inputs (default: all cores).")
        if name == "run":
            command.add_argument("--scheduler", help="Address of a Dask scheduler (default: a LocalCluster on this machine).")
            command.add_argument("--retries", type=int, default=3,
                                 help="Times a task is retried when its worker dies or outletsim fails other than on its inputs (default 3).")
            command.add_argument("--quiet", action="store_true", help="Print nothing but errors.")
    arguments = parser.parse_args(argv)
    if arguments.workers < 1 or getattr(arguments, "retries", 0) < 0:
        parser.error("--workers must be at least 1 and --retries at least 0")
    if arguments.days is not None and not 2 <= arguments.days <= MOST_DAYS:
        parser.error(f"--days must be from 2 to {MOST_DAYS}, found {arguments.days}")
    if arguments.shard_days is not None and not 0 <= arguments.shard_days <= MOST_DAYS:
        parser.error(f"--shard-days must be from 0 to {MOST_DAYS}, found {arguments.shard_days}")
    try:
        return plan(arguments) if arguments.command == "plan" else run(arguments)
    except KeyboardInterrupt:
        _error("interrupted; tasks that finished are kept, and a rerun goes on from them")
        return 130
    except OSError as error:
        _error(f"{error.filename or ''}: {error.strerror or error}; nothing more was written")
        return 3


if __name__ == "__main__":
    sys.exit(main())
