"""A bounded load test of `outletsim studio` on the loopback: edits of the weekday branch, first one client at a time, then
CLIENTS clients at once, each sending EDITS different edits in turn; reports the latency of an edit (median, p95, most)
and every status. `make bench-studio` runs it with 50 clients; the test suite runs a smaller one.

    python studio_load.py OUTLETSIM [--clients 50] [--edits 4] [--out report.json]
"""
import argparse
import concurrent.futures
import json
import pathlib
import statistics
import sys
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from studio_server import StudioServer  # noqa: E402

REPOSITORY = pathlib.Path(__file__).resolve().parents[2]
WEEKDAY = "bank-branch-weekday.yaml"


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def summary(latencies):
    return {"edits": len(latencies), "median_s": round(statistics.median(latencies), 3), "p95_s": round(percentile(latencies, 0.95), 3),
            "most_s": round(max(latencies), 3)}


def load(outletsim, clients, edits):
    server = StudioServer(outletsim, REPOSITORY / "scenarios" / WEEKDAY, "--days", "200")
    try:
        status, outline = server.request("GET", f"/api/outline?path={WEEKDAY}")
        assert status == 200, outline
        general = outline["windows"][0]["open"]

        def edit(client, number):
            # Each edit is different: one more or one fewer general window in one interval.
            counts = list(general)
            counts[(client + number) % len(counts)] += 1 if number % 2 == 0 else -1
            draft = {"windows": {"general": counts}, "seats": 16 + (client * edits + number) % 24}
            started = time.perf_counter()
            status, _ = server.request("POST", "/api/evaluate", {"path": WEEKDAY, "draft": draft, "client": f"load{client}"}, timeout=600)
            return status, time.perf_counter() - started

        alone = [edit(0, number) for number in range(10)]
        assert all(status == 200 for status, _ in alone), alone

        def session(client):
            return [edit(client, number) for number in range(edits)]

        with concurrent.futures.ThreadPoolExecutor(max_workers=clients) as pool:
            results = [result for session_results in pool.map(session, range(clients)) for result in session_results]
        statuses = {}
        for status, _ in results:
            statuses[str(status)] = statuses.get(str(status), 0) + 1
        answered = [seconds for status, seconds in results if status == 200]
        report = {"scenario": WEEKDAY, "days_per_edit": 200, "one_client": summary([seconds for _, seconds in alone]),
                  "clients": clients, "edits_per_client": edits, "statuses": statuses,
                  "concurrent": summary(answered) if answered else None, "server_up": server.alive()}
        return report
    finally:
        server.stop()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outletsim")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--edits", type=int, default=4)
    parser.add_argument("--out")
    arguments = parser.parse_args()
    report = load(arguments.outletsim, arguments.clients, arguments.edits)
    text = json.dumps(report, indent=2)
    print(text)
    if arguments.out:
        pathlib.Path(arguments.out).write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
