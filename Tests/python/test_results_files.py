"""The results CSV files load in pandas with no options, names intact."""
import json
import subprocess

import pandas as pd
import pytest

from conftest import REPOSITORY


def test_every_table_loads_with_no_options(weekday_results):
    expected = {
        "intervals.csv": ["interval", "start", "end", "metric", "value", "ci_low", "ci_high"],
        "segments.csv": ["segment", "metric", "value", "ci_low", "ci_high"],
        "transactions.csv": ["transaction", "metric", "value", "ci_low", "ci_high"],
        "window_groups.csv": ["window_group", "interval", "metric", "value", "ci_low", "ci_high"],
        "resources.csv": ["resource", "kind", "metric", "value", "ci_low", "ci_high"],
    }
    for name, columns in expected.items():
        table = pd.read_csv(weekday_results / name)
        assert list(table.columns) == columns, name
        assert len(table) > 0, name
        assert pd.api.types.is_float_dtype(table["value"]), name


def test_targets_csv_holds_the_verdicts_check_gives(outletsim, weekday_results, tmp_path):
    """targets.csv judges every declared target as check does, on the same days."""
    targets = pd.read_csv(weekday_results / "targets.csv")
    assert list(targets.columns) == ["target", "metric", "per_interval", "interval", "verdict", "value", "ci_low", "ci_high",
                                     "at_least", "at_most", "unit", "bound_text"]
    # The value's unit and the bound as the terminal shows them: one name, one unit everywhere.
    shares = targets[targets.metric.str.startswith("share_")]
    assert len(shares) and (shares.unit == "share").all() and shares.bound_text.str.endswith("%").all()
    waits = targets[targets.metric == "wait_p90"]
    assert len(waits) and (waits.unit == "minutes").all() and waits.bound_text.str.endswith(" min").all()
    report = tmp_path / "check.json"
    subprocess.run([str(outletsim), "check", str(REPOSITORY / "scenarios" / "bank-branch-weekday.yaml"), "--replications", "8",
                    "--json", str(report)], capture_output=True)
    checked = json.loads(report.read_text(encoding="utf-8"))["scenarios"][0]["targets"]
    assert list(targets.target) == [t["name"] for t in checked]
    assert list(targets.verdict) == [t["verdict"] for t in checked]
    assert list(targets.value) == pytest.approx([t["value"] for t in checked], rel=1e-12)


def test_names_and_values_reach_pandas_unchanged(weekday_results):
    transactions = pd.read_csv(weekday_results / "transactions.csv")
    assert {"取款", "对公业务"} <= set(transactions["transaction"])
    waits = transactions[transactions.metric == "wait_mean"].set_index("transaction")
    summary = json.loads((weekday_results / "summary.json").read_text(encoding="utf-8"))
    by_name = {entry["name"]: entry["metrics"] for entry in summary["transactions"]}
    assert abs(waits.loc["对公业务", "value"] - by_name["对公业务"]["wait_mean"]["mean"]) < 1e-9
    assert (waits["ci_low"] <= waits["value"]).all() and (waits["value"] <= waits["ci_high"]).all()


def test_interval_table_has_the_erlang_estimate_beside_the_simulation(weekday_results):
    intervals = pd.read_csv(weekday_results / "intervals.csv")
    erlang = intervals[intervals.metric == "erlang_wait_mean"]
    simulated = intervals[intervals.metric == "wait_mean"]
    assert len(erlang) == intervals["interval"].nunique()
    assert erlang["ci_low"].isna().all()
    assert len(simulated) == intervals["interval"].nunique()


def test_cost_breakdown_adds_up(weekday_results):
    import json

    day = json.loads((weekday_results / "summary.json").read_text(encoding="utf-8"))["day"]
    parts = ["cost_windows", "cost_greeters", "cost_guides", "cost_overtime_premium", "cost_kiosks", "cost_seats",
             "cost_lost_customers"]
    assert abs(sum(day[name]["mean"] for name in parts) - day["cost"]["mean"]) < 1e-6 * day["cost"]["mean"]
    assert day["cost_kiosks"]["mean"] == 3 * 150 and day["cost_seats"]["mean"] == 24 * 2
