"""outletsim fit on a realistic branch's messy log (realistic_branch, which
shares no code with OutletSim): the rows a real export has are left out and
counted, the truth lies inside the fit's intervals, the fitted branch
reproduces the log's waits and abandonment overall and per segment, and a
staffing what-if comes true against the branch simulated for real."""
import json
import math
import re
import subprocess

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
    # Corporate customers seldom give up, and only after short waits: the
    # curve is pinned down where they wait, not its far tail (nor its mean).
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
    # Segments with enough customers for a 10% comparison of their own.
    log = {segment: values for segment, values in log.items() if segment in ("all", "regular", "corporate")}
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
