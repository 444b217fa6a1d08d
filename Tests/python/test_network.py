"""outletsim-network on a real Dask LocalCluster: the example network's
tables in pandas, merged shards identical to one run, the same tables for 1
and 2 workers, resumption, a worker killed mid-task, and bad network files."""
import os
import pathlib
import re
import signal
import subprocess
import sys
import threading
import time

import pandas as pd
import pytest

from report_checks import check_page

REPOSITORY = pathlib.Path(__file__).resolve().parents[2]
NETWORK = REPOSITORY / "scenarios" / "network" / "city.network.yaml"


def network(outletsim, *arguments, check=True):
    environment = dict(os.environ, OUTLETSIM=str(outletsim))
    result = subprocess.run([sys.executable, "-m", "outletsim_network.cli", *map(str, arguments)], capture_output=True, text=True,
                            env=environment, timeout=600)
    if check:
        assert result.returncode == 0, result.stderr
    return result


def tables(folder):
    return {name: pd.read_parquet(folder / f"{name}.parquet") for name in ("outlets", "metrics", "intervals", "targets")}


@pytest.fixture(scope="module")
def two_workers(outletsim, tmp_path_factory):
    out = tmp_path_factory.mktemp("network") / "two"
    result = network(outletsim, "run", NETWORK, "--days", 6, "--shard-days", 3, "--workers", 2, "--out", out)
    assert "Dask dashboard:" in result.stderr
    return out


def test_the_example_network_loads_in_pandas(two_workers):
    frames = tables(two_workers)
    outlets = frames["outlets"]
    assert len(outlets) == 25  # 20 outlets, 4 with a growth variant, and one fitted from its log
    assert outlets.set_index(["outlet", "variant"]).loc[("riverside-hall", "as-is"), "targets_pass"] >= 0
    assert set(outlets.variant) == {"as-is", "growth"}
    assert (outlets.days == 6).all()
    growth = outlets.set_index(["outlet", "variant"]).loc[("east-branch", "growth"), "cost"]
    assert growth > outlets.set_index(["outlet", "variant"]).loc[("east-branch", "as-is"), "cost"]
    assert {"wait_p90", "cost", "arrivals"} <= set(frames["metrics"].metric)
    assert {"outlet", "variant", "interval", "start", "metric", "value"} <= set(frames["intervals"].columns)
    assert set(frames["targets"].verdict) <= {"pass", "fail", "inconclusive"}
    html = (two_workers / "report.html").read_text(encoding="utf-8")
    assert "Outlets that fail a target" in html and "east-branch" in html
    # Every example outlet gives its costs (the fitted one cannot), totals and charts are drawn, failures show their bound.
    priced = outlets[outlets.outlet != "riverside-hall"]
    assert priced.cost.notna().all(), priced[priced.cost.isna()]
    assert "The network in all" in html and html.count("<svg") == 2 and "<th>bound</th>" in html
    assert "sum of the means of 20 of 21 outlets" in html  # riverside-hall, fitted from its log, has no wages
    # Failing targets read as the terminal reads them: the value in its unit and the bound with its unit.
    failing = html.split('class="failing"')[1].split("</table>")[0]
    assert re.search(r"<td>\d+\.\d(%| min) \[\d+\.\d%?, \d+\.\d%?\]</td><td>[≥≤] \d+(\.\d+)?( min|%)</td>", failing), failing[:600]
    check_page(two_workers / "report.html", "network-report")


def test_merged_shards_are_one_run(outletsim, two_workers, tmp_path):
    [merged] = (two_workers / "tasks" / "east-branch").glob("as-is-*/run")
    whole = tmp_path / "whole"
    subprocess.run([str(outletsim), "run", str(REPOSITORY / "scenarios" / "network" / "outlets" / "east-branch.yaml"),
                    "--replications", "6", "--seed", "1", "--quiet", "--out", str(whole)], check=True)
    for file in whole.iterdir():
        if file.name not in ("run.json", ".outletsim-folder"):  # how it was made, and run.json's size
            assert file.read_bytes() == (merged / file.name).read_bytes(), file.name


def test_one_worker_gives_the_same_tables_and_a_rerun_skips_what_is_done(outletsim, two_workers, tmp_path):
    out = tmp_path / "one"
    network(outletsim, "run", NETWORK, "--days", 6, "--shard-days", 3, "--workers", 1, "--out", out)
    for name, frame in tables(two_workers).items():
        pd.testing.assert_frame_equal(frame, tables(out)[name], check_exact=True, obj=name)
    again = network(outletsim, "run", NETWORK, "--days", 6, "--shard-days", 3, "--workers", 1, "--out", out)
    assert "(0 run, 76 done before)" in again.stdout


