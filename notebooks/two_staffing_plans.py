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
# # Two staffing plans for the weekday branch
#
# The branch manager has two rosters for the same weekday. **Plan A** is the
# roster in `scenarios/bank-branch-weekday.yaml`. **Plan B** moves counter
# time from the quiet morning to the lunch peak: one cash window fewer before
# 10:00 and one general window more from 11:30 to 13:30.
#
# The questions are the ones the manager asks:
#
# 1. How does the 90th-percentile wait compare, half hour by half hour?
# 2. What is the difference in the cost of the day?
# 3. Where do the plans really differ, and where is the difference just noise?
#
# Both plans are simulated on the same days, with the same customers
# (common random numbers). `outletsim compare` then gives paired 95%
# intervals for the differences, which are much narrower than two separate
# intervals would be.

# %% tags=["parameters"]
# Parameters (papermill): CI runs this small; run it big for decisions.
scenario = "../scenarios/bank-branch-weekday.yaml"
plan_b_name = "weekday-lunch-cover"
plan_b_windows = {
    "cash": {"open": {"09:00": 1, "10:00": 2, "11:30": 3, "13:30": 2, "16:00": 3}},
    "general": {"open": {"09:00": 3, "11:30": 5, "13:30": 3, "16:00": 4}},
}
replications = 200
seed = 1
out_dir = "../results/notebooks/two_staffing_plans"

# %%
import pathlib

import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import Markdown, display

import outletsim_results as osr

out = pathlib.Path(out_dir)
out.mkdir(parents=True, exist_ok=True)
plan_b_file = osr.variant(scenario, out / f"{plan_b_name}.yaml", {"name": plan_b_name, "windows": plan_b_windows})
plan_a = osr.run(scenario, out=out / "plan-a", replications=replications, seed=seed)
plan_b = osr.run(plan_b_file, out=out / "plan-b", replications=replications, seed=seed)
comparison = osr.compare([scenario, plan_b_file], out=out / "comparison", replications=replications, seed=seed)
name_a, name_b = plan_a.summary["scenario"]["name"], plan_b.summary["scenario"]["name"]

# %% [markdown]
# ## The two rosters
#
# Open windows per half hour, read back from the results folders (the plan
# as it was simulated, not as we meant to write it).

# %%
rosters = pd.concat({name_a: plan_a.plan, name_b: plan_b.plan}, axis=1)
display(rosters)
hours = {name: results.day.loc["window_staff_hours", "value"] for name, results in [(name_a, plan_a), (name_b, plan_b)]}
display(Markdown(f"Window staff-hours a day, flexible windows included: **{name_a}** {hours[name_a]:.1f}, "
                 f"**{name_b}** {hours[name_b]:.1f}."))

# %% [markdown]
# ## The p90 wait per half hour
#
# The line is the mean over the simulated days of each half hour's 90th
# percentile wait (of the customers who arrived in it); the band is its 95%
# confidence interval.

# %%
fig, ax = plt.subplots(figsize=(10, 4.5))
osr.band(ax, plan_a.metric("intervals", "wait_p90"), name_a)
osr.band(ax, plan_b.metric("intervals", "wait_p90"), name_b)
ax.set_xlabel("half hour starting")
ax.set_ylabel("p90 wait (minutes)")
ax.set_title(f"p90 wait per half hour, {replications} days, 95% intervals")
ax.tick_params(axis="x", rotation=45)
ax.grid(alpha=0.3)
ax.legend()
fig.tight_layout()
fig.savefig(out / "p90-wait-per-interval.png", dpi=120)

# %% [markdown]
# ## The day: service, abandonment and cost
#
# Differences are plan B minus plan A, with paired 95% intervals from
# `outletsim compare`.

# %%
day_metrics = ["wait_mean", "wait_p90", "share_served_within_10", "share_abandoned", "overtime_minutes",
               "window_staff_hours", "cost_staff", "cost"]
