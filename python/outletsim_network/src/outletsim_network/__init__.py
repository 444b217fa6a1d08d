"""OutletSim over a network of outlets, on a Dask cluster.

`outletsim-network run network.yaml` reads and checks the network file,
turns every outlet and variant into tasks keyed by the hash of their
inputs, runs them on a Dask cluster (a LocalCluster, or any scheduler
address) by calling the `outletsim` binary on the workers, and writes the
network's tables (Parquet) and report.
"""
from .network import Network, NetworkError, load_network
from .tasks import Task, plan_tasks

__all__ = ["Network", "NetworkError", "load_network", "Task", "plan_tasks"]
