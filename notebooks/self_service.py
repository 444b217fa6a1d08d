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
# # Self-service: one more kiosk or one more guide?
#
# The weekday branch can buy another smart teller (a kiosk-day costs money)
# or put another guide on the floor (a guide raises the share of customers
# who try a kiosk, and their success there, but is paid by the hour). Which
# helps more depends on how willing customers are to use kiosks at all: the
# segments' **adoption** (their `self_service` propensity).
#
# Guides here are people (`self_service.guide_assist`): a customer whose
# need a kiosk can do asks a guide, waits a little for a free one, and only
# the customers a guide helped get the guide's effect. A guide helps one
# customer at a time, so at busy times a second guide helps those the
# first has no time for.
#
# For every combination of smart tellers, guides and adoption level, we
# simulate three plans on the same days and customers:
#
# - the **base** plan,
# - the base plan with **one more smart teller**,
# - the base plan with **one more guide** all day,
#
# and compare them with `outletsim compare`: the wait and the cost of the
# day, with paired 95% intervals.

# %% tags=["parameters"]
# Parameters (papermill): CI runs this small; run it big for decisions.
scenario = "../scenarios/bank-branch-weekday.yaml"
kiosk_type = "smart teller"
kiosks = [1, 2, 3]
guides = [0, 1, 2]
adoption = [0.75, 1.0, 1.25, 1.5]   # multiplies every segment's self_service propensity
# Guides as people: who asks, how long a guide takes, how long customers wait for one.
guide_assist = {"asks": 0.6, "time": "exponential(mean=3)", "patience": "exponential(mean=2)"}
replications = 100
seed = 1
out_dir = "../results/notebooks/self_service"

# %%
import itertools
import pathlib

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import yaml
from IPython.display import Markdown, display

import outletsim_results as osr

out = pathlib.Path(out_dir)
out.mkdir(parents=True, exist_ok=True)
# Today's propensities, read from the scenario file itself.
segments = yaml.safe_load(pathlib.Path(scenario).read_text(encoding="utf-8"))["segments"]
propensity = {name: float(segment.get("self_service", 0)) for name, segment in segments.items()}
display(pd.Series(propensity, name="self_service today").to_frame())


def plan(k: int, g: int, a: float) -> pathlib.Path:
    name = f"weekday-k{k}-g{g}-a{round(a * 100)}"
    return osr.variant(scenario, out / "scenarios" / f"{name}.yaml", {
        "name": name,
        "segments": {segment: {"self_service": min(1.0, p * a)} for segment, p in propensity.items()},
        "self_service": {"kiosks": {kiosk_type: {"count": k}}, "guides": g, "guide_assist": guide_assist},
    })


# %% [markdown]
# ## One more kiosk against one more guide, everywhere on the grid

# %%
rows = []
for a, k, g in itertools.product(adoption, kiosks, guides):
    base, more_kiosk, more_guide = plan(k, g, a), plan(k + 1, g, a), plan(k, g + 1, a)
    folder = out / "comparisons" / base.stem
    table = osr.compare([base, more_kiosk, more_guide], out=folder, replications=replications, seed=seed)
    head_to_head = osr.compare([more_kiosk, more_guide], out=folder.with_name(base.stem + "-head-to-head"),
                               replications=replications, seed=seed)
    day = table.xs(("day", ""), level=("scope", "interval"))
    duel = head_to_head.xs(("day", ""), level=("scope", "interval"))
    rows.append({
        "adoption": a, "kiosks": k, "guides": g,
        "wait_mean": day.loc[("wait_mean", base.stem), "value"],
        "kiosk_share": day.loc[("kiosk_share", base.stem), "value"],
        "kiosk_wait_saving": -day.loc[("wait_mean", more_kiosk.stem), "difference"],
        "guide_wait_saving": -day.loc[("wait_mean", more_guide.stem), "difference"],
        "kiosk_cost": day.loc[("cost", more_kiosk.stem), "difference"],
        "guide_cost": day.loc[("cost", more_guide.stem), "difference"],
        # guide plan minus kiosk plan, paired: negative means the guide waits less
        "guide_minus_kiosk_wait": duel.loc[("wait_mean", more_guide.stem), "difference"],
        "guide_minus_kiosk_low": duel.loc[("wait_mean", more_guide.stem), "difference_ci_low"],
        "guide_minus_kiosk_high": duel.loc[("wait_mean", more_guide.stem), "difference_ci_high"],
        "significant": bool(duel.loc[("wait_mean", more_guide.stem), "significant"]),
    })
