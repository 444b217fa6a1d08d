"""M/M/c in Ciw, the same model as OutletSim's kernel benchmark.

Prints one JSON line: customers, seconds, customers per second, mean wait.
"""
import argparse
import json
import time

import ciw


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--servers", type=int, default=10)
    parser.add_argument("--rho", type=float, default=0.9)
    options = parser.parse_args()

    mean_service = 5.0
    arrival_rate = options.rho * options.servers / mean_service  # per minute
    network = ciw.create_network(
        arrival_distributions=[ciw.dists.Exponential(rate=arrival_rate)],
        service_distributions=[ciw.dists.Exponential(rate=1 / mean_service)],
        number_of_servers=[options.servers],
    )
    ciw.seed(1)
    simulation = ciw.Simulation(network)
    started = time.perf_counter()
    simulation.simulate_until_max_customers(options.customers, method="Finish")
    seconds = time.perf_counter() - started
    records = simulation.get_all_records()
    print(json.dumps({
        "engine": "ciw", "customers": len(records), "seconds": seconds,
        "customers_per_second": len(records) / seconds,
        "mean_wait": sum(r.waiting_time for r in records) / max(len(records), 1),
    }))


if __name__ == "__main__":
    main()
