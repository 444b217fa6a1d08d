#!/usr/bin/env python3
"""A network at scale (issue 30): 1,000 outlets × 250 days of `check` work
on a Dask LocalCluster with a single-threaded worker per core, target under
2 minutes (about 150 million customers).

The outlets are the weekday branch at demand from 70% to 130% (13 steps),
as in network-overhead.py. The time runs from the submission of the first
task to the last result; the cluster's start-up, once per session, is left
out and printed apart. Customers are counted as each outlet's demand scale
times the weekday branch's mean arrivals a day (from a 400-day run of it)
times the days, so the rate needs no second pass over the results.

    Benchmarks/network-scale.py [--outlets 1000] [--days 250] [--target 120]

`make bench-network-scale` runs it in full; Tests/python/test_network_scale.py
runs it scaled down in CI (20 outlets × 10 days) and checks every outlet's
check report was written.
"""
import argparse
import json
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile
import time

REPOSITORY = pathlib.Path(__file__).resolve().parents[1]


def weekday_arrivals(binary: str, work: pathlib.Path) -> float:
    """The weekday branch's mean walk-in and booked arrivals a day."""
    out = work / "weekday-mean"
    subprocess.run([binary, "run", str(REPOSITORY / "scenarios" / "bank-branch-weekday.yaml"), "--replications", "400", "--quiet",
                    "--out", str(out)], check=True, capture_output=True)
    day = json.loads((out / "summary.json").read_text(encoding="utf-8"))["day"]
    return float(day["arrivals"]["mean"])


def run(outlets: int, days: int, binary: str, work: pathlib.Path) -> dict:
    """Runs the network once; returns the seconds, the cluster's start-up and the reports written."""
    lines = ["name: scale", "seed: 1", f"days: {days}", "work: check", "outlets:"]
    scales = []
    for index in range(outlets):
        scale = 0.7 + 0.6 * (index % 13) / 12
        scales.append(scale)
        path = work / f"outlet-{index:04d}.yaml"
        path.write_text(f"extends: {REPOSITORY / 'scenarios' / 'bank-branch-weekday.yaml'}\nname: outlet-{index:04d}\n"
                        f"arrivals:\n  scale: {scale:.3f}\n", encoding="utf-8")
        lines += [f"  - name: outlet-{index:04d}", f"    scenario: {path.name}"]
    network = work / "scale.network.yaml"
    network.write_text("\n".join(lines) + "\n", encoding="utf-8")

    sys.path.insert(0, str(REPOSITORY / "python" / "outletsim_network" / "src"))
    from dask.distributed import Client, LocalCluster
    from outletsim_network import execution, load_network, plan_tasks
    from outletsim_network.validation import validate_inputs

    version = subprocess.run([binary, "--version"], capture_output=True, text=True).stdout.strip()
    cores = os.cpu_count() or 1
    # The inputs are checked as `outletsim-network run` checks them; the files each scenario reads key its tasks.
    loaded = load_network(network)
    checking = time.monotonic()
    problems, reads = validate_inputs(loaded, binary, cores)
    if problems:
        raise SystemExit("\n".join(problems[:20]))
    checked = time.monotonic() - checking
    began = time.monotonic()
    with LocalCluster(n_workers=cores, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, Client(cluster) as client:
        startup = time.monotonic() - began
        out = work / "out"
        out.mkdir()
        tasks = plan_tasks(loaded, out, version, reads)
        start = time.monotonic()
        futures = [client.submit(execution.run_task, task, str(out), binary, key=f"t-{task.key}", pure=False) for task in tasks]
        results = client.gather(futures)
        seconds = time.monotonic() - start
    statuses = {}
    for result in results:
        statuses[result["status"]] = statuses.get(result["status"], 0) + 1
    return {"seconds": seconds, "startup": startup, "checked": checked, "statuses": statuses, "tasks": len(tasks), "scales": scales,
            "reports": sorted(str(path.relative_to(out)) for path in out.rglob("*.json"))}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--outlets", type=int, default=1000)
    parser.add_argument("--days", type=int, default=250)
    parser.add_argument("--target", type=float, default=120.0, help="seconds the run should stay under")
    parser.add_argument("--json", help="also write the figures to this file")
    arguments = parser.parse_args()
    binary = str(pathlib.Path(os.environ.get("OUTLETSIM", REPOSITORY / ".build" / "release" / "outletsim")).resolve())
    work = pathlib.Path(tempfile.mkdtemp(prefix="outletsim-network-scale-"))
    try:
        per_day = weekday_arrivals(binary, work)
        figures = run(arguments.outlets, arguments.days, binary, work)
        customers = sum(figures["scales"]) * per_day * arguments.days
        rate = customers / figures["seconds"]
        verdict = "meets" if figures["seconds"] <= arguments.target else "MISSES"
        print(f"{arguments.outlets} outlets x {arguments.days} days of check on {os.cpu_count()} single-threaded workers: "
              f"{figures['seconds']:.1f} s (target {arguments.target:.0f} s: {verdict}); "
              f"inputs checked in {figures['checked']:.1f} s and cluster start-up {figures['startup']:.1f} s apart")
        print(f"about {customers / 1e6:.1f} million customers ({per_day:.0f} a day at demand 100%): {rate / 1e6:.2f} million a second")
        print(f"tasks {figures['tasks']}: {figures['statuses']}")
        if arguments.json:
            pathlib.Path(arguments.json).write_text(json.dumps({
                "outlets": arguments.outlets, "days": arguments.days, "seconds": figures["seconds"], "startup": figures["startup"],
                "inputs_checked": figures["checked"], "customers": customers, "customers_per_second": rate, "statuses": figures["statuses"], "tasks": figures["tasks"],
                "reports": figures["reports"], "target_seconds": arguments.target}, indent=2), encoding="utf-8")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
