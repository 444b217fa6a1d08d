"""An independent generator of queue-system logs with known truth.

It shares no code with OutletSim: its own event loop (heapq), numpy's
random numbers and its own model of a branch, so that a mistake shared by
OutletSim's engine and its fit cannot hide. The truth:

* 09:00-17:00 on weekdays; walk-in rates per hour by segment, with a lunch
  peak and an after-work rise (``RATES``);
* two segments, regular and VIP; VIP tickets are called first;
* two transaction types: cash, lognormal service (mean 4, sd 2 minutes), and
  开户 (account opening), gamma service (mean 12, sd 5 minutes);
* exponential patience: 20 minutes for regular customers, 30 for VIP. A
  customer who gives up leaves their ticket in the queue; when it is called
  the window waits NO_SHOW_MINUTES and records a no-show;
* windows 1-4 serve everyone; 3 of them open before 11:30 and all 4 after;
  a closing window finishes its customer; customers inside at 17:00 are served;
* with ``bookings``: VIP 开户 appointments at BOOKED_SLOTS every day; a
  share BOOKED_NO_SHOW never comes (logged with the booked time and no
  ticket time), the rest arrive normal(BOOKED_LATENESS) minutes after the
  slot and are called before any walk-in.

``write_log`` writes the canonical columns, or the Chinese headers.
"""
import csv
import datetime
import heapq
import math

import numpy as np

OPEN, CLOSE = 9 * 60, 17 * 60
# (from, until, regular per hour, VIP per hour)
RATES = [(540, 690, 20.0, 3.0), (690, 810, 30.0, 4.0), (810, 960, 22.0, 3.0), (960, 1020, 26.0, 4.0)]
MIX = {"regular": {"cash": 0.7, "开户": 0.3}, "VIP": {"cash": 0.4, "开户": 0.6}}
SERVICE = {"cash": ("lognormal", 4.0, 2.0), "开户": ("gamma", 12.0, 5.0)}
PATIENCE = {"regular": 20.0, "VIP": 30.0}
WINDOWS = ["1", "2", "3", "4"]
NO_SHOW_MINUTES = 0.5
BOOKED_SLOTS = [600, 660, 840, 900]
BOOKED_NO_SHOW = 0.15
BOOKED_LATENESS = (-2.0, 5.0)


def windows_open(t):
    return 3 if t < 690 else 4


def rate(segment, t):
    for start, end, regular, vip in RATES:
        if start <= t < end:
            return regular if segment == "regular" else vip
    return 0.0


def draw(rng, family, mean, sd):
    """A lognormal or gamma variate with the given mean and sd."""
    if family == "lognormal":
        sigma2 = math.log(1 + (sd / mean) ** 2)
        return float(rng.lognormal(math.log(mean) - sigma2 / 2, math.sqrt(sigma2)))
    shape = (mean / sd) ** 2
    return float(rng.gamma(shape, mean / shape))


def service_time(rng, transaction):
    return draw(rng, *SERVICE[transaction])


def arrivals(rng, bookings=False):
    """Piecewise-constant Poisson arrivals per segment, interval by interval, and the booked visits."""
    customers = []
    absent = []
    if bookings:
        for slot in BOOKED_SLOTS:
            if rng.uniform() < BOOKED_NO_SHOW:
                absent.append({"appointment": float(slot), "segment": "VIP", "transaction": "开户", "outcome": "no_show"})
            else:
                customers.append({"issued": float(slot + rng.normal(*BOOKED_LATENESS)), "segment": "VIP", "transaction": "开户",
                                  "patience": float("inf"), "appointment": float(slot)})
    for segment in ("regular", "VIP"):
        for start, end, regular, vip in RATES:
            per_minute = (regular if segment == "regular" else vip) / 60
            count = rng.poisson(per_minute * (end - start))
            for t in np.sort(rng.uniform(start, end, count)):
                transaction = rng.choice(list(MIX[segment]), p=list(MIX[segment].values()))
                customers.append({"issued": float(t), "segment": segment, "transaction": str(transaction),
                                  "patience": float(rng.exponential(PATIENCE[segment]))})
    customers.sort(key=lambda c: c["issued"])
    for number, customer in enumerate(customers + absent, start=1):
        customer["ticket"] = f"{'V' if customer['segment'] == 'VIP' else 'A'}{number:03d}"
    return customers, absent


def simulate_day(rng, bookings=False):
    """One day: returns every ticket with its called, start, end, window and outcome."""
    customers, absent = arrivals(rng, bookings)
    events = []  # (time, order, kind, payload)
    order = 0

    def push(time, kind, payload):
        nonlocal order
        heapq.heappush(events, (time, order, kind, payload))
        order += 1

    for index, customer in enumerate(customers):
        push(customer["issued"], "arrive", index)
    for change in (OPEN, 690):
        push(change, "staffing", None)
    free = []  # windows idle and open
    busy = set()
    queue = {"booked": [], "VIP": [], "regular": []}  # FIFO per class; bookings first, then VIP
    open_count = 0
    staffed = []  # windows on duty, in order

    def call(window, now):
        for segment in ("booked", "VIP", "regular"):
            if queue[segment]:
                index = queue[segment].pop(0)
                customer = customers[index]
                customer["called"] = now
                customer["window"] = window
                if customer["issued"] + customer["patience"] < now:
                    customer["outcome"] = "no_show"
                    busy.add(window)
                    push(now + NO_SHOW_MINUTES, "free", window)
                else:
                    customer["outcome"] = "served"
                    customer["start"] = now
                    customer["end"] = now + service_time(rng, customer["transaction"])
                    busy.add(window)
                    push(customer["end"], "free", window)
                return True
        return False

    while events:
        now, _, kind, payload = heapq.heappop(events)
        if kind == "arrive":
            customer = customers[payload]
            queue["booked" if "appointment" in customer else customer["segment"]].append(payload)
            if free:
                call(free.pop(0), now)
        elif kind == "staffing":
            target = windows_open(now)
            while len(staffed) < target:
                window = WINDOWS[len(staffed)]
                staffed.append(window)
                if not call(window, now):
                    free.append(window)
            open_count = target
        elif kind == "free":
            busy.discard(payload)
            if payload in staffed and not call(payload, now):
                free.append(payload)
    return customers + absent


