"""outletsim fit on a realistic branch's messy log (realistic_branch, which
shares no code with OutletSim): the rows a real export has are left out and
counted, the truth lies inside the fit's intervals, the fitted branch
reproduces the log's waits and abandonment overall and per segment, and a
staffing what-if comes true against the branch simulated for real."""
import datetime
import json
import math
import re
import signal
import subprocess
import time

import numpy as np
import pytest

import queue_log_generator
import realistic_branch as branch

DAYS, SEED = 250, 7  # a year: the corporate segment's own mean wait is then known to about 4%


def run(outletsim, *arguments, timeout=600):
    result = subprocess.run([str(outletsim), *map(str, arguments)], capture_output=True, text=True, timeout=timeout)
    assert result.returncode == 0, result.stderr
    return result


@pytest.fixture(scope="module")
def realistic(outletsim, tmp_path_factory):
    folder = tmp_path_factory.mktemp("realistic")
    rows = branch.generate(days=DAYS, seed=SEED)
    branch.write_log(folder / "branch.csv", rows)
    expected = queue_log_generator.messy_rows(folder / "branch.csv")
    out = folder / "fit"
    terminal = run(outletsim, "fit", folder / "branch.csv", "--day-type", "weekday", "--out", out, "--validation-days", "200").stdout
    result = json.loads((out / "fit.json").read_text(encoding="utf-8"))
    return folder, rows, expected, result, terminal


def inside(estimate, truth):
    return estimate["low"] <= truth <= estimate["high"]


def test_messy_rows_are_left_out_counted_and_named(realistic):
    _, _, expected, result, terminal = realistic
    left_out = result["left_out"]
    assert left_out["by_reason"] == {reason: count for reason, count in expected.items() if count}
    assert left_out["rows_left_out"] == sum(expected.values()) == len(left_out["rows"])
    assert all(re.match(r".*branch\.csv:\d+:\d+: error: ", row["message"]) for row in left_out["rows"])
    assert f"Left out {sum(expected.values())} of" in terminal and "conflicting_duplicate" in terminal
    assert left_out["segments_over_biasing_share"] == {}


def test_the_truth_is_inside_the_intervals(realistic):
    _, _, _, result, _ = realistic
    for transaction, (family, mean, sd) in branch.SERVICE.items():
        service = result["service_times"][transaction]
        assert inside(service["mean_minutes"], mean), (transaction, service["mean_minutes"])
        assert inside(service["sd_minutes"], sd), (transaction, service["sd_minutes"])
    walk = result["walk_to_window"]
    assert abs(walk["mean_minutes"]["value"] - branch.WALK[0]) < 0.02, walk
    # Regular customers give up often enough to pin their lognormal patience down.
    regular = result["patience"]["regular"]
    assert regular["chosen"] == "lognormal", regular["candidates"]
    assert inside(regular["mean_minutes"], branch.patience_mean("regular")), regular["mean_minutes"]
    assert regular["mean_minutes"]["high"] - regular["mean_minutes"]["low"] < 0.2 * branch.patience_mean("regular")
    # VIP and corporate customers seldom give up, and only after short waits:
    # the shape of the far tail is uncertain, and the mean's interval spans
    # every family the data support.
    for segment in ("VIP", "corporate"):
        assert inside(result["patience"][segment]["mean_minutes"], branch.patience_mean(segment)), result["patience"][segment]
    corporate = result["patience"]["corporate"]
    shape, scale = branch.PATIENCE["corporate"][1:]
    # The nonparametric curve's simultaneous band holds the true Weibull curve.
    steps = [point for point in corporate["survival"] if point["minutes"] > 0]
    assert len(steps) >= 3
    for point in steps:
        truth = math.exp(-((point["minutes"] / scale) ** shape))
        assert point["low"] - 1e-9 <= truth <= point["high"] + 1e-9, (point, truth)
    # Every kind of leaver is counted: in-app cancels (timed), no-shows at the call, purged tickets.
    kinds = regular["left_uncalled"]
    assert kinds["leave_time_known"] > 500 and regular["left_before_call"] > 1000
    groups = {tuple(group["segments"]): group for group in result["windows"]}
    corporate = groups[("corporate",)]
    assert all(abs(value - 1) < 0.05 for value in corporate["open_per_interval"]), corporate  # idle, not closed
    general = groups[("regular", "VIP")]
    starts = [540 + 30 * k for k in range(16)]
    assert [round(v) for v in general["open_per_interval"]] == [branch.general_open(t) for t in starts]


