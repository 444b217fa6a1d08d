"""A realistic branch's queue-system log, with known truth, for `outletsim fit`.

Independent of OutletSim (numpy and its own event loop), like
queue_log_generator (whose variate helper it shares), but with what real branches and their logs have and
the simple generator lacks:

* a walk from the call to the start of service, during which the window
  is held (lognormal, mean WALK);
* silent leavers: a customer whose patience runs out cancels in the app
  (a cancel time is logged), walks out unseen (their ticket stays and is a
  no-show when called), or walks out and the machine purges the ticket at
  closing (cancelled, no time at all);
* patience that is not exponential: lognormal for regular customers,
  Weibull for VIP and corporate customers;
* a lightly used corporate window, open all day and idle most of it;
* general windows 3 before 11:30 and 4 after, one of them on a lunch break
  12:00-13:00; VIP called before regular customers;
* weekdays and Saturdays, and no corporate customers on Saturdays;
* `fewer` takes general windows away all day, for what-ifs; `scale`
  multiplies the arrival rates and the general windows (a busier branch).
"""
import csv
import datetime
import heapq
import math

import numpy as np

from queue_log_generator import draw

OPEN, CLOSE = 9 * 60, 17 * 60
SATURDAY_CLOSE = 13 * 60
# Walk-in rates per hour: (from, until, regular, VIP, corporate) on weekdays.
RATES = [(540, 690, 24.0, 3.0, 1.5), (690, 780, 34.0, 5.0, 1.5), (780, 900, 26.0, 3.0, 1.5), (900, 1020, 30.0, 4.0, 1.5)]
SATURDAY_RATES = [(540, 660, 28.0, 4.0, 0.0), (660, 780, 36.0, 5.0, 0.0)]
SEGMENTS = ("regular", "VIP", "corporate")
MIX = {"regular": {"cash": 0.7, "开户": 0.3}, "VIP": {"cash": 0.4, "开户": 0.6}, "corporate": {"对公业务": 1.0}}
# (family, mean, sd) of the service at the window, minutes.
SERVICE = {"cash": ("lognormal", 4.0, 2.0), "开户": ("gamma", 12.0, 5.0), "对公业务": ("gamma", 15.0, 6.0)}
WALK = (0.6, 0.3)  # lognormal mean and sd, minutes
# Patience: lognormal (mean, sd) or Weibull (shape, scale).
PATIENCE = {"regular": ("lognormal", 12.0, 10.0), "VIP": ("weibull", 1.5, 25.0), "corporate": ("weibull", 2.0, 40.0)}
# What a customer whose patience ran out does: cancel in the app, walk out unseen (no-show at the call or purged at closing).
CANCEL_IN_APP = 0.35
NO_SHOW_MINUTES = 0.5
GENERAL = [str(number) for number in range(1, 5)] + [str(number) for number in range(6, 30)]
CORPORATE = "5"


def patience_mean(segment):
    family, a, b = PATIENCE[segment]
    return a if family == "lognormal" else b * math.gamma(1 + 1 / a)


def general_open(t, saturday=False, fewer=0, scale=1.0):
    """General windows open at minute t."""
    if saturday:
        count = 3
    elif t < 690:
        count = 3
    elif 720 <= t < 780:
        count = 3  # one on lunch break
    else:
        count = 4
    return max(round(count * scale) - fewer, 1)


def rate(segment, t, saturday=False):
    for start, end, *values in (SATURDAY_RATES if saturday else RATES):
        if start <= t < end:
            return values[SEGMENTS.index(segment)]
    return 0.0


def draw_service(rng, transaction):
    return draw(rng, *SERVICE[transaction])


def draw_walk(rng):
    return draw(rng, "lognormal", *WALK)


def draw_patience(rng, segment):
    family, a, b = PATIENCE[segment]
    if family == "lognormal":
        return draw(rng, family, a, b)
    return float(b * rng.weibull(a))