day = comparison.xs(("day", ""), level=("scope", "interval"))
table = pd.DataFrame({
    name_a: [day.loc[(m, name_a), "value"] for m in day_metrics],
    name_b: [day.loc[(m, name_b), "value"] for m in day_metrics],
    "difference": [day.loc[(m, name_b), "difference"] for m in day_metrics],
    "ci_low": [day.loc[(m, name_b), "difference_ci_low"] for m in day_metrics],
    "ci_high": [day.loc[(m, name_b), "difference_ci_high"] for m in day_metrics],
    "significant": [bool(day.loc[(m, name_b), "significant"]) for m in day_metrics],
}, index=pd.Index(day_metrics, name="metric"))
display(table.round(3))

# %%
def describe(metric: str, unit: str, digits: int = 1) -> str:
    row = table.loc[metric]
    if not row["significant"]:
        return (f"no significant difference in {metric} ({row['difference']:+.{digits}f} {unit}, "
                f"95% interval {row['ci_low']:+.{digits}f} to {row['ci_high']:+.{digits}f})")
    direction = "higher" if row["difference"] > 0 else "lower"
    return (f"{metric} is {abs(row['difference']):.{digits}f} {unit} {direction} under {name_b} "
            f"(95% interval {row['ci_low']:+.{digits}f} to {row['ci_high']:+.{digits}f})")

display(Markdown("**Cost:** " + describe("cost", "yuan a day", 0) + ".\n\n"
                 "**Waits:** " + describe("wait_p90", "minutes") + "; " + describe("wait_mean", "minutes") + ".\n\n"
                 "**Service level:** " + describe("share_served_within_10", "(share)", 3) + "."))

# %% [markdown]
# ## Where the plans differ
#
# Per half hour, the paired difference in p90 wait and in the share called
# within 10 minutes. Filled markers are significant at 95%; hollow ones are
# within noise.

# %%
intervals = comparison.xs(("interval", name_b), level=("scope", "plan"))
fig, axes = plt.subplots(1, 2, figsize=(12, 4.5), sharex=True)
for ax, metric, label in [(axes[0], "wait_p90", "p90 wait, B - A (minutes)"),
                          (axes[1], "share_served_within_10", "share within 10 min, B - A")]:
    rows = intervals.xs(metric, level="metric")
    x = list(rows.index)
    ax.errorbar(x, rows["difference"], yerr=[rows["difference"] - rows["difference_ci_low"],
                                              rows["difference_ci_high"] - rows["difference"]],
                fmt="none", ecolor="grey", capsize=2)
    significant = rows["significant"].fillna(False).astype(bool)
    ax.scatter([s for s, flag in zip(x, significant) if flag], rows["difference"][significant], color="C3", zorder=3,
               label="significant")
    ax.scatter([s for s, flag in zip(x, significant) if not flag], rows["difference"][~significant], facecolors="none",
               edgecolors="C0", zorder=3, label="not significant")
    ax.axhline(0, color="black", linewidth=0.8)
    ax.set_ylabel(label)
    ax.tick_params(axis="x", rotation=45)
    ax.grid(alpha=0.3)
axes[0].legend()
fig.suptitle(f"{name_b} against {name_a}, paired 95% intervals over {replications} days")
fig.tight_layout()
fig.savefig(out / "differences-per-interval.png", dpi=120)

# %%
p90 = intervals.xs("wait_p90", level="metric")
better = [start for start, row in p90.iterrows() if row["significant"] and row["difference"] < 0]
worse = [start for start, row in p90.iterrows() if row["significant"] and row["difference"] > 0]
display(Markdown(
    f"{name_b} has a significantly **shorter** p90 wait in {len(better)} half hours "
    f"({', '.join(better) or 'none'}) and a significantly **longer** one in {len(worse)} "
    f"({', '.join(worse) or 'none'}); the other {len(p90) - len(better) - len(worse)} are within noise."))
