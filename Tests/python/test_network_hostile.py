"""outletsim-network against hostile inputs: it never deletes or overwrites
what it did not write, checks every outlet's inputs before scheduling and
answers like the CLI (every problem located, exit 2, no traceback, no
retries), keeps outlets with identical scenarios apart, quotes what it
writes, bounds its plans and reads, and survives 300+ fuzzed network files."""
import contextlib
import io
import json
import os
import pathlib
import random
import re
import shutil
import subprocess
import sys
import time

import pandas as pd
import pytest
import yaml

from outletsim_network import cli

REPOSITORY = pathlib.Path(__file__).resolve().parents[2]
NETWORK = REPOSITORY / "scenarios" / "network" / "city.network.yaml"
WEEKDAY = REPOSITORY / "scenarios" / "bank-branch-weekday.yaml"
SATURDAY = REPOSITORY / "scenarios" / "bank-branch-saturday.yaml"
LOCATED = r"^[^\n]+:\d+:\d+: error: "


def network(outletsim, *arguments, timeout=300):
    environment = dict(os.environ, OUTLETSIM=str(outletsim))
    return subprocess.run([sys.executable, "-m", "outletsim_network.cli", *map(str, arguments)], capture_output=True, text=True,
                          env=environment, timeout=timeout)


def expect_refused(result, *texts):
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    for text in texts:
        assert text in result.stderr, result.stderr


def write_network(folder: pathlib.Path, outlets: str, extra: str = "", days: int = 4) -> pathlib.Path:
    file = folder / "net.yaml"
    file.write_text(f"name: hostile\nseed: 1\ndays: {days}\nwork: run\n{extra}outlets:\n{outlets}", encoding="utf-8")
    return file


def test_a_folder_that_is_not_the_networks_is_never_written_even_if_it_holds_network_json(outletsim, tmp_path):
    out = tmp_path / "mine"
    out.mkdir()
    (out / "network.json").write_text('{"format": "outletsim-network"}', encoding="utf-8")
    (out / "report.html").write_text("<p>my report</p>", encoding="utf-8")
    result = network(outletsim, "run", NETWORK, "--days", 2, "--out", out)
    expect_refused(result, "has no .outletsim-folder")
    assert (out / "report.html").read_text(encoding="utf-8") == "<p>my report</p>"
    assert sorted(p.name for p in out.iterdir()) == ["network.json", "report.html"]
    # An OutletSim results folder of another command is not the network's either.
    run = tmp_path / "run"
    subprocess.run([str(outletsim), "run", str(WEEKDAY), "--replications", "2", "--quiet", "--out", str(run)], check=True)
    expect_refused(network(outletsim, "run", NETWORK, "--days", 2, "--out", run), "another command")


def test_the_networks_own_folder_is_rerun_but_not_once_it_holds_a_users_file(outletsim, tmp_path):
    file = write_network(tmp_path, f"  - {{ name: a, scenario: {WEEKDAY} }}\n", days=3)
    out = tmp_path / "out"
    assert network(outletsim, "run", file, "--workers", 1, "--quiet", "--out", out).returncode == 0
    mark = json.loads((out / ".outletsim-folder").read_text(encoding="utf-8"))
    assert mark["format"] == "outletsim-network" and {"report.html", "outlets.parquet", "network.json"} <= set(mark["files"])
    assert network(outletsim, "run", file, "--workers", 1, "--quiet", "--out", out).returncode == 0
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    expect_refused(network(outletsim, "run", file, "--workers", 1, "--out", out), "notes.txt")
    (out / "notes.txt").unlink()
    with open(out / "report.html", "a", encoding="utf-8") as report:
        report.write("<!-- my edit -->")
    expect_refused(network(outletsim, "run", file, "--workers", 1, "--out", out), "report.html (changed since outletsim-network wrote it)")
    assert (out / "report.html").read_text(encoding="utf-8").endswith("<!-- my edit -->")


