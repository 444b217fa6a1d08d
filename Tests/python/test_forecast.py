"""outletsim forecast against logs with known demand.

The logs come from demand_log_generator, which shares no code with
OutletSim: two years of a branch with a weekly pattern, a trend, pay days,
closed holidays with busy days around them, and gamma day factors. The
forecast must recover each effect inside its interval, beat the seasonal
naive forecasts by a margin, and give prediction intervals that hold as
often as they say on days it has not seen.
"""
import csv
import datetime
import json
import math
import pathlib
import subprocess

import pytest

import demand_log_generator as generator
from report_checks import check_page

REPOSITORY = pathlib.Path(__file__).resolve().parents[2]
# Each effect's true multiplier (against Monday) and its key in forecast.json.
TRUTH = {
    "weekday_tuesday": generator.WEEKDAY[1] / generator.WEEKDAY[0],
    "weekday_wednesday": generator.WEEKDAY[2] / generator.WEEKDAY[0],
    "weekday_thursday": generator.WEEKDAY[3] / generator.WEEKDAY[0],
    "weekday_friday": generator.WEEKDAY[4] / generator.WEEKDAY[0],
    "weekday_saturday": generator.WEEKDAY[5] / generator.WEEKDAY[0],
    "trend_per_year": math.exp(generator.TREND),
    "pay_day": generator.PAY_DAY,
    "before_holiday": generator.BEFORE_HOLIDAY,
    "after_holiday": generator.AFTER_HOLIDAY,
}
# Nine effects judged together: each inside its interval at a family-wise
# 95% (Bonferroni, z = 2.77), so that one unlucky effect in nine does not
# fail a correct model; the interval must also be narrow enough to catch
# a bias of a few percent.
FAMILY_Z = 2.77


def forecast(outletsim, log, out, *options, check=True):
    result = subprocess.run([str(outletsim), "forecast", str(log), "--out", str(out), "--force", *options],
                            capture_output=True, text=True, timeout=600)
    if check:
        assert result.returncode == 0, result.stderr
    return result


@pytest.fixture(scope="module")
def branch(tmp_path_factory):
    folder = tmp_path_factory.mktemp("demand")
    rows, truth = generator.generate(days=730, seed=2027)
    log = folder / "branch.csv"
    generator.write_log(log, rows)
    calendar = folder / "calendar.yaml"
    generator.write_calendar(calendar)
    return {"folder": folder, "log": log, "calendar": calendar, "truth": truth, "rows": rows}


@pytest.fixture(scope="module")
def result(outletsim, branch):
    out = branch["folder"] / "forecast"
    run = forecast(outletsim, branch["log"], out, "--calendar", str(branch["calendar"]), "--backtest-weeks", "52", "--days", "28")
    return {"out": out, "json": json.loads((out / "forecast.json").read_text(encoding="utf-8")), "stdout": run.stdout}


def test_every_effect_is_recovered_inside_its_interval(result):
    effects = {effect["key"]: effect for effect in result["json"]["model"]["effects"]}
    assert set(TRUTH) <= set(effects), f"effects missing: {set(TRUTH) - set(effects)}"
    for key, truth in TRUTH.items():
        effect = effects[key]
        coefficient, error = effect["coefficient"], effect["standard_error"]
        # The 95% interval reported is the coefficient's, on the multiplier scale.
        assert effect["low"] == pytest.approx(math.exp(coefficient - 1.959964 * error), rel=1e-9)
        assert effect["high"] == pytest.approx(math.exp(coefficient + 1.959964 * error), rel=1e-9)
        z = (math.log(truth) - coefficient) / error
        assert abs(z) < FAMILY_Z, f"{key}: truth ×{truth:.3f}, estimate ×{effect['multiplier']:.3f} [{effect['low']:.3f}, {effect['high']:.3f}]"
        # Narrow enough: a weekday or pay-day bias of 5% would be found.
        assert error < (0.035 if effect["days"] >= 40 else 0.06), f"{key}: standard error {error:.3f} is too wide to catch a bias"
    # Holidays are closed in the log, so their own effect cannot be estimated, and the forecast says why.
    left_out = {item["key"]: item["reason"] for item in result["json"]["model"]["effects_left_out"]}
    assert "closed" in left_out["public_holiday"]
    # The day factor: gamma with cv 0.1.
    assert 0.08 < result["json"]["model"]["day_factor_cv"] < 0.12