def model_figures(outletsim, scenario, out, days=400):
    run(outletsim, "run", scenario, "--replications", days, "--quiet", "--force", "--out", out)
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    figures = {"all": {name: summary["day"][name]["mean"] for name in ("wait_mean", "wait_p90", "share_abandoned")}}
    for segment in summary["segments"]:
        figures[segment["name"]] = {name: segment["metrics"][name]["mean"] for name in ("wait_mean", "wait_p90", "share_abandoned")}
    return figures


def assert_within(model, log, tolerance, what):
    misses = []
    for segment, values in log.items():
        for name, value in values.items():
            # Waits within 10%, or 0.2 minutes where they are short; shares within 10% or 1 point.
            slack = max(tolerance * value, 0.01 if name.startswith("share") else 0.2)
            if abs(model[segment][name] - value) > slack:
                misses.append(f"{what} {segment} {name}: model {model[segment][name]:.3f}, branch {value:.3f}")
    assert not misses, misses


def test_the_fitted_branch_reproduces_the_log(outletsim, realistic):
    folder, rows, _, _, _ = realistic
    log = branch.figures(rows)
    # Every segment; VIP waits and abandonment are small, so their slack (0.2 minutes, 1 point) is what counts there.
    model = model_figures(outletsim, folder / "fit" / "scenario.yaml", folder / "model")
    assert_within(model, log, 0.10, "fit")


def test_a_staffing_what_if_comes_true(outletsim, realistic):
    """One general window fewer all day, in the branch and in the fitted scenario."""
    folder, rows, _, _, _ = realistic
    truth = branch.figures(branch.generate(days=DAYS, seed=SEED + 1, fewer=1))
    truth = {segment: values for segment, values in truth.items() if segment in ("all", "regular")}
    scenario = (folder / "fit" / "scenario.yaml").read_text(encoding="utf-8")

    def fewer(match):
        steps = re.findall(r'("\d\d:\d\d"): (\d+)', match.group(2))
        return match.group(1) + "{ " + ", ".join(f"{time}: {max(int(count) - 1, 1)}" for time, count in steps) + " }"
    # The general group is the one serving regular and VIP customers; its open schedule loses a window.
    general = re.compile(r'(segments: \["regular", "VIP"\]\n    open: )(\{[^}]*\})')
    assert general.search(scenario), scenario
    what_if = folder / "what-if.yaml"
    what_if.write_text(general.sub(fewer, scenario), encoding="utf-8")
    model = model_figures(outletsim, what_if, folder / "what-if")
    assert_within(model, truth, 0.10, "what-if")
    # The what-if is a real change: waits grow well beyond today's.
    assert model["all"]["wait_mean"] > 1.3 * branch.figures(rows)["all"]["wait_mean"]


def test_a_day_type_fits_with_the_segments_that_come_on_it(outletsim, realistic):
    folder, _, _, _, _ = realistic
    out = folder / "saturday"
    run(outletsim, "fit", folder / "branch.csv", "--day-type", "saturday", "--out", out, "--validation-days", "50")
    result = json.loads((out / "fit.json").read_text(encoding="utf-8"))
    assert set(result["patience"]) == {"regular", "VIP"}  # no corporate customers on Saturdays
    assert "对公业务" not in result["service_times"]
    assert result["closes"] == "13:00"
    run(outletsim, "validate", out / "scenario.yaml")


def test_a_one_day_log_fits_with_a_warning_and_no_spurious_differences(outletsim, tmp_path):
    rows = [(date, c) for date, c in branch.generate(days=1, seed=3)]
    branch.write_log(tmp_path / "one.csv", rows)
    terminal = run(outletsim, "fit", tmp_path / "one.csv", "--out", tmp_path / "fit", "--validation-days", "20").stdout
    assert "day-to-day variation cannot be measured" in terminal
    result = json.loads((tmp_path / "fit" / "fit.json").read_text(encoding="utf-8"))
    assert not any(c["differs"] for c in result["back_validation"]["comparisons"])
    assert result["back_validation"]["judged"] == 0


