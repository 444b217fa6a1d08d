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
# # Demand growth: when does the weekday plan break, and what keeps it within target?
#
# A new housing estate opens next to the branch, and head office expects
# more walk-ins. We scale every walk-in rate of the weekday branch, peaks
# included, from 100% upwards (`arrivals.scale` in a scenario that extends
# the weekday one; appointments stay as booked), and ask:
#
# 1. At which growth does the **current plan** break each of the branch's
#    service targets?
# 2. For each growth level, **how many extra windows, and in which half
#    hours**, bring it back within every target?
#
# Targets are judged as `outletsim check` judges them in CI: a target fails
# when its whole 95% interval is on the wrong side of the bound, and is
# inconclusive when the interval straddles it.

# %% tags=["parameters"]
# Parameters (papermill): CI runs this small; run it big for decisions.
scenario = "../scenarios/bank-branch-weekday.yaml"
growth = [1.0, 1.1, 1.2, 1.3, 1.4, 1.5]
replications = 100
seed = 1
max_extra_windows = 40   # window-half-hours added per growth level before giving up
out_dir = "../results/notebooks/demand_growth"

# %%
import pathlib

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from IPython.display import Markdown, display

import outletsim_results as osr

out = pathlib.Path(out_dir)
out.mkdir(parents=True, exist_ok=True)


def label(factor: float) -> str:
    return f"{round(factor * 100)}%"


def growth_variant(factor: float, windows: dict | None = None, suffix: str = "") -> pathlib.Path:
    name = f"weekday-demand-{round(factor * 100)}{suffix}"
    overrides = {"name": name, "arrivals": {"scale": factor}}
    if windows:
        overrides["windows"] = windows
    return osr.variant(scenario, out / "scenarios" / f"{name}.yaml", overrides)


# %% [markdown]
# ## 1. The current plan under growing demand

# %%
variants = {label(factor): growth_variant(factor) for factor in growth}
verdicts = osr.check(list(variants.values()), out=out / "current-plan-check.json", replications=replications, seed=seed)
names = {path.stem: level for level, path in variants.items()}
verdicts = verdicts.rename(index=names, level="scenario")
grid = verdicts["verdict"].unstack("scenario")[list(variants)]
display(grid)

# %%
codes = {"pass": 0, "inconclusive": 1, "fail": 2}
fig, ax = plt.subplots(figsize=(2 + 1.1 * len(variants), 0.5 * len(grid) + 1.5))
matrix = grid.apply(lambda column: column.map(codes)).to_numpy(dtype=float)
ax.imshow(matrix, cmap=plt.matplotlib.colors.ListedColormap(["#4caf50", "#ffc107", "#e53935"]), vmin=0, vmax=2, aspect="auto")
ax.set_xticks(range(len(grid.columns)), grid.columns)
ax.set_yticks(range(len(grid.index)), grid.index)
for (row, column), value in np.ndenumerate(matrix):
    ax.text(column, row, grid.iloc[row, column], ha="center", va="center", fontsize=8)
ax.set_xlabel("walk-in demand, % of today")
ax.set_title("The current plan's targets as demand grows")
fig.tight_layout()
fig.savefig(out / "targets-by-growth.png", dpi=120)

# %%
lines = []
for target, row in grid.iterrows():
    failing = [level for level in row.index if row[level] == "fail"]
    if failing:
        lines.append(f"- **{target}** breaks at {failing[0]} of today's demand.")
    else:
        lines.append(f"- **{target}** holds up to {row.index[-1]}"
                     + (" (inconclusive at " + ", ".join(level for level in row.index if row[level] == "inconclusive") + ")"
                        if (row == "inconclusive").any() else "") + ".")
display(Markdown("\n".join(lines)))

# %% [markdown]
# ## 2. Extra windows that keep each growth level within target
#
# A greedy repair, one window-half-hour at a time: while some target
# fails, find the half hour with the worst p90 wait, and open one more
# window there in the window group whose customers wait longest in it.
# Every candidate runs on the same days and customers (same seed), so the
# steps compare like with like. Inconclusive targets are accepted, as
# `outletsim check` accepts them without `--strict`.

# %%
base = osr.run(scenario, out=out / "runs" / "today", replications=replications, seed=seed)
groups = list(base.plan.columns.drop(["greeters", "guides"]))
repairs = {}
for factor in growth:
    plan = base.plan[groups].copy()
    added = []
    while True:
        windows = {group: {"open": osr.schedule(plan[group])} for group in groups}
        candidate = growth_variant(factor, windows, suffix="-repaired")
        check = osr.check([candidate], out=out / "checks" / f"{candidate.stem}.json", replications=replications, seed=seed)
        failing = list(check.index[check["verdict"] == "fail"].get_level_values("name"))
        if not failing or len(added) >= max_extra_windows:
            break
        results = osr.run(candidate, out=out / "runs" / candidate.stem, replications=replications, seed=seed)
        worst = results.metric("intervals", "wait_p90")["value"].idxmax()
        group_waits = results.window_groups.xs(("wait_p90", worst), level=("metric", "interval"))["value"]
        group = group_waits.reindex(groups).fillna(-np.inf).idxmax()
        plan.loc[worst, group] += 1
        added.append((worst, group))
    repairs[label(factor)] = {"added": added, "still_failing": failing, "plan": plan}

extra = pd.DataFrame({level: (repair["plan"] - base.plan[groups]).sum(axis=1) for level, repair in repairs.items()})
display(extra.T)

# %%
fig, ax = plt.subplots(figsize=(10, 4.5))
bottom = np.zeros(len(extra.index))
width = 0.8 / max(1, len(repairs))
for offset, level in enumerate(extra.columns):
    ax.bar(np.arange(len(extra.index)) + offset * width, extra[level], width=width, label=level)
ax.set_xticks(np.arange(len(extra.index)) + width * (len(extra.columns) - 1) / 2, extra.index, rotation=45)
ax.set_ylabel("extra windows open")
ax.set_xlabel("half hour starting")
ax.set_title("Extra windows that keep every target met, by demand level")
ax.legend(title="demand")
ax.grid(alpha=0.3, axis="y")
fig.tight_layout()
fig.savefig(out / "extra-windows-by-growth.png", dpi=120)

# %%
interval_hours = base.summary["scenario"]["interval_minutes"] / 60
lines = []
for level, repair in repairs.items():
    by_group = pd.Series([group for _, group in repair["added"]], dtype="string").value_counts()
    if repair["still_failing"]:
        lines.append(f"- **{level}**: not within target after {len(repair['added'])} extra window-half-hours; "
                     f"still failing: {', '.join(repair['still_failing'])}.")
    elif not repair["added"]:
        lines.append(f"- **{level}**: the current plan meets every target; no extra windows.")
    else:
        starts = sorted({start for start, _ in repair["added"]})
        lines.append(f"- **{level}**: {len(repair['added'])} extra window-half-hours "
                     f"({len(repair['added']) * interval_hours:.1f} staff-hours: "
                     + ", ".join(f"{count} {group}" for group, count in by_group.items())
                     + f"), in {', '.join(starts)}.")
display(Markdown("\n".join(lines)))