grid = pd.DataFrame(rows).set_index(["adoption", "kiosks", "guides"])


def winner(row) -> str:
    if not row["significant"]:
        return "tie"
    return "guide" if row["guide_minus_kiosk_wait"] < 0 else "kiosk"


grid["shorter_wait"] = grid.apply(winner, axis=1)


def per_100_yuan(saving: pd.Series, cost: pd.Series) -> pd.Series:
    """Minutes of mean wait saved per 100 yuan a day; an option that saves time for free is worth infinitely much."""
    return pd.Series(np.where(cost > 0, 100 * saving / cost.where(cost > 0), np.where(saving > 0, np.inf, 0.0)),
                     index=saving.index)


grid["kiosk_minutes_per_100_yuan"] = per_100_yuan(grid["kiosk_wait_saving"], grid["kiosk_cost"])
grid["guide_minutes_per_100_yuan"] = per_100_yuan(grid["guide_wait_saving"], grid["guide_cost"])
grid["guide_minus_kiosk_cost"] = grid["guide_cost"] - grid["kiosk_cost"]
display(grid.round(3))

# %% [markdown]
# ## The map: where the guide wins
#
# Each panel is one adoption level. The colour is how much shorter the
# mean wait is with one more guide than with one more kiosk (minutes,
# green for the guide, purple for the kiosk); the label gives the winner
# on wait (`tie` when the paired interval contains 0) and the extra cost
# of the guide over the kiosk in yuan a day.

# %%
limit = float(np.nanmax(np.abs(grid["guide_minus_kiosk_wait"]))) or 1.0
fig, axes = plt.subplots(1, len(adoption), figsize=(3.2 * len(adoption) + 1, 3.4), squeeze=False)
for ax, a in zip(axes[0], adoption):
    panel = grid.xs(a, level="adoption")
    matrix = (-panel["guide_minus_kiosk_wait"]).unstack("guides").reindex(index=kiosks, columns=guides)
    image = ax.imshow(matrix.to_numpy(), cmap="PRGn", vmin=-limit, vmax=limit, origin="lower", aspect="auto")
    for (i, k), (j, g) in itertools.product(enumerate(kiosks), enumerate(guides)):
        row = panel.loc[(k, g)]
        ax.text(j, i, f"{row['shorter_wait']}\n{row['guide_minus_kiosk_cost']:+.0f}", ha="center", va="center", fontsize=8)
    ax.set_xticks(range(len(guides)), guides)
    ax.set_yticks(range(len(kiosks)), kiosks)
    ax.set_xlabel("guides now")
    ax.set_title(f"adoption x{a:g}")
axes[0][0].set_ylabel(f"{kiosk_type} kiosks now")
fig.colorbar(image, ax=axes[0].tolist(), label="wait saved by guide over kiosk (min)")
fig.savefig(out / "guide-or-kiosk.png", dpi=120, bbox_inches="tight")

# %% [markdown]
# ## What a guide does to adoption
#
# The measured share of customers served at a kiosk, for each kiosk count,
# against the number of guides: a guide moves this share, a kiosk mostly
# shortens the kiosk queue.

# %%
fig, axes = plt.subplots(1, len(adoption), figsize=(3.2 * len(adoption) + 1, 3.2), sharey=True, squeeze=False)
for ax, a in zip(axes[0], adoption):
    panel = grid.xs(a, level="adoption")["kiosk_share"].unstack("kiosks")
    for k in kiosks:
        ax.plot(panel.index, panel[k], marker="o", label=f"{k} kiosks")
    ax.set_xticks(guides)
    ax.set_xlabel("guides")
    ax.set_title(f"adoption x{a:g}")
    ax.grid(alpha=0.3)
