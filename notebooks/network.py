# ---
# jupyter:
#   jupytext:
#     formats: py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # A network of outlets
#
# The network manager looks after 20 outlets (网点): bank branches on
# weekdays and Saturdays, telecom business halls and after-sales centres,
# each with its own demand and layout (`scenarios/network/`). Four of them
# have a demand-growth variant (+20%).
#
# `outletsim-network run scenarios/network/city.network.yaml` ran every
# outlet on a Dask cluster and wrote one Parquet table per level. This
# notebook reads them and answers:
#
# 1. Which outlets fail a service target, and which targets?
# 2. What does a day cost at each outlet, and what would 20% more demand cost?
# 3. Where in the day are the worst waits across the network?

# %% tags=["parameters"]
# Parameters (papermill): the folder `make network` (or `make test`) wrote.
network_dir = "../results/network-city-network"
out_dir = "../results/notebooks/network"

# %%
import pathlib

import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import Markdown, display

folder = pathlib.Path(network_dir)
out = pathlib.Path(out_dir)
out.mkdir(parents=True, exist_ok=True)
outlets = pd.read_parquet(folder / "outlets.parquet")
targets = pd.read_parquet(folder / "targets.parquet")
intervals = pd.read_parquet(folder / "intervals.parquet")
metrics = pd.read_parquet(folder / "metrics.parquet")
display(Markdown(f"{len(outlets)} outlet variants, {int(outlets.days.iloc[0])} days each."))

# %% [markdown]
# ## 1. Outlets that fail a target
#
# A target fails when its whole 95% interval lies on the wrong side of the
# bound; inconclusive ones need more days before anyone acts on them.

# %%
failing = targets[targets.verdict == "fail"][["outlet", "variant", "target", "interval", "value", "ci_low", "ci_high"]]
display(failing.reset_index(drop=True))
counts = outlets.set_index(["outlet", "variant"])[["targets_pass", "targets_inconclusive", "targets_fail"]]
ax = counts.plot.barh(stacked=True, figsize=(8, 9), color=["#009E73", "#F0E442", "#D55E00"])
ax.set_xlabel("targets")
ax.set_title("Targets per outlet: passed, inconclusive, failed")
plt.tight_layout()
plt.savefig(out / "targets.png", dpi=120)

# %% [markdown]
# ## 2. The cost of a day, and of 20% more demand
#
# Outlets whose scenarios declare costs have one; the intervals are 95%.

# %%
costed = outlets.dropna(subset=["cost"]).set_index(["outlet", "variant"])
display(costed[["cost", "cost_ci_low", "cost_ci_high"]].round(0))
growth = costed.reset_index().pivot(index="outlet", columns="variant", values="cost").dropna()
if not growth.empty:
    growth["extra cost a day"] = growth["growth"] - growth["as-is"]
    display(growth.round(0))

# %% [markdown]
# ## 3. Where in the day the network waits longest

# %%
p90 = intervals[(intervals.metric == "wait_p90") & (intervals.variant == "as-is")]
worst = p90.sort_values("value", ascending=False).head(10)[["outlet", "start", "value", "ci_low", "ci_high"]]
display(worst.reset_index(drop=True))
fig, ax = plt.subplots(figsize=(9, 4))
for outlet, rows in p90.groupby("outlet"):
    ax.plot(rows.start, rows.value, alpha=0.5)
ax.set_xlabel("interval start")
ax.set_ylabel("p90 wait (min)")
ax.set_title("90th percentile of the wait per interval, every outlet")
ax.tick_params(axis="x", rotation=90, labelsize=6)
plt.tight_layout()
plt.savefig(out / "p90.png", dpi=120)
