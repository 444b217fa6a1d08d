"""outletsim fit against logs with known truth.

The logs come from queue_log_generator, which shares no code with
OutletSim; the truth must fall inside the fit's 95% intervals, and the
intervals must be narrow enough that a biased estimator would miss it.
"""
import json
import pathlib
import subprocess

import pytest

import queue_log_generator as generator
from report_checks import check_page
from test_report_in_browser import run_chromium

INTERVALS = [540 + 30 * k for k in range(16)]


def fit(outletsim, log, out, *options):
    result = subprocess.run([str(outletsim), "fit", str(log), "--out", str(out), "--quiet", *options],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    return json.loads((out / "fit.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def logs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("logs")
    rows = generator.generate(days=40, seed=2026)
    generator.write_log(folder / "branch.csv", rows)
    generator.write_log(folder / "branch-zh.csv", rows, chinese=True)
    return folder


@pytest.fixture(scope="module")
def fitted(outletsim, logs):
    out = logs / "fit"
    return out, fit(outletsim, logs / "branch.csv", out, "--validation-days", "200")


def inside(estimate, truth):
    return estimate["low"] <= truth <= estimate["high"]


def test_arrival_rates_per_interval_and_segment_hold_the_truth(fitted):
    _, result = fitted
    assert result["intervals"] == [f"{m // 60:02d}:{m % 60:02d}" for m in INTERVALS]
    covered, cells = 0, 0
    for segment in ("regular", "VIP"):
        for start, row in zip(INTERVALS, result["arrivals"]["per_segment"][segment]):
            truth = generator.rate(segment, start)
            covered += inside(row["rate"], truth)
            cells += 1
            if segment == "regular":  # about 400 tickets a cell: a 20% bias cannot hide
                assert row["rate"]["high"] - row["rate"]["low"] < 0.4 * truth
    # 95% intervals: 32 cells miss about 1.6 on average; more than 4 is a 2% event.
    assert covered >= cells - 4, f"{covered} of {cells}"
    assert result["arrivals"]["dispersion"]["more_than_poisson"] is False


def test_service_time_families_and_moments_are_recovered(fitted):
    _, result = fitted
    for transaction, (family, mean, sd) in generator.SERVICE.items():
        service = result["service_times"][transaction]
        assert service["chosen"] == family, service["candidates"]
        assert inside(service["mean_minutes"], mean), service["mean_minutes"]
        assert inside(service["sd_minutes"], sd), service["sd_minutes"]
        assert service["mean_minutes"]["high"] - service["mean_minutes"]["low"] < 0.1 * mean
        assert service["kolmogorov_smirnov"]["p_value"] > 0.01


def test_censored_patience_holds_the_truth(fitted):
    _, result = fitted
    for segment, truth in generator.PATIENCE.items():
        patience = result["patience"][segment]
        assert patience["left_before_call"] > 10
        assert inside(patience["mean_minutes"], truth), (segment, patience["mean_minutes"])
    regular = result["patience"]["regular"]["mean_minutes"]
    assert regular["high"] - regular["low"] < 0.5 * generator.PATIENCE["regular"]
    survival = [point["survival"] for point in result["patience"]["regular"]["survival"]]
    assert survival == sorted(survival, reverse=True) and survival[0] == 1


def test_mix_shares_priority_and_windows(fitted):
    out, result = fitted
    per_day = {segment: sum(generator.rate(segment, start) * 0.5 for start in INTERVALS) for segment in ("regular", "VIP")}
    assert inside(result["arrivals"]["segment_shares"]["VIP"], per_day["VIP"] / sum(per_day.values()))
    for segment, mix in generator.MIX.items():
        for transaction, share in mix.items():
            assert inside(result["mix"][segment][transaction], share), (segment, transaction)
    assert result["calling"]["priorities"] == {"regular": 0, "VIP": 1}
    [group] = result["windows"]
    assert sorted(group["windows"]) == generator.WINDOWS
    opened = [round(value) for value in group["open_per_interval"]]
    assert opened == [generator.windows_open(start) for start in INTERVALS]
    scenario = (out / "scenario.yaml").read_text(encoding="utf-8")
    assert "priority: 1" in scenario and "lognormal(" in scenario and "gamma(" in scenario


def test_the_model_reproduces_the_branch(fitted):
    _, result = fitted
    comparisons = result["back_validation"]["comparisons"]
    # The day, each of the 2 segments and each interval, 3 quantities each; 20% of 40 days is too few to hold out.
    assert len(comparisons) == 3 * (1 + 2 + len(INTERVALS))
    assert result["back_validation"]["held_out"] is False and len(result["back_validation"]["log_days"]) == 40
    differ = [c for c in comparisons if c["differs"]]
    # Each comparison differs by chance about 1 time in 20 when the model is right.
    assert len(differ) <= 6, differ


def test_chinese_headers_give_the_same_fit(outletsim, logs, fitted):
    _, canonical = fitted
    chinese = fit(outletsim, logs / "branch-zh.csv", logs / "fit-zh", "--columns", "chinese", "--validation-days", "200")
    canonical = dict(canonical, log=None)
    chinese = dict(chinese, log=None)
    assert json.dumps(canonical, sort_keys=True) == json.dumps(chinese, sort_keys=True)


def test_fitted_scenario_is_valid_and_runs(outletsim, fitted):
    out, _ = fitted
    result = subprocess.run([str(outletsim), "validate", str(out / "scenario.yaml")], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_report_shows_what_an_analyst_checks(fitted):
    out, _ = fitted
    dom = run_chromium("--dump-dom", (out / "report.html").as_uri()).stdout
    for title in ("Walk-in tickets per hour by segment", "Service time: cash", "Q-Q plot: cash against the fitted lognormal",
                  "Service time: 开户", "Q-Q plot: 开户 against the fitted gamma", "Patience: regular", "Patience: VIP",
                  "Windows open per interval (as observed)", "Back-validation: mean wait (min)",
                  "Back-validation: 90th percentile of the wait (min)", "Back-validation: share who gave up",
                  "Does the model reproduce the branch?"):
        assert title in dom, title
    assert dom.count("<svg") == 11  # arrivals, 2 × (histogram, Q-Q), 2 patience, windows, 3 back-validation
    assert "<script" not in dom
    check_page(out / "report.html", "fit-report")


def test_bookings_give_no_show_and_lateness(outletsim, tmp_path):
    log = tmp_path / "booked.csv"
    generator.write_log(log, generator.generate(days=60, seed=7, bookings=True))
    result = fit(outletsim, log, tmp_path / "fit", "--validation-days", "50")
    appointments = result["appointments"]
    assert appointments["bookings"] == 60 * len(generator.BOOKED_SLOTS)
    assert inside(appointments["no_show"], generator.BOOKED_NO_SHOW), appointments
    assert inside(appointments["lateness_minutes"], generator.BOOKED_LATENESS[0]), appointments
    assert abs(appointments["lateness_sd_minutes"] - generator.BOOKED_LATENESS[1]) < 1.0
    scenario = (tmp_path / "fit" / "scenario.yaml").read_text(encoding="utf-8")
    assert "appointments:" in scenario and "lateness: normal(" in scenario


KNOWN_SCENARIO = """
name: round-trip
outlet: { opens: "08:00", closes: "16:00", interval_minutes: 60 }
transactions:
  quick: { counter_service: "gamma(mean=3, sd=1.5)" }
  long: { counter_service: "lognormal(mean=10, sd=4)" }
segments:
  walk-in:
    arrivals_per_hour: { "08:00": 24, "11:00": 40, "13:00": 28 }
    mix: { quick: 0.6, long: 0.4 }
    patience: exponential(mean=15)
waiting_zone: { seats: 1000 }
windows:
  all: { transactions: all, open: { "08:00": 3, "11:00": 5, "13:00": 4 } }
"""


def test_round_trip_a_known_scenario_through_its_log(outletsim, tmp_path):
    """A scenario → run --queue-log → fit: its parameters come back inside their intervals."""
    scenario = tmp_path / "known.yaml"
    scenario.write_text(KNOWN_SCENARIO, encoding="utf-8")
    run = tmp_path / "run"
    subprocess.run([str(outletsim), "run", str(scenario), "--replications", "60", "--queue-log", "--quiet", "--out", str(run)],
                   check=True, timeout=300)
    result = fit(outletsim, run / "queue-log.csv", tmp_path / "fit", "--interval-minutes", "60", "--opens", "08:00",
                 "--closes", "16:00", "--validation-days", "100")
    assert result["service_times"]["quick"]["chosen"] == "gamma"
    assert inside(result["service_times"]["quick"]["mean_minutes"], 3)
    assert inside(result["service_times"]["long"]["mean_minutes"], 10)
    assert inside(result["patience"]["walk-in"]["mean_minutes"], 15)
    truth = {8: 24, 9: 24, 10: 24, 11: 40, 12: 40, 13: 28, 14: 28, 15: 28}
    rates = result["arrivals"]["per_segment"]["walk-in"]
    covered = sum(inside(row["rate"], truth[int(row["interval"][:2])]) for row in rates)
    assert covered >= 7, rates
    [group] = result["windows"]
    assert [round(v) for v in group["open_per_interval"]] == [3, 3, 3, 5, 5, 4, 4, 4]


@pytest.mark.parametrize("content, expected", [
    ("issued,transaction,outcome\n09:00,cash,served\n", "log.csv:2:1: error: issued: found '09:00' with no date"),
    ("ticket,date,issued,transaction,outcome\n1,2026-03-02,09:00,cash,served\n", "nothing for a served ticket"),
    ("ticket,date,issued,transaction,outcome\n1,2026-03-02,9h30,cash,no_show\n", "log.csv:2:14: error: issued: found '9h30'"),
    ("ticket,date,issued,transaction,outcome\n1,2026-03-02,09:30,cash,gone\n", "log.csv:2:25: error: outcome: found 'gone'"),
    ("ticket,date,time,transaction,outcome\n", "no column 'issued'"),
    ("", "an empty file"),
    ("ticket,date,issued,called,transaction,outcome\n1,2026-03-02,09:30,09:10,cash,no_show\n", "before the ticket was issued"),
    ("ticket,date,issued,transaction,outcome\n1,2026-02-30,09:30,cash,no_show\n", "a date YYYY-MM-DD"),
    ('ticket,issued,transaction,outcome\n"1,09:30,cash,no_show\n', "a quote that is never closed"),
])
def test_a_bad_log_is_refused_with_its_place(outletsim, tmp_path, content, expected):
    log = tmp_path / "log.csv"
    log.write_text(content, encoding="utf-8")
    out = tmp_path / "out"
    result = subprocess.run([str(outletsim), "fit", str(log), "--out", str(out)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 2, result.stderr
    assert expected in result.stderr, result.stderr
    assert not out.exists()


def test_a_log_beyond_the_scenario_limits_is_refused_not_written(outletsim, tmp_path):
    """120,000 tickets an hour fit no scenario (at most 100,000 an hour): exit 2, a clear reason, nothing written."""
    rows = ["ticket,date,issued,called,service_start,service_end,window,transaction,segment,outcome,appointment"]
    for i in range(60_000):
        second = 9 * 3600 + i * 3 // 100
        clock = lambda s: f"{s // 3600:02d}:{s // 60 % 60:02d}:{s % 60:02d}"
        rows.append(f"T{i},2026-03-02,{clock(second)},{clock(second + 1)},{clock(second + 1)},{clock(second + 2)},{i % 5 + 1},cash,regular,served,")
    log = tmp_path / "flood.csv"
    log.write_text("\n".join(rows) + "\n", encoding="utf-8")
    result = subprocess.run([str(outletsim), "fit", str(log), "--out", str(tmp_path / "out"), "--validation-days", "2"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    assert "outside OutletSim's limits" in result.stderr and "a number from 0 to 100000" in result.stderr
    assert not (tmp_path / "out").exists()