def test_every_bad_input_of_every_outlet_is_reported_at_once_located_without_retries(outletsim, tmp_path):
    (tmp_path / "no-base.yaml").write_text("extends: nowhere.yaml\nname: x\n", encoding="utf-8")
    (tmp_path / "invalid.yaml").write_text(WEEKDAY.read_text(encoding="utf-8").replace("seats: 24", "seats: -3"), encoding="utf-8")
    (tmp_path / "log.csv").write_text("when,who\n2026-03-02 09:00,a\n", encoding="utf-8")
    os.symlink(tmp_path / "loop-b.yaml", tmp_path / "loop-a.yaml")
    os.symlink(tmp_path / "loop-a.yaml", tmp_path / "loop-b.yaml")
    os.mkfifo(tmp_path / "fifo.yaml")
    (tmp_path / "zero.yaml").write_text("name: z\nextends: /dev/zero\n", encoding="utf-8")
    (tmp_path / "reads-fifo.yaml").write_text("name: f\n\nextends: fifo.yaml\n", encoding="utf-8")
    file = write_network(tmp_path, "  - { name: a, scenario: no-base.yaml }\n"
                                   "  - { name: b, scenario: invalid.yaml }\n"
                                   "  - { name: c, log: log.csv }\n"
                                   "  - { name: d, scenario: loop-a.yaml }\n"
                                   "  - { name: e, scenario: fifo.yaml }\n"
                                   "  - { name: f, scenario: zero.yaml }\n"
                                   "  - { name: g, scenario: reads-fifo.yaml }\n")
    started = time.monotonic()
    # The network file's own problems come first: the symlink loop and the FIFO named as scenarios.
    result = network(outletsim, "run", file, "--out", tmp_path / "out", timeout=60)
    expect_refused(result, "net.yaml:9:", "loop-a.yaml', which is not a file that can be read", "net.yaml:10:", "FIFO")
    # Without them, outletsim's own answers for each outlet, all at once.
    file = write_network(tmp_path, "  - { name: a, scenario: no-base.yaml }\n"
                                   "  - { name: b, scenario: invalid.yaml }\n"
                                   "  - { name: c, log: log.csv }\n"
                                   "  - { name: f, scenario: zero.yaml }\n"
                                   "  - { name: g, scenario: reads-fifo.yaml }\n")
    result = network(outletsim, "run", file, "--out", tmp_path / "out", timeout=60)
    expect_refused(result, "no-base.yaml:1:10: error: extends: found the missing base 'nowhere.yaml'",
                   "invalid.yaml:", "seats", "log.csv", "zero.yaml:2:10: error: extends: found the base '/dev/zero', which is a device",
                   "reads-fifo.yaml:3:10: error: extends: found the base 'fifo.yaml', which is a FIFO", "7 problem(s)", "nothing was run")
    assert time.monotonic() - started < 60
    assert not (tmp_path / "out").exists()


def test_outlets_with_identical_scenarios_are_two_tasks_and_two_rows(outletsim, tmp_path):
    for name in ("one", "two"):
        shutil.copy(WEEKDAY, tmp_path / f"{name}.yaml")
    file = write_network(tmp_path, "  - { name: one, scenario: one.yaml }\n  - { name: two, scenario: two.yaml }\n"
                                   f"  - {{ name: three, scenario: {WEEKDAY} }}\n  - {{ name: four, scenario: {WEEKDAY} }}\n", days=3)
    out = tmp_path / "out"
    result = network(outletsim, "run", file, "--workers", 2, "--out", out)
    assert result.returncode == 0, result.stderr
    outlets = pd.read_parquet(out / "outlets.parquet")
    assert sorted(outlets.outlet) == ["four", "one", "three", "two"]
    assert outlets.cost.notna().all() and outlets.cost.nunique() == 1  # the same scenario and seed: the same days


def test_a_demand_scale_variant_of_a_path_with_a_hash_runs_that_scenario(outletsim, tmp_path):
    odd = tmp_path / "a #b: c'd \"e"
    odd.mkdir()
    shutil.copy(SATURDAY, odd / "saturday.yaml")
    (tmp_path / "bank-branch-weekday.yaml").write_text("name: not-this-one\n", encoding="utf-8")
    file = tmp_path / "net.yaml"
    file.write_text(yaml.safe_dump({"name": "hash", "seed": 1, "days": 3, "work": "run", "outlets": [
        {"name": "odd", "scenario": str(odd / "saturday.yaml"), "variants": [{"name": "growth", "demand_scale": 1.2}]}]}),
        encoding="utf-8")
    out = tmp_path / "out"
    result = network(outletsim, "run", file, "--workers", 1, "--out", out)
    assert result.returncode == 0, result.stderr
    [variant] = (out / "variants").glob("*.yaml")
    document = yaml.safe_load(variant.read_text(encoding="utf-8"))
    assert document == {"extends": str(odd / "saturday.yaml"), "name": "odd--growth", "arrivals": {"scale": 1.2}}
    arrivals = pd.read_parquet(out / "metrics.parquet").query("metric == 'arrivals'").set_index("variant")["mean"]
    assert arrivals["growth"] > 1.1 * arrivals["as-is"]


