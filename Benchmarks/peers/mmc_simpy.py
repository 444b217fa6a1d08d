"""M/M/c in SimPy, the same model as OutletSim's kernel benchmark.

Prints one JSON line: customers, seconds, customers per second, mean wait.
"""
import json
import random
import time

import mmc_common

import simpy


def main() -> None:
    options = mmc_common.options(1_000_000)
    mean_service = mmc_common.MEAN_SERVICE
    arrival_rate = mmc_common.arrival_rate(options)
    rng = random.Random(1)
    env = simpy.Environment()
    windows = simpy.Resource(env, capacity=options.servers)
    totals = {"served": 0, "wait": 0.0}

    def customer(env):
        arrived = env.now
        with windows.request() as request:
            yield request
            totals["wait"] += env.now - arrived
            yield env.timeout(rng.expovariate(1 / mean_service))
        totals["served"] += 1

    def arrivals(env):
        for _ in range(options.customers):
            yield env.timeout(rng.expovariate(arrival_rate))
            env.process(customer(env))

    env.process(arrivals(env))
    started = time.perf_counter()
    env.run()
    seconds = time.perf_counter() - started
    print(json.dumps({
        "engine": "simpy", "customers": options.customers, "seconds": seconds,
        "customers_per_second": options.customers / seconds,
        "mean_wait": totals["wait"] / max(totals["served"], 1),
    }))


if __name__ == "__main__":
    main()