def clock(minutes):
    seconds = int(round(minutes * 60))
    return f"{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


def generate(days=30, seed=2026, start=datetime.date(2026, 3, 2), bookings=False):
    """Tickets of `days` weekdays from `start`."""
    rng = np.random.default_rng(seed)
    rows = []
    date = start
    made = 0
    while made < days:
        if date.weekday() < 5:
            for customer in simulate_day(rng, bookings):
                rows.append((date.isoformat(), customer))
            made += 1
        date += datetime.timedelta(days=1)
    return rows


CANONICAL = ["ticket", "date", "issued", "called", "service_start", "service_end", "window", "transaction", "segment",
             "outcome", "appointment"]
CHINESE = ["排队号", "日期", "取号时间", "叫号时间", "开始办理时间", "办结时间", "窗口号", "业务类型", "客户类别", "状态", "预约时间"]
CHINESE_OUTCOMES = {"served": "已办结", "no_show": "过号"}


def write_log(path, rows, chinese=False):
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(CHINESE if chinese else CANONICAL)
        for date, c in rows:
            outcome = c["outcome"]
            writer.writerow([c["ticket"], date, clock(c["issued"]) if "issued" in c else "",
                             clock(c["called"]) if "called" in c else "",
                             clock(c["start"]) if "start" in c else "", clock(c["end"]) if "end" in c else "",
                             c.get("window", ""), c["transaction"], c["segment"],
                             CHINESE_OUTCOMES[outcome] if chinese else outcome,
                             clock(c["appointment"]) if "appointment" in c else ""])


def messy_rows(path, share=0.006, seed=11, round_to_minute=False):
    """Rewrites the log at `path` as real exports come: a share of rows made
    messy (an exact and a conflicting duplicate, a served row with no end
    time, an end before its start), status words padded, some dates written
    2026/03/02, rows out of order, a few staff test tickets at 07:xx, and
    optionally every time rounded to the minute. Returns the counts of the
    rows that should be left out, by OutletSim's reason."""
    rng = np.random.default_rng(seed)
    with open(path, newline="", encoding="utf-8") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        rows = list(reader)
    col = {name: header.index(name) for name in header}
    if round_to_minute:
        for row in rows:
            for name in ("issued", "called", "service_start", "service_end", "appointment"):
                if name in col and row[col[name]]:
                    row[col[name]] = row[col[name]][:5]
    expected = {"exact_duplicate": 0, "conflicting_duplicate": 0, "missing_time": 0, "times_out_of_order": 0,
                "test_ticket": 0}
    served = [i for i, row in enumerate(rows) if row[col["outcome"]] == "served"]
    picks = rng.choice(served, size=max(4, int(share * len(rows))), replace=False)
    extra = []
    for k, index in enumerate(picks):
        row = rows[index]
        kind = k % 4
        if kind == 0:
            extra.append(list(row))
            expected["exact_duplicate"] += 1
        elif kind == 1:
            copy = list(row)
            copy[col["window"]] = "99"
            extra.append(copy)
            expected["conflicting_duplicate"] += 2  # both rows: the log does not say which is right
        elif kind == 2:
            row[col["service_end"]] = ""
            expected["missing_time"] += 1
        else:
            row[col["service_end"]], row[col["service_start"]] = row[col["service_start"]], row[col["service_end"]]
            if row[col["service_end"]] != row[col["service_start"]]:
                expected["times_out_of_order"] += 1
    for row in rows:
        if rng.uniform() < 0.05:
            row[col["outcome"]] = "  " + row[col["outcome"]] + " "
        if rng.uniform() < 0.05:
            row[col["date"]] = row[col["date"]].replace("-", "/")
    dates = sorted({row[col["date"]].replace("/", "-") for row in rows})
    for number, date in enumerate(dates[:3]):
        test = [""] * len(header)
        test[col["ticket"]], test[col["date"]], test[col["issued"]] = f"TEST{number}", date, f"07:{10 + number:02d}"
        test[col["called"]], test[col["service_start"]], test[col["service_end"]] = (f"07:{11 + number:02d}",) * 2 + (f"07:{13 + number:02d}",)
        test[col["window"]], test[col["transaction"]], test[col["segment"]], test[col["outcome"]] = "1", "测试", "regular", "served"
        extra.append(test)
        expected["test_ticket"] += 1
    rows += extra
    order = rng.permutation(len(rows))
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        for index in order:
            writer.writerow(rows[index])
    return expected