def test_the_forecast_beats_the_seasonal_naive_forecasts(result):
    backtest = result["json"]["backtest"]
    assert backtest["days_held_out"] >= 280
    daily = backtest["daily_mean_absolute_error"]
    better = min(daily["same_weekday_last_week"], daily["mean_of_last_four_same_weekdays"])
    assert daily["model"] <= 0.8 * better, daily
    assert daily["ratio_to_better_naive"] == pytest.approx(daily["model"] / better)
    assert backtest["beats_naive"] is True
    assert "beats the seasonal naive forecasts" in result["stdout"]
    interval = backtest["interval_mean_absolute_error"]
    assert interval["model"] < min(interval["same_weekday_last_week"], interval["mean_of_last_four_same_weekdays"])


def test_prediction_intervals_hold_as_often_as_they_say(result):
    coverage = result["json"]["backtest"]["coverage"]
    assert 0.92 <= coverage["daily_95"] <= 0.98, coverage
    assert 0.74 <= coverage["daily_80"] <= 0.86, coverage
    assert 0.92 <= coverage["interval_95"] <= 0.98, coverage
    # Recomputed from the days listed, as a reader of forecast.json would.
    days = result["json"]["backtest"]["days"]
    inside = sum(day["low_95"] <= day["actual"] <= day["high_95"] for day in days) / len(days)
    assert inside == pytest.approx(coverage["daily_95"])


def test_the_forecast_days_match_the_truth_and_the_csv_adds_up(result, branch):
    rows = list(csv.DictReader((result["out"] / "forecast.csv").open(encoding="utf-8")))
    by_date = {}
    for row in rows:
        by_date.setdefault(row["date"], []).append(row)
    assert len(by_date) == 28
    holidays = generator.holiday_dates()
    errors = []
    for date, items in by_date.items():
        day = datetime.date.fromisoformat(date)
        truth = generator.expected(day, holidays=holidays)
        total = next(item for item in items if item["interval"] == "day")
        if truth == 0:
            assert total["open"] == "false" and len(items) == 1, f"{date} should be closed"
            continue
        assert total["open"] == "true", f"{date} should be open"
        mean = float(total["mean"])
        errors.append(abs(mean - truth) / truth)
        intervals = [item for item in items if item["interval"] != "day" and item["segment"] == "all"]
        segments = [item for item in items if item["interval"] != "day" and item["segment"] != "all"]
        assert len(intervals) == 16 and len(segments) == 32
        assert sum(float(item["mean"]) for item in intervals) == pytest.approx(mean, rel=1e-9)
        assert sum(float(item["mean"]) for item in segments) == pytest.approx(mean, rel=1e-9)
        for item in items:
            low95, low80, high80, high95 = (int(item[key]) for key in ("low_95", "low_80", "high_80", "high_95"))
            assert low95 <= low80 <= float(item["mean"]) + 1 and float(item["mean"]) - 1 <= high80 <= high95
        # The truth's VIP share, 15%, in the forecast's segments.
        vip = sum(float(item["mean"]) for item in segments if item["segment"] == "VIP")
        assert vip / mean == pytest.approx(generator.VIP_SHARE, abs=0.01)
    # Two years of history: the level is known to a few percent.
    assert sum(errors) / len(errors) < 0.04, errors


def test_the_report_reads_in_chromium(result):
    dom = check_page(result["out"] / "report.html", "forecast")
    assert "beats the seasonal naive forecasts" in dom
    assert "pay day" in dom and "Backtest" in dom


