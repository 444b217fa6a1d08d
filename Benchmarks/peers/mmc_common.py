"""The M/M/c model shared by the peer benchmarks, and their command line."""
import argparse

MEAN_SERVICE = 5.0  # minutes


def options(default_customers: int) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    parser.add_argument("--customers", type=int, default=default_customers)
    parser.add_argument("--servers", type=int, default=10)
    parser.add_argument("--rho", type=float, default=0.9)
    return parser.parse_args()


def arrival_rate(options: argparse.Namespace) -> float:
    """Arrivals per minute for the requested utilisation."""
    return options.rho * options.servers / MEAN_SERVICE