def test_names_a_scenario_cannot_hold_are_left_out_and_the_rest_reads_back(outletsim, tmp_path):
    rows = branch.generate(days=3, seed=5)
    rows[3][1]["transaction"] = "x" * 1022
    rows[5][1]["transaction"] = "cash\u2028transfer"
    rows[6][1]["segment"] = 'regular "quoted" # not a comment'
    branch.write_log(tmp_path / "names.csv", rows)
    out = tmp_path / "fit"
    run(outletsim, "fit", tmp_path / "names.csv", "--out", out, "--validation-days", "10")
    result = json.loads((out / "fit.json").read_text(encoding="utf-8"))
    assert result["left_out"]["by_reason"] == {"unusable_name": 1}
    assert "cash\u2028transfer" in result["service_times"]
    assert 'regular "quoted" # not a comment' in result["patience"]
    run(outletsim, "validate", out / "scenario.yaml")


def test_times_rounded_to_the_minute_fit(outletsim, tmp_path):
    rows = branch.generate(days=40, seed=9)
    branch.write_log(tmp_path / "minutes.csv", rows)
    queue_log_generator.messy_rows(tmp_path / "minutes.csv", round_to_minute=True)
    result = run(outletsim, "fit", tmp_path / "minutes.csv", "--day-type", "weekday", "--out", tmp_path / "fit", "--validation-days", "50")
    fitted = json.loads((tmp_path / "fit" / "fit.json").read_text(encoding="utf-8"))
    for transaction, (_, mean, _) in branch.SERVICE.items():
        # Whole minutes move each service by under a minute either way, and the mean hardly at all.
        assert abs(fitted["service_times"][transaction]["mean_minutes"]["value"] - mean) < 0.1 * mean, transaction
    assert "Back-validation" in result.stdout


def test_sigint_stops_a_large_fit_within_a_second(outletsim, tmp_path):
    rows = branch.generate(days=60, seed=13, scale=2.5)
    branch.write_log(tmp_path / "one.csv", rows)
    with open(tmp_path / "one.csv", encoding="utf-8") as handle:
        header, *body = handle.read().splitlines()
    with open(tmp_path / "large.csv", "w", encoding="utf-8") as handle:
        handle.write(header + "\n")
        for copy in range(8):  # each copy 60 weeks later: about 300,000 rows
            for line in body:
                fields = line.split(",")
                fields[1] = (datetime.date.fromisoformat(fields[1]) + datetime.timedelta(weeks=60 * copy)).isoformat()
                handle.write(",".join(fields) + "\n")
    for delay in (0.3, 1.5, 3.0):
        out = tmp_path / f"out-{delay}"
        process = subprocess.Popen([str(outletsim), "fit", str(tmp_path / "large.csv"), "--out", str(out), "--quiet"],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        time.sleep(delay)
        stopped = time.monotonic()
        process.send_signal(signal.SIGINT)
        process.wait(timeout=30)
        waited = time.monotonic() - stopped
        if process.returncode == 0:
            continue  # it finished before the signal: nothing to stop
        assert process.returncode == 130, process.stderr.read()
        assert waited < 1.0, (delay, waited)
        assert not out.exists()


def test_a_sign_in_log_gives_the_windows_open(outletsim, realistic, tmp_path):
    """Where the branch exports its window sign-ins, the open time comes from them, not from the calls."""
    folder, rows, _, _, _ = realistic
    branch.write_sessions(tmp_path / "sessions.csv", rows)
    out = tmp_path / "fit"
    terminal = run(outletsim, "fit", folder / "branch.csv", "--day-type", "weekday", "--sessions", tmp_path / "sessions.csv",
                   "--out", out, "--validation-days", "50").stdout
    result = json.loads((out / "fit.json").read_text(encoding="utf-8"))
    assert len(result["sessions"]["left_out"]) == 1 and "25:99" in result["sessions"]["left_out"][0]
    assert "sign-in log" in terminal
    starts = [540 + 30 * k for k in range(16)]
    groups = {tuple(group["segments"]): group for group in result["windows"]}
    assert groups[("corporate",)]["open_per_interval"] == [1] * 16
    assert groups[("regular", "VIP")]["open_per_interval"] == [branch.general_open(t) for t in starts]


def test_strict_refuses_and_counts_every_messy_row(outletsim, realistic):
    folder, _, expected, _, _ = realistic
    result = subprocess.run([str(outletsim), "fit", str(folder / "branch.csv"), "--strict", "--out", str(folder / "strict")],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    # Test tickets are not messy rows: --strict refuses for the others, every one counted.
    count = sum(expected.values()) - expected["test_ticket"]
    assert f"branch.csv: {count} problems; the first 100 are shown" in result.stderr, result.stderr[-500:]
    assert not (folder / "strict").exists()