def simulate_day(rng, saturday=False, fewer=0, scale=1.0):
    """One day: every ticket with its times, window and outcome."""
    close = SATURDAY_CLOSE if saturday else CLOSE
    customers = []
    for segment in SEGMENTS:
        for start, end, *_ in (SATURDAY_RATES if saturday else RATES):
            per_minute = scale * rate(segment, start, saturday) / 60
            for t in np.sort(rng.uniform(start, end, rng.poisson(per_minute * (end - start)))):
                transaction = str(rng.choice(list(MIX[segment]), p=list(MIX[segment].values())))
                customers.append({"issued": float(t), "segment": segment, "transaction": transaction,
                                  "patience": draw_patience(rng, segment), "in_app": bool(rng.uniform() < CANCEL_IN_APP)})
    customers.sort(key=lambda c: c["issued"])
    for number, customer in enumerate(customers, start=1):
        customer["ticket"] = f"{customer['segment'][0].upper()}{number:04d}"
    events, order = [], 0

    def push(time, kind, payload):
        nonlocal order
        heapq.heappush(events, (time, order, kind, payload))
        order += 1

    for index, customer in enumerate(customers):
        push(customer["issued"], "arrive", index)
        if customer["in_app"]:
            push(customer["issued"] + customer["patience"], "cancel", index)
    changes = sorted({OPEN, 690, 720, 780, close})
    for change in changes:
        push(change, "staffing", None)
    queues = {"VIP": [], "regular": [], "corporate": []}
    idle = {}  # window -> True when open and free
    on_duty = set()
    busy = set()

    def serves(window):
        return ("corporate",) if window == CORPORATE else ("VIP", "regular")

    def call(window, now):
        for segment in serves(window):
            queue = queues[segment]
            while queue:
                index = queue.pop(0)
                customer = customers[index]
                if "outcome" in customer:  # cancelled in the app, or purged
                    continue
                customer["called"] = now
                customer["window"] = window
                busy.add(window)
                if customer["issued"] + customer["patience"] < now:
                    customer["outcome"] = "no_show"
                    push(now + NO_SHOW_MINUTES, "free", window)
                else:
                    customer["outcome"] = "served"
                    customer["start"] = now + draw_walk(rng)
                    customer["end"] = customer["start"] + draw_service(rng, customer["transaction"])
                    push(customer["end"], "free", window)
                return True
        return False

    def open_windows(now):
        if now >= close:
            # Doors close: staff purge the tickets of customers already
            # gone, and the windows on duty serve everyone still inside.
            for queue in queues.values():
                for index in queue:
                    customer = customers[index]
                    if "outcome" not in customer and customer["issued"] + customer["patience"] < now:
                        customer["outcome"] = "cancelled"
            return
        wanted = set(GENERAL[:general_open(now, saturday, fewer, scale)])
        if not saturday:
            wanted.add(CORPORATE)
        for window in sorted(wanted - on_duty):
            on_duty.add(window)
            if window not in busy and not call(window, now):
                idle[window] = True
        for window in sorted(on_duty - wanted):
            on_duty.discard(window)
            idle.pop(window, None)

    while events:
        now, _, kind, payload = heapq.heappop(events)
        if kind == "arrive":
            customer = customers[payload]
            queues[customer["segment"]].append(payload)
            for window in sorted(idle):
                if customer["segment"] in serves(window):
                    idle.pop(window)
                    if not call(window, now):
                        idle[window] = True
                    break
        elif kind == "cancel":
            customer = customers[payload]
            if "outcome" not in customer:
                customer["outcome"] = "cancelled"
                customer["left"] = now
        elif kind == "staffing":
            open_windows(now)
        elif kind == "free":
            busy.discard(payload)
            if payload in on_duty and not call(payload, now):
                idle[payload] = True
    for customer in customers:
        if "outcome" not in customer:
            customer["outcome"] = "cancelled"  # purged at closing
    return customers


def generate(days=60, seed=7, start=datetime.date(2026, 3, 2), saturdays=True, fewer=0, scale=1.0):
    """Tickets of `days` working days (Monday to Saturday) from `start`."""
    rng = np.random.default_rng(seed)
    rows, date, made = [], start, 0
    while made < days:
        if date.weekday() < 5 or (saturdays and date.weekday() == 5):
            for customer in simulate_day(rng, saturday=date.weekday() == 5, fewer=fewer, scale=scale):
                rows.append((date.isoformat(), customer))
            made += 1
        date += datetime.timedelta(days=1)
    return rows


HEADER = ["ticket", "date", "issued", "called", "service_start", "service_end", "window", "transaction", "segment", "outcome",
          "appointment", "left"]


def clock(minutes):
    seconds = int(round(minutes * 60))
    return f"{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


def write_log(path, rows):
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        for date, c in rows:
            writer.writerow([c["ticket"], date, clock(c["issued"]), clock(c["called"]) if "called" in c else "",
                             clock(c["start"]) if "start" in c else "", clock(c["end"]) if "end" in c else "",
                             c.get("window", ""), c["transaction"], c["segment"], c["outcome"], "",
                             clock(c["left"]) if "left" in c else ""])


def figures(rows, weekday=True):
    """The log's own figures, as a planner reads them: mean wait to the call
    and its 90th percentile (served customers), and the share who gave up;
    overall and per segment, on weekdays (or Saturdays)."""
    def chosen(date):
        return (datetime.date.fromisoformat(date).weekday() < 5) == weekday
    result = {}
    for segment in (None,) + SEGMENTS:
        tickets = [c for date, c in rows if chosen(date) and (segment is None or c["segment"] == segment)]
        if not tickets:
            continue
        waits = np.array([c["called"] - c["issued"] for c in tickets if c["outcome"] == "served"])
        gave_up = sum(c["outcome"] != "served" for c in tickets) / len(tickets)
        result[segment or "all"] = {"wait_mean": float(waits.mean()), "wait_p90": float(np.quantile(waits, 0.9)),
                                    "share_abandoned": gave_up}
    return result


def write_sessions(path, rows, scale=1.0):
    """The windows' sign-in log of the days in `rows`: each general window
    signs in when it opens, the lunch window pauses 12:00-13:00, and every
    window signs out at closing; the corporate window is signed in all day
    on weekdays. A row with an unreadable time is added, to be left out."""
    dates = sorted({date for date, _ in rows})
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["date", "time", "window", "event"])
        for date in dates:
            saturday = datetime.date.fromisoformat(date).weekday() == 5
            close = SATURDAY_CLOSE if saturday else CLOSE
            opened, signed = set(), set()
            for change in sorted({OPEN, 690, 720, 780}):
                if change >= close:
                    break
                wanted = GENERAL[:general_open(change, saturday, 0, scale)]
                for window in wanted:
                    if window not in opened:
                        writer.writerow([date, clock(change), window, "resume" if window in signed else "sign_in"])
                        opened.add(window)
                        signed.add(window)
                for window in sorted(opened - set(wanted)):
                    writer.writerow([date, clock(change), window, "pause"])
                    opened.discard(window)
            for window in sorted(signed):
                writer.writerow([date, clock(close), window, "sign_out"])
            if not saturday:
                writer.writerow([date, clock(OPEN), CORPORATE, "sign_in"])
                writer.writerow([date, clock(close), CORPORATE, "sign_out"])
        writer.writerow([dates[0], "25:99", "1", "sign_in"])