axes[0][0].set_ylabel("share served at a kiosk")
axes[0][-1].legend()
fig.tight_layout()
fig.savefig(out / "kiosk-share.png", dpi=120)

# %% [markdown]
# ## A second guide at busy times
#
# One layout (the middle kiosk count, today's adoption) with one guide
# against two, on the same days and customers: in the busiest intervals,
# how many more of those who ask are helped, how much the kiosk share
# moves, and how the wait for a guide and for a window change (paired 95%
# intervals of the difference, two guides minus one).

# %%
middle_kiosks = kiosks[len(kiosks) // 2]
today = 1.0 if 1.0 in adoption else adoption[0]
one_guide, two_guides = plan(middle_kiosks, 1, today), plan(middle_kiosks, 2, today)
pair = osr.compare([one_guide, two_guides], out=out / "comparisons" / "second-guide", replications=replications, seed=seed)
per_interval = pair.xs("interval", level="scope")
arrivals = per_interval.xs(("arrivals", one_guide.stem), level=("metric", "plan"))["value"]
busiest = arrivals.sort_values(ascending=False).index[:3]
effect_rows = []
for interval in busiest:
    for metric in ["share_helped", "kiosk_share", "guide_wait_mean", "wait_mean"]:
        row = per_interval.loc[(interval, metric, two_guides.stem)]
        effect_rows.append({"interval": interval, "metric": metric, "one guide": per_interval.loc[(interval, metric, one_guide.stem), "value"],
                            "two guides": row["value"], "difference": row["difference"],
                            "ci_low": row["difference_ci_low"], "ci_high": row["difference_ci_high"],
                            "significant": bool(row["significant"])})
second_guide = pd.DataFrame(effect_rows).set_index(["interval", "metric"])
display(second_guide.round(3))

# %% [markdown]
# ## Conclusions, from the numbers above

# %%
lines = []
for a in adoption:
    panel = grid.xs(a, level="adoption")
    counts = panel["shorter_wait"].value_counts()
    guide_wins = [f"{k} kiosks and {g} guides" for (k, g), row in panel.iterrows() if row["shorter_wait"] == "guide"]
    cheaper_per_minute = (panel["guide_minutes_per_100_yuan"] > panel["kiosk_minutes_per_100_yuan"]).sum()
    lines.append(
        f"- **Adoption x{a:g}:** the guide gives the shorter wait in {counts.get('guide', 0)} of {len(panel)} layouts"
        + (f" ({'; '.join(guide_wins)})" if guide_wins else "")
        + f", the kiosk in {counts.get('kiosk', 0)}, and {counts.get('tie', 0)} are ties; "
        f"per yuan, the guide saves more waiting in {cheaper_per_minute} of {len(panel)}.")
helped = second_guide.xs("share_helped", level="metric")
kiosk = second_guide.xs("kiosk_share", level="metric")
peak = helped.index[0]
lines.append(
    f"- **A second guide** at the busiest interval ({peak}) helps {100 * helped.loc[peak, 'two guides']:.0f}% of those "
    f"who ask instead of {100 * helped.loc[peak, 'one guide']:.0f}% "
    f"(+{100 * helped.loc[peak, 'difference']:.1f} points, 95% [{100 * helped.loc[peak, 'ci_low']:.1f}, "
    f"{100 * helped.loc[peak, 'ci_high']:.1f}]), and moves the kiosk share by {100 * kiosk.loc[peak, 'difference']:+.1f} points "
    f"[{100 * kiosk.loc[peak, 'ci_low']:.1f}, {100 * kiosk.loc[peak, 'ci_high']:.1f}]"
    + ("" if helped.loc[peak, "significant"] else " (not significant on these days)") + ".")
display(Markdown("\n".join(lines)))