def test_a_demand_scale_beyond_what_a_scenario_holds_is_located_in_the_network_file(outletsim, tmp_path):
    busy = tmp_path / "busy.yaml"
    busy.write_text(f"extends: {WEEKDAY}\narrivals:\n  per_hour: 2000\n", encoding="utf-8")
    file = write_network(tmp_path, "  - name: a\n    scenario: busy.yaml\n    variants:\n      - { name: huge, demand_scale: 100 }\n")
    result = network(outletsim, "plan", file)
    expect_refused(result, "net.yaml:9:37: error: outlets[0].variants[0].demand_scale: found a demand_scale that outletsim refuses")


def test_ten_million_one_day_shards_are_refused_before_any_memory_is_used(outletsim, tmp_path):
    file = write_network(tmp_path, f"  - {{ name: a, scenario: {WEEKDAY} }}\n", extra="shard_days: 1\n", days=10_000_000)
    started = time.monotonic()
    expect_refused(network(outletsim, "plan", file), "net.yaml:5:13: error: shard_days: found 1, which makes 10,000,000 shards",
                   "at most 10,000 shards")
    ok = write_network(tmp_path, f"  - {{ name: a, scenario: {WEEKDAY} }}\n", days=10_000_000)
    expect_refused(network(outletsim, "plan", ok, "--shard-days", 2), "found 5,000,000 shards")
    assert time.monotonic() - started < 30


def test_many_shards_merge_through_a_list_file(outletsim, tmp_path):
    file = write_network(tmp_path, f"  - {{ name: a, scenario: {WEEKDAY} }}\n", extra="shard_days: 1\n", days=150)
    out = tmp_path / "out"
    result = network(outletsim, "run", file, "--workers", 2, "--quiet", "--out", out)
    assert result.returncode == 0, result.stderr
    [listed] = (out / "tasks" / "a").glob("as-is-*/shards.txt")
    assert len(listed.read_text(encoding="utf-8").splitlines()) == 150
    assert pd.read_parquet(out / "outlets.parquet").days.tolist() == [150]


