"""Speed of `outletsim forecast` (issue 28): fitting and backtesting three
years of a busy branch, target 10 s.

The log comes from Tests/python/demand_log_generator (an independent
generator): 1,096 days from 2025-01-02, about 1,000 walk-ins on an open
day (some 930,000 rows), with its calendar. The forecast of 28 days is
run three times with the default 8-week backtest and three times with a
52-week one (52 fits); the median wall time and the largest peak resident
memory are printed.

    python3 Benchmarks/forecast-speed.py OUTLETSIM
"""
import pathlib
import statistics
import subprocess
import sys
import tempfile

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "Tests" / "python"))
import demand_log_generator  # noqa: E402


def measure(outletsim, log, calendar, out, *options):
    """Wall seconds and peak RSS (MB) of one forecast, in a child of its own."""
    script = ("import resource, subprocess, sys, time; start = time.perf_counter(); "
              "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode; "
              "print(time.perf_counter() - start, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, code)")
    result = subprocess.run([sys.executable, "-c", script, outletsim, "forecast", str(log), "--calendar", str(calendar), "--days", "28",
                             "--out", str(out), "--force", "--quiet", *options], capture_output=True, text=True, check=True)
    seconds, megabytes, code = result.stdout.split()
    if code != "0":
        raise SystemExit(f"outletsim forecast {log} failed with status {code}")
    return float(seconds), float(megabytes)


def main():
    outletsim = sys.argv[1] if len(sys.argv) > 1 else ".build/release/outletsim"
    demand_log_generator.BASE = 1000.0
    with tempfile.TemporaryDirectory() as folder:
        folder = pathlib.Path(folder)
        rows, truth = demand_log_generator.generate(days=1096, seed=7)
        log = folder / "three-years.csv"
        demand_log_generator.write_log(log, rows)
        calendar = folder / "calendar.yaml"
        demand_log_generator.write_calendar(calendar)
        print(f"log: {len(rows):,} rows on {len(truth)} open days, {log.stat().st_size / 1e6:.0f} MB")
        for weeks in ("8", "52"):
            runs = [measure(outletsim, log, calendar, folder / "out", "--backtest-weeks", weeks) for _ in range(3)]
            seconds = statistics.median(run[0] for run in runs)
            memory = max(run[1] for run in runs)
            verdict = "meets" if seconds <= 10 else "MISSES"
            print(f"forecast with a {weeks}-week backtest: median {seconds:.2f} s of 3 (target 10 s: {verdict}), peak {memory:.0f} MB")


if __name__ == "__main__":
    main()