def test_a_worker_killed_mid_task_is_retried_without_duplicates(outletsim, tmp_path):
    from dask.distributed import Client, LocalCluster

    reference = tmp_path / "reference"
    started = time.monotonic()
    network(outletsim, "run", NETWORK, "--days", 120, "--shard-days", 0, "--workers", 2, "--out", reference)
    undisturbed = time.monotonic() - started
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, Client(cluster) as client:
        pids = list(client.run(os.getpid).values())
        killed = []

        def kill_one():
            # Once tasks are under way, kill a worker process outright; its nanny starts a new one.
            time.sleep(min(1.5, undisturbed / 3))
            os.kill(pids[0], signal.SIGKILL)
            killed.append(pids[0])

        killer = threading.Thread(target=kill_one)
        killer.start()
        out = tmp_path / "killed"
        result = network(outletsim, "run", NETWORK, "--days", 120, "--shard-days", 0, "--scheduler", cluster.scheduler_address,
                         "--out", out)
        killer.join()
        assert killed, "no worker was killed"
        assert "(26 run, 0 done before)" in result.stdout
    for name, frame in tables(reference).items():
        pd.testing.assert_frame_equal(frame, tables(out)[name], check_exact=True, obj=name)
    leftovers = [p for p in out.rglob("*") if ".partial" in p.name]
    assert not leftovers, leftovers


@pytest.mark.parametrize("text, expected", [
    ("name: n\ndays: 10\nwork: run\noutlets:\n  - { name: a, scenario: missing.yaml }\n",
     "network.yaml:5:26: error: outlets[0].scenario: found 'missing.yaml', which is not a file"),
    ("name: n\ndays: 1\nwork: run\noutlets: []\n", "network.yaml:2:7: error: days: found '1'; allowed: a whole number from 2"),
    ("name: n\ndays: 10\nwork: simulate\noutlets: []\n", "network.yaml:3:7: error: work: found 'simulate'"),
    ("name: n\ndays: 10\nwork: run\ncolour: red\noutlets: []\n", "network.yaml:4:1: error: colour: found the key 'colour'"),
    ("name: [\n", "network.yaml:2:1: error: found invalid YAML"),
])
def test_a_bad_network_file_is_refused_with_its_place(outletsim, tmp_path, text, expected):
    file = tmp_path / "network.yaml"
    file.write_text(text, encoding="utf-8")
    result = network(outletsim, "run", file, "--out", tmp_path / "out", check=False)
    assert result.returncode == 2, result.stderr
    assert expected in result.stderr, result.stderr
    assert not (tmp_path / "out").exists()


def test_optimize_work_gives_plans_savings_and_the_unreachable(outletsim, tmp_path):
    fixtures = REPOSITORY / "Tests" / "OutletSimCLITests" / "Fixtures" / "optimize"
    file = tmp_path / "optimize.network.yaml"
    file.write_text("name: optimize\nseed: 1\ndays: 30\nwork: optimize\noutlets:\n"
                    f"  - name: small\n    scenario: {fixtures / 'small-branch-optimize.yaml'}\n"
                    "    variants:\n      - { name: growth, demand_scale: 1.1 }\n"
                    f"  - name: impossible\n    scenario: {fixtures / 'small-branch-impossible.yaml'}\n", encoding="utf-8")
    out = tmp_path / "out"
    network(outletsim, "run", file, "--workers", 2, "--out", out)
    outlets = pd.read_parquet(out / "outlets.parquet").set_index(["outlet", "variant"])
    assert not outlets.loc[("impossible", "as-is"), "plan_found"]
    small = outlets.loc[("small", "as-is")]
    assert small.plan_found and small.plan_cost > 0 and small.saving_ci_low <= small.saving <= small.saving_ci_high
    assert outlets.loc[("small", "growth"), "plan_cost"] > small.plan_cost
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "no plan within the search bounds meets the targets" in html and "saving a day" in html


def test_bad_output_or_binary_is_refused(outletsim, tmp_path):
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "keep.txt").write_text("mine", encoding="utf-8")
    for out in ("notes.txt", "other"):
        result = network(outletsim, "run", NETWORK, "--out", tmp_path / out, check=False)
        assert result.returncode == 2 and "allowed: a new folder, an empty one, or a network results folder" in result.stderr, result.stderr
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "mine" and (tmp_path / "other" / "keep.txt").exists()
    missing = network(outletsim, "run", NETWORK, "--outletsim", tmp_path / "nothing", "--out", tmp_path / "new", check=False)
    assert missing.returncode == 2 and "found no outletsim binary" in missing.stderr
