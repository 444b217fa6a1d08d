"""An independent generator of queue-system logs whose daily demand has a
known weekly pattern, trend, pay-day and holiday effects and day factors.

It shares no code with OutletSim: numpy's random numbers, its own calendar
arithmetic and its own rules, so that a mistake shared by OutletSim's
forecast and its reading of the calendar cannot hide. The truth:

* the branch opens Monday to Saturday, 09:00-17:00, and is closed on
  Sundays and on public holidays (``HOLIDAYS``);
* walk-ins of an open day: Poisson with mean
  ``BASE * WEEKDAY[w] * exp(TREND * years) * effects * F``, where F is a
  gamma day factor with mean 1 and coefficient of variation ``DAY_CV``;
* effects: pay days (the 10th and the 25th, or the last opening day
  before them) ``PAY_DAY``; the opening day just before a holiday run
  ``BEFORE_HOLIDAY``; the opening day just after one ``AFTER_HOLIDAY``;
* arrival times follow a weekday and a Saturday profile (``PROFILE``),
  segments regular and VIP (``VIP_SHARE``).
"""
import csv
import datetime
import math

import numpy as np

from realistic_branch import clock

BASE = 300.0
# Monday .. Saturday (Sunday closed).
WEEKDAY = {0: 1.15, 1: 1.0, 2: 0.95, 3: 0.97, 4: 1.1, 5: 0.8}
TREND = 0.08          # log growth a year
PAY_DAY = 1.3
BEFORE_HOLIDAY = 1.25
AFTER_HOLIDAY = 1.2
DAY_CV = 0.1
VIP_SHARE = 0.15
PAY_DAYS = (10, 25)
OPEN, CLOSE = 9 * 60, 17 * 60
# Relative rates per hour, 09:00 .. 16:00, on weekdays and on Saturdays.
PROFILE = {"weekday": [0.9, 1.0, 1.3, 1.4, 1.0, 0.9, 1.0, 1.3], "saturday": [0.6, 1.0, 1.3, 1.3, 1.2, 1.0, 0.9, 0.7]}
HOLIDAYS = {
    "New Year": [("2025-01-01", "2025-01-01"), ("2026-01-01", "2026-01-03"), ("2027-01-01", "2027-01-01")],
    "Spring Festival": [("2025-01-28", "2025-02-04"), ("2026-02-15", "2026-02-23"), ("2027-02-05", "2027-02-11")],
    "Qingming": [("2025-04-04", "2025-04-06"), ("2026-04-04", "2026-04-06")],
    "Labour Day": [("2025-05-01", "2025-05-05"), ("2026-05-01", "2026-05-05")],
    "Dragon Boat": [("2025-05-31", "2025-06-02"), ("2026-06-19", "2026-06-21")],
    "National Day": [("2025-10-01", "2025-10-08"), ("2026-10-01", "2026-10-07")],
}


def holiday_dates():
    days = set()
    for runs in HOLIDAYS.values():
        for start, end in runs:
            day = datetime.date.fromisoformat(start)
            while day <= datetime.date.fromisoformat(end):
                days.add(day)
                day += datetime.timedelta(days=1)
    return days


def is_open(day, holidays):
    return day.weekday() != 6 and day not in holidays


def effects(day, holidays):
    """The calendar multiplier of an open day, and the names of its effects."""
    names = []
    # Pay day: the 10th or 25th, or the last opening day before it.
    for pay in PAY_DAYS:
        candidate = datetime.date(day.year, day.month, pay)
        while not is_open(candidate, holidays):
            candidate -= datetime.timedelta(days=1)
        if candidate == day:
            names.append("pay_day")
    # The opening day just before a run of holidays (past closed Sundays), and just after one.
    following = day + datetime.timedelta(days=1)
    while following.weekday() == 6 and following not in holidays:
        following += datetime.timedelta(days=1)
    if following in holidays:
        names.append("before_holiday")
    back = day - datetime.timedelta(days=1)
    while back.weekday() == 6 and back not in holidays:
        back -= datetime.timedelta(days=1)
    if back in holidays:
        names.append("after_holiday")
    factor = 1.0
    factor *= PAY_DAY if "pay_day" in names else 1.0
    factor *= BEFORE_HOLIDAY if "before_holiday" in names else 1.0
    factor *= AFTER_HOLIDAY if "after_holiday" in names else 1.0
    return factor, names


def expected(day, start="2025-01-02", holidays=None):
    """The true mean walk-ins of `day` (a date), 0 when the branch is closed."""
    holidays = holiday_dates() if holidays is None else holidays
    if not is_open(day, holidays):
        return 0.0
    years = (day - datetime.date.fromisoformat(start)).days / 365.25
    return BASE * WEEKDAY[day.weekday()] * math.exp(TREND * years) * effects(day, holidays)[0]


def generate(start="2025-01-02", days=730, seed=2027, day_cv=DAY_CV):
    """Rows (date, dict) of every walk-in ticket, and the truth of each open day."""
    rng = np.random.default_rng(seed)
    holidays = holiday_dates()
    first = datetime.date.fromisoformat(start)
    rows, truth = [], []
    shape = 1 / day_cv ** 2 if day_cv > 0 else None
    for offset in range(days):
        day = first + datetime.timedelta(days=offset)
        if not is_open(day, holidays):
            continue
        mean = expected(day, start, holidays)
        names = effects(day, holidays)[1]
        factor = rng.gamma(shape, 1 / shape) if shape else 1.0
        count = rng.poisson(mean * factor)
        truth.append({"date": day.isoformat(), "mean": mean, "count": int(count), "effects": names})
        profile = np.array(PROFILE["saturday" if day.weekday() == 5 else "weekday"])
        hours = rng.choice(len(profile), size=count, p=profile / profile.sum())
        times = np.sort(OPEN + 60 * hours + rng.uniform(0, 60, size=count))
        vip = rng.uniform(size=count) < VIP_SHARE
        waits = rng.exponential(6, size=count)
        services = rng.exponential(5, size=count)
        for number, (t, is_vip, wait, service) in enumerate(zip(times, vip, waits, services), start=1):
            called = min(t + wait, CLOSE + 80)
            rows.append((day.isoformat(), {
                "ticket": f"{'V' if is_vip else 'A'}{number:04d}", "issued": float(t), "called": float(called),
                "end": float(called + service), "segment": "VIP" if is_vip else "regular",
                "transaction": "cash" if rng.uniform() < 0.6 else "transfer"}))
    return rows, truth


def write_log(path, rows):
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["ticket", "date", "issued", "called", "service_start", "service_end", "window", "transaction", "segment", "outcome"])
        for date, c in rows:
            writer.writerow([c["ticket"], date, clock(c["issued"]), clock(c["called"]), clock(c["called"]), clock(c["end"]), "1",
                             c["transaction"], c["segment"], "served"])


def write_calendar(path):
    lines = ["pay_days: [10, 25]", "days_before_holidays: 1", "days_after_holidays: 1", "holidays:"]
    for name, runs in HOLIDAYS.items():
        for start, end in runs:
            lines.append(f"  - {{ from: {start}, to: {end}, name: {name} }}")
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")
