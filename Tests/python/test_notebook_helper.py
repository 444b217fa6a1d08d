"""The notebooks' helper: loading results, running outletsim, variants."""
import pathlib
import sys

import pytest

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2] / "notebooks"))
import outletsim_results as osr  # noqa: E402

REPOSITORY = pathlib.Path(__file__).resolve().parents[2]


def test_load_gives_typed_tables_with_intervals_as_columns(weekday_results):
    results = osr.load(weekday_results)
    assert list(results.intervals.columns) == ["value", "ci_low", "ci_high"]
    assert str(results.intervals["value"].dtype) == "float64"
    p90 = results.metric("intervals", "wait_p90")
    assert list(p90.index)[:2] == ["09:00", "09:30"]
    assert (p90["ci_low"] <= p90["value"]).all()
    assert "对公业务" in results.metric("transactions", "wait_mean").index
    assert results.day.loc["arrivals", "value"] > 400
    assert results.run["replications"] == 8
    # The weekday plan: general 3 -> 4 at 11:30, 3 at 13:30, 4 at 16:00; one VIP window all day.
    assert results.plan.loc["11:00", "general"] == 3 and results.plan.loc["11:30", "general"] == 4
    assert (results.plan["VIP"] == 1).all() and str(results.plan["cash"].dtype) == "int64"
    assert results.summary["scenario"]["plan"]["kiosks"] == {"smart teller": 2, "card kiosk": 1}


def test_run_and_variant_sweep(tmp_path, outletsim, monkeypatch):
    monkeypatch.setenv("OUTLETSIM", str(outletsim))
    base = REPOSITORY / "scenarios" / "bank-branch-saturday.yaml"
    wider = osr.variant(base, tmp_path / "wider.yaml", {"name": "saturday-wider", "windows": {"cash": {"open": 2}}})
    narrow = osr.run(base, out=tmp_path / "narrow", replications=6)
    wide = osr.run(wider, out=tmp_path / "wide", replications=6)
    assert wide.summary["scenario"]["name"] == "saturday-wider"
    # Same seed, same customers: arrivals are identical, and an extra cash window cannot lengthen waits.
    assert wide.day.loc["arrivals", "value"] == narrow.day.loc["arrivals", "value"]
    assert wide.day.loc["wait_mean", "value"] < narrow.day.loc["wait_mean", "value"]


def test_clear_errors_for_a_missing_binary_and_a_failing_run(tmp_path, outletsim, monkeypatch):
    monkeypatch.setenv("OUTLETSIM", str(tmp_path / "no-such-binary"))
    monkeypatch.setattr(osr, "REPOSITORY", tmp_path)
    monkeypatch.setattr(osr.shutil, "which", lambda name: None)
    with pytest.raises(osr.OutletSimNotFound, match="outletsim was not found"):
        osr.run(REPOSITORY / "scenarios" / "bank-branch-saturday.yaml", out=tmp_path / "x")
    monkeypatch.setenv("OUTLETSIM", str(outletsim))
    bad = REPOSITORY / "Tests" / "ScenarioFileTests" / "Fixtures" / "invalid" / "mix-sum.yaml"
    with pytest.raises(osr.OutletSimFailed, match="shares summing to 0.9"):
        osr.run(bad, out=tmp_path / "y")


def test_compare_and_check_give_typed_tables(tmp_path, outletsim, monkeypatch):
    monkeypatch.setenv("OUTLETSIM", str(outletsim))
    base = REPOSITORY / "scenarios" / "bank-branch-saturday.yaml"
    wider = osr.variant(base, tmp_path / "wider.yaml", {"name": "saturday-wider", "windows": {"cash": {"open": 2}}})
    table = osr.compare([base, wider], out=tmp_path / "compare", replications=6)
    assert str(table["significant"].dtype) == "boolean"
    arrivals = table.loc[("day", "", "arrivals", "saturday-wider")]
    assert arrivals["difference"] == 0
    intervals = table.xs(("interval", "wait_p90"), level=("scope", "metric"))
    assert len(intervals.index.get_level_values("interval").unique()) > 4
    # A crushed variant fails its targets: a verdict, not an error.
    crushed = osr.variant(base, tmp_path / "crushed.yaml", {"name": "saturday-crushed", "arrivals": {"scale": 2.5}})
    verdicts = osr.check([base, crushed], out=tmp_path / "check.json", replications=6)
    assert set(verdicts.index.get_level_values("scenario")) == {"bank-branch-saturday", "saturday-crushed"}
    assert (verdicts.loc["bank-branch-saturday", "verdict"] != "fail").all()
    assert (verdicts.loc["saturday-crushed", "verdict"] == "fail").any()
    assert str(verdicts["value"].dtype) == "float64"
