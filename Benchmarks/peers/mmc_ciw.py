"""M/M/c in Ciw, the same model as OutletSim's kernel benchmark.

Prints one JSON line: customers, seconds, customers per second, mean wait.
"""
import json
import time

import ciw

import mmc_common


def main() -> None:
    options = mmc_common.options(100_000)
    mean_service = mmc_common.MEAN_SERVICE
    arrival_rate = mmc_common.arrival_rate(options)
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