def test_a_deep_or_looping_network_file_is_refused_without_a_traceback(outletsim, tmp_path):
    deep = tmp_path / "deep.yaml"
    deep.write_text("name: n\ndays: 3\nwork: run\noutlets: " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    expect_refused(network(outletsim, "plan", deep), "deep.yaml:")
    os.symlink(tmp_path / "b.yaml", tmp_path / "a.yaml")
    os.symlink(tmp_path / "a.yaml", tmp_path / "b.yaml")
    expect_refused(network(outletsim, "plan", tmp_path / "a.yaml"), "a.yaml")
    os.mkfifo(tmp_path / "fifo.yaml")
    expect_refused(network(outletsim, "plan", tmp_path / "fifo.yaml", timeout=30), "FIFO")
    expect_refused(network(outletsim, "plan", "/dev/zero", timeout=30), "device")


# --- Fuzz: 300+ network files, each planned in process: exit 0 or 2, never an exception, every problem located.

HOSTILE_VALUES = ["", "~", "null", "-1", "0", "1e400", "nan", ".inf", "99999999999999999999", "2.5", "[]", "{}", "[1, [2, [3]]]",
                  "/dev/zero", "../../../../etc/passwd", "'a #b'", "\"\\0\"", "\"\\u202e\"", "x" * 300, "*nope", "&a x", "!!binary AA==",
                  "{ name: a, scenario: b }", "'名字'", "|\n  block", "? complex\n: key"]


def mutations(text: str, count: int, seed: int):
    generator = random.Random(seed)
    lines = text.splitlines()
    for index in range(count):
        kind = index % 6
        if kind == 0:  # a flipped byte
            data = bytearray(text.encode())
            at = generator.randrange(len(data))
            data[at] ^= 1 << generator.randrange(8)
            yield bytes(data)
        elif kind == 1:  # cut anywhere
            yield text.encode()[:generator.randrange(len(text))]
        elif kind == 2:  # a value replaced
            edited = list(lines)
            at = generator.randrange(len(edited))
            head, sep, _ = edited[at].partition(": ")
            edited[at] = f"{head}: {generator.choice(HOSTILE_VALUES)}" if sep else edited[at] + " " + generator.choice(HOSTILE_VALUES)
            yield "\n".join(edited).encode()
        elif kind == 3:  # a line duplicated or removed
            edited = list(lines)
            at = generator.randrange(len(edited))
            edited.insert(at, edited[at]) if generator.random() < 0.5 else edited.pop(at)
            yield "\n".join(edited).encode()
        elif kind == 4:  # indentation shifted
            edited = list(lines)
            at = generator.randrange(len(edited))
            edited[at] = " " * generator.randrange(1, 9) + edited[at]
            yield "\n".join(edited).encode()
        else:  # random bytes spliced in
            data = bytearray(text.encode())
            at = generator.randrange(len(data))
            data[at:at] = bytes(generator.randrange(256) for _ in range(generator.randrange(1, 12)))
            yield bytes(data)


def test_fuzzed_network_files_are_answered_exit_0_or_2_with_located_problems(outletsim, tmp_path, monkeypatch):
    shutil.copytree(REPOSITORY / "scenarios", tmp_path / "scenarios")  # the outlets extend the examples above them
    folder = tmp_path / "scenarios" / "network"
    text = (folder / NETWORK.name).read_text(encoding="utf-8")
    # A small network keeps each valid case fast; the fuzz is in its shape, not its size.
    small = text.split("  - name: south-branch")[0] + "  - name: riverside-hall\n    log: logs/riverside-hall.csv\n    columns: chinese\n"
    monkeypatch.setenv("OUTLETSIM", str(outletsim))
    monkeypatch.chdir(folder)
    cases = list(mutations(small, 320, seed=2026))
    assert len(cases) >= 300
    answers = {0: 0, 2: 0}
    for number, data in enumerate(cases):
        file = folder / "fuzz.yaml"
        file.write_bytes(data)
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                status = cli.main(["plan", str(file), "--workers", "1"])
            except SystemExit as exit:  # argparse only; never for a file's content
                status = exit.code
        assert status in (0, 2), f"case {number}: status {status}\n{data!r}\n{err.getvalue()}"
        answers[status] += 1
        if status == 2:
            lines = [line for line in err.getvalue().splitlines() if line.strip()]
            assert lines, f"case {number}: refused without a word\n{data!r}"
            for line in lines:  # a located problem, or a file's count of them
                assert ": error: " in line or re.search(r": \d+ problems?(;|$)", line), f"case {number}: {line}"
    assert answers[0] > 10 and answers[2] > 100, answers


def test_a_log_without_the_days_asked_for_is_refused_before_any_task(outletsim, tmp_path):
    log = REPOSITORY / "scenarios" / "network" / "logs" / "riverside-hall.csv"
    file = write_network(tmp_path, f"  - {{ name: r, log: {log}, columns: chinese, day_type: sunday }}\n")
    expect_refused(network(outletsim, "plan", file), "riverside-hall.csv: error: the log has no sunday days")


def test_a_task_that_outletsim_refuses_is_returned_not_raised_so_dask_never_retries_it(outletsim, tmp_path):
    from outletsim_network import execution
    from outletsim_network.tasks import Task

    run = Task("x/as-is/run-1", "x", "as-is", "run", ("run", "missing.yaml", "--replications", "2", "--quiet", "--out", "r"), "r")
    result = execution.run_task(run, str(tmp_path), str(outletsim))
    assert result["status"] == "refused" and any("missing.yaml" in line for line in result["messages"]), result
    after = Task("x/as-is/check-1", "x", "as-is", "check", ("check", "r/scenario.yaml", "--json", "c.json"), "c.json", (run.key,))
    assert execution.run_task(after, str(tmp_path), str(outletsim), result)["status"] == "skipped"
    assert not (tmp_path / "r").exists() and not (tmp_path / "c.json").exists()


def test_progress_says_done_of_total_elapsed_and_time_left():
    line = cli.progress_line(10, 40, 3, 20.0)
    assert "10/40 tasks (3 already done)" in line and "20 s elapsed" in line and "about 60 s left" in line