def test_scenario_variants_carry_the_forecast_and_run(outletsim, branch, tmp_path):
    scenario = REPOSITORY / "scenarios" / "bank-branch-weekday.yaml"
    out = tmp_path / "variants"
    forecast(outletsim, branch["log"], out, "--calendar", str(branch["calendar"]), "--scenario", str(scenario), "--days", "7",
             "--backtest-weeks", "1", "--quiet")
    variants = sorted(out.glob("scenario-*.yaml"))
    summary = json.loads((out / "forecast.json").read_text(encoding="utf-8"))
    open_days = [day for day in summary["forecast"] if day["open"]]
    assert len(variants) == len(open_days) == 5  # 1 January and a Sunday are closed
    for variant in variants:
        check = subprocess.run([str(outletsim), "validate", str(variant)], capture_output=True, text=True)
        assert check.returncode == 0, check.stdout + check.stderr
    # The rates of a day's variant are its forecast, per hour, with its uncertainty as the day factor.
    day = open_days[1]
    text = (out / f"scenario-{day['date']}.yaml").read_text(encoding="utf-8")
    assert "extends:" in text and "day_factor: \"gamma(mean=1, cv=" in text
    rates = [[float(x) for x in line.split("[", 1)[1].rstrip("]").split(",")] for line in text.splitlines() if "arrivals_per_hour" in line]
    per_day = sum(sum(segment) for segment in rates) * 0.5
    assert per_day == pytest.approx(day["mean"], rel=0.01)
    cv = float(text.split("cv=", 1)[1].split(")", 1)[0])
    assert cv == pytest.approx(day["day_factor_cv"], abs=1e-4)
    run = subprocess.run([str(outletsim), "run", str(variants[0]), "--replications", "20", "--quiet", "--out", str(tmp_path / "run")],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    # Per day type: one weekday and one Saturday variant over the days.
    per_type = tmp_path / "per-type"
    forecast(outletsim, branch["log"], per_type, "--calendar", str(branch["calendar"]), "--scenario", str(scenario), "--days", "14",
             "--backtest-weeks", "1", "--per-day-type", "--quiet")
    assert sorted(path.name for path in per_type.glob("scenario-*.yaml")) == ["scenario-saturday.yaml", "scenario-weekday.yaml"]


def test_today_is_updated_from_its_morning(outletsim, branch, tmp_path):
    # The last day of a longer log, cut at 11:00.
    rows, truth = generator.generate(days=733, seed=2027)
    last = rows[-1][0]
    assert datetime.date.fromisoformat(last).weekday() == 0
    morning = [(date, row) for date, row in rows if date != last or row["issued"] < 660]
    log = tmp_path / "today.csv"
    generator.write_log(log, morning)
    # A thin branch: one general and one cash window, so some afternoon interval misses its target.
    thin = tmp_path / "thin.yaml"
    thin.write_text(f"extends: {REPOSITORY / 'scenarios' / 'bank-branch-weekday.yaml'}\nname: thin\n"
                    "windows:\n  general: { open: 1 }\n  cash: { open: 1 }\n", encoding="utf-8")
    out = tmp_path / "today"
    run = forecast(outletsim, log, out, "--calendar", str(branch["calendar"]), "--as-of", f"{last}T11:00", "--days", "1",
                   "--scenario", str(thin), "--backtest-weeks", "2", "--replications", "40")
    summary = json.loads((out / "forecast.json").read_text(encoding="utf-8"))
    today = summary["today"]
    seen = sum(1 for date, row in morning if date == last)
    assert today["seen"] == seen
    # The conjugate update: the factor is (k + N)/(k + m), k the day's gamma shape.
    shape = 1 / summary["forecast"][0]["day_factor_cv"] ** 2
    assert today["factor"] == pytest.approx((shape + seen) / (shape + today["expected_so_far"]), rel=1e-9)
    actual_rest = truth[-1]["count"] - seen
    rows_today = list(csv.DictReader((out / "forecast.csv").open(encoding="utf-8")))
    total = next(row for row in rows_today if row["interval"] == "day")
    assert int(total["seen"]) == seen
    assert int(total["low_95"]) - seen <= actual_rest <= int(total["high_95"]) - seen
    # Intervals already past carry exactly what was seen.
    past = [row for row in rows_today if row["segment"] == "all" and row["interval"] not in ("day",) and row["interval"] < "11:00"]
    assert all(float(row["mean"]) == int(row["seen"]) == int(row["low_95"]) == int(row["high_95"]) for row in past)
    calls = today["flexible_window_calls"]
    assert calls["judged_by_interval_targets"] and calls["intervals"], calls
    assert all(interval >= "11:00" for interval in calls["intervals"])
    assert "call for a flexible window" in run.stdout
    check_page(out / "report.html", "forecast-today")


def test_bad_rows_are_left_out_and_counted(outletsim, branch, tmp_path):
    lines = branch["log"].read_text(encoding="utf-8").splitlines()
    bad = lines[:]
    bad[10] = bad[10].replace("served", "exploded")
    bad[20] = ",".join(field if index != 2 else "27:99:00" for index, field in enumerate(bad[20].split(",")))
    log = tmp_path / "messy.csv"
    log.write_text("\n".join(bad) + "\n", encoding="utf-8")
    out = tmp_path / "messy"
    run = forecast(outletsim, log, out, "--calendar", str(branch["calendar"]), "--backtest-weeks", "1", "--days", "3")
    summary = json.loads((out / "forecast.json").read_text(encoding="utf-8"))
    assert summary["log"]["rows_left_out"] == 2
    assert sorted(row["line"] for row in summary["log"]["left_out_rows"]) == [11, 21]
    assert "2 of" in run.stdout and "rows left out" in run.stdout


@pytest.mark.parametrize("arguments, message", [
    (["--from", "2026-13-01"], "--from must be a date"),
    (["--days", "0"], "--days must be from 1 to 366"),
    (["--as-of", "2026-05-01T25:00"], "--as-of must be a date and time"),
    (["--as-of", "2030-01-07T11:00"], "has no tickets in the log"),
    (["--per-day-type"], "needs --scenario"),
    (["--backtest-weeks", "1000"], "--backtest-weeks must be from 1 to 104"),
])
def test_bad_options_get_a_clear_answer(outletsim, branch, tmp_path, arguments, message):
    run = forecast(outletsim, branch["log"], tmp_path / "never", *arguments, check=False)
    assert run.returncode == 2, run.stderr
    assert message in run.stderr
    assert not (tmp_path / "never").exists()


def test_a_bad_calendar_is_located(outletsim, branch, tmp_path):
    calendar = tmp_path / "calendar.yaml"
    calendar.write_text("pay_days: [10, 45]\nholidays:\n  - { date: 2026-02-30 }\nmonth_end_day: 2\n", encoding="utf-8")
    run = forecast(outletsim, branch["log"], tmp_path / "never", "--calendar", str(calendar), check=False)
    assert run.returncode == 2
    assert f"{calendar}:1:" in run.stderr and "pay_days[1]" in run.stderr and "45" in run.stderr
    assert f"{calendar}:3:" in run.stderr and "holidays[0].date" in run.stderr
    assert f"{calendar}:4:" in run.stderr and "did you mean 'month_end_days'" in run.stderr
    assert not (tmp_path / "never").exists()


def test_a_log_too_short_to_forecast_from_is_refused(outletsim, tmp_path):
    rows, _ = generator.generate(days=10, seed=3)
    log = tmp_path / "short.csv"
    generator.write_log(log, rows)
    run = forecast(outletsim, log, tmp_path / "never", check=False)
    assert run.returncode == 2 and "needs at least 14" in run.stderr, run.stderr
    assert not (tmp_path / "never").exists()


def test_a_log_of_bookings_alone_is_refused(outletsim, tmp_path):
    """Bookings are planned, not forecast: a log with no walk-in ticket has nothing to forecast from."""
    log = tmp_path / "bookings.csv"
    log.write_text("ticket,date,issued,called,service_start,service_end,window,transaction,segment,outcome,appointment\n"
                   + "".join(f"B{day},2026-01-{day:02d},10:00,10:02,10:02,10:20,1,开户,VIP,served,10:00\n" for day in range(5, 31)),
                   encoding="utf-8")
    run = forecast(outletsim, log, tmp_path / "never", check=False)
    assert run.returncode == 2 and "0 day(s) with walk-in tickets" in run.stderr, run.stderr
    assert not (tmp_path / "never").exists()
