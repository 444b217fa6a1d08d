"""Speed and memory of `outletsim fit` (issue: fit a real branch's log).

Two logs from Tests/python/realistic_branch (an independent generator):
a year of a busy branch (250 working days, about 600 tickets a day, made
messy as exports are) fitted with its back-validation, target 5 s; and 2
million rows (that year's days repeated at later dates), target 60 s and
1 GB. Each is run three times; the median wall time and the largest peak
resident memory are printed.

    python3 Benchmarks/fit-speed.py OUTLETSIM
"""
import csv
import datetime
import os
import pathlib
import resource
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "Tests" / "python"))
import queue_log_generator  # noqa: E402
import realistic_branch  # noqa: E402


def measure(outletsim, log, out, *options):
    """Wall seconds and peak RSS (MB) of one fit, in a child of its own."""
    script = ("import resource, subprocess, sys, time; start = time.perf_counter(); "
              "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode; "
              "print(time.perf_counter() - start, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, code)")
    result = subprocess.run([sys.executable, "-c", script, outletsim, "fit", str(log), "--out", str(out), "--force", "--quiet", *options],
                            capture_output=True, text=True, check=True)
    seconds, megabytes, code = result.stdout.split()
    if code != "0":
        raise SystemExit(f"outletsim fit {log} failed with status {code}")
    return float(seconds), float(megabytes)


def repeat_rows(source, target, rows_wanted):
    """`source`'s rows again and again, each copy 25 weeks later, up to `rows_wanted`."""
    with open(source, newline="", encoding="utf-8") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        body = list(reader)
    date = header.index("date")
    written, copy = 0, 0
    with open(target, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        while written < rows_wanted:
            shift = datetime.timedelta(weeks=25 * copy)
            for row in body:
                if written >= rows_wanted:
                    break
                moved = list(row)
                moved[date] = (datetime.date.fromisoformat(row[date].replace("/", "-")) + shift).isoformat()
                writer.writerow(moved)
                written += 1
            copy += 1


def main():
    outletsim = sys.argv[1] if len(sys.argv) > 1 else ".build/release/outletsim"
    folder = pathlib.Path(tempfile.mkdtemp(prefix="outletsim-bench-fit-"))
    year = folder / "year.csv"
    rows = realistic_branch.generate(days=250, seed=11, scale=2.5)
    realistic_branch.write_log(year, rows)
    messy = queue_log_generator.messy_rows(year)
    print(f"a year of a busy branch: {len(rows)} tickets on 250 days ({len(rows) / 250:.0f} a day), {sum(messy.values())} messy rows")
    big = folder / "two-million.csv"
    repeat_rows(year, big, 2_000_000)
    print(f"2 million rows: {big.stat().st_size / 1e6:.0f} MB of CSV")
    for name, log, target_seconds, target_mb in [("year, validation included", year, 5, None),
                                                  ("2 million rows", big, 60, 1024)]:
        runs = [measure(outletsim, log, folder / "fit") for _ in range(3)]
        seconds = statistics.median(run[0] for run in runs)
        peak = max(run[1] for run in runs)
        verdict = "meets" if seconds <= target_seconds and (target_mb is None or peak <= target_mb) else "MISSES"
        limits = f"{target_seconds} s" + (f" and {target_mb} MB" if target_mb else "")
        print(f"{name}: median {seconds:.1f} s of 3 (runs {', '.join(f'{run[0]:.1f}' for run in runs)}), "
              f"peak {peak:.0f} MB; {verdict} the target of {limits}")


if __name__ == "__main__":
    main()
