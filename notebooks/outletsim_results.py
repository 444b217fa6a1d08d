"""Load OutletSim results folders into pandas, and run outletsim for sweeps.

    import outletsim_results as osr
    weekday = osr.load("results/bank-branch-weekday")
    weekday.intervals.loc["wait_p90"]            # value, ci_low, ci_high per interval start
    bigger = osr.variant("scenarios/bank-branch-weekday.yaml", "work/plus20.yaml",
                         {"name": "plus20", "arrivals": {"peaks": [...]}})
    result = osr.run(bigger, replications=30)
    verdicts = osr.check([bigger], out="work/check.json")   # one row per target

Names of segments, transaction types and window groups are kept exactly as
written in the scenario (Chinese included).
"""
from __future__ import annotations

import json
import os
import pathlib
import shutil
import subprocess
from dataclasses import dataclass

import pandas as pd

REPOSITORY = pathlib.Path(__file__).resolve().parents[1]


class OutletSimNotFound(RuntimeError):
    """The outletsim binary is missing."""


class OutletSimFailed(RuntimeError):
    """An outletsim run exited with an error; the message holds its output."""


@dataclass
class Results:
    """One results folder: tables indexed by entity and metric, CIs as columns."""
    folder: pathlib.Path
    summary: dict
    run: dict
    day: pd.DataFrame
    intervals: pd.DataFrame
    segments: pd.DataFrame
    transactions: pd.DataFrame
    window_groups: pd.DataFrame
    resources: pd.DataFrame
    plan: pd.DataFrame
    """The staffing as run: one row per interval start, a column per window group, greeters and guides."""

    def metric(self, table: str, metric: str) -> pd.DataFrame:
        """The rows of one metric in one table, e.g. metric("intervals", "wait_p90")."""
        frame = getattr(self, table)
        return frame.xs(metric, level="metric")


def _table(path: pathlib.Path, index: list[str]) -> pd.DataFrame:
    frame = pd.read_csv(path, dtype={name: "string" for name in index if name != "interval"})
    for column in ("value", "ci_low", "ci_high"):
        frame[column] = frame[column].astype("float64")
    return frame.set_index(index).sort_index()


def load(folder: str | os.PathLike) -> Results:
    """Loads a results folder written by `outletsim run`."""
    folder = pathlib.Path(folder)
    if not (folder / "summary.json").exists():
        raise FileNotFoundError(f"{folder} is not an OutletSim results folder (no summary.json)")
    summary = json.loads((folder / "summary.json").read_text(encoding="utf-8"))
    run = json.loads((folder / "run.json").read_text(encoding="utf-8"))
    day = pd.DataFrame(
        [{"metric": name, "value": v["mean"], "ci_low": v["ci_low"], "ci_high": v["ci_high"]} for name, v in summary["day"].items()]
    ).set_index("metric").astype("float64")
    intervals = _table(folder / "intervals.csv", ["metric", "start"]).drop(columns=["interval", "end"])
    starts = [interval["start"] for interval in summary["intervals"]]
    layout = summary["scenario"]["plan"]
    plan = pd.DataFrame({**layout["windows"], "greeters": layout["greeters"], "guides": layout["guides"]},
                        index=pd.Index(starts, name="start", dtype="string")).astype("int64")
    return Results(
        folder=folder, summary=summary, run=run, day=day, intervals=intervals,
        segments=_table(folder / "segments.csv", ["metric", "segment"]),
        transactions=_table(folder / "transactions.csv", ["metric", "transaction"]),
        window_groups=_table(folder / "window_groups.csv", ["metric", "window_group", "interval"]),
        resources=_table(folder / "resources.csv", ["metric", "resource"]).drop(columns=["kind"]),
        plan=plan,
    )


def binary() -> pathlib.Path:
    """The outletsim binary: $OUTLETSIM, the release build, or the one on PATH."""
    candidates = [os.environ.get("OUTLETSIM"), str(REPOSITORY / ".build" / "release" / "outletsim"), shutil.which("outletsim")]
    for candidate in candidates:
        if candidate and pathlib.Path(candidate).is_file():
            return pathlib.Path(candidate)
    raise OutletSimNotFound(
        "outletsim was not found: set OUTLETSIM to the binary, or build it with `swift build -c release` "
        f"in {REPOSITORY} (looked in: {', '.join(c for c in candidates if c) or 'nowhere'})")


def _call(arguments: list[str], accepted: tuple[int, ...] = (0,)) -> subprocess.CompletedProcess:
    completed = subprocess.run([str(binary()), *arguments], capture_output=True, text=True)
    if completed.returncode not in accepted:
        raise OutletSimFailed(f"outletsim {' '.join(arguments)} exited with status {completed.returncode}:\n"
                              f"{completed.stderr.strip() or completed.stdout.strip()}")
    return completed


def run(scenario: str | os.PathLike, out: str | os.PathLike | None = None, replications: int = 30, seed: int = 1,
        jobs: int | None = None, extra: list[str] | None = None) -> Results:
    """Runs `outletsim run` into its own folder and loads it."""
    scenario = pathlib.Path(scenario)
    out = pathlib.Path(out) if out else pathlib.Path("results") / f"notebook-{scenario.stem}-{seed}-{replications}"
    # --force replaces only a results folder OutletSim wrote, e.g. this helper's own earlier run.
    arguments = ["run", str(scenario), "--replications", str(replications), "--seed", str(seed), "--quiet", "--force", "--out", str(out)]
    if jobs:
        arguments += ["--jobs", str(jobs)]
    _call(arguments + (extra or []))
    return load(out)


def compare(scenarios: list[str | os.PathLike], out: str | os.PathLike, replications: int = 30, seed: int = 1) -> pd.DataFrame:
    """Runs `outletsim compare` and returns comparison.csv, indexed by scope, interval ("" for the day), metric and plan.

    Every plan runs on the same days with the same random streams; `difference`
    and its paired 95% interval are against the first plan, `significant` is a bool.
    """
    out = pathlib.Path(out)
    _call(["compare", *map(str, scenarios), "--replications", str(replications), "--seed", str(seed), "--quiet", "--force", "--out", str(out)])
    frame = pd.read_csv(out / "comparison.csv", dtype={"scope": "string", "interval": "string", "metric": "string", "plan": "string"},
                        keep_default_na=False, na_values={"value": [""], "ci_low": [""], "ci_high": [""], "difference": [""],
                                                          "difference_ci_low": [""], "difference_ci_high": [""]})
    frame["significant"] = frame["significant"].map({"true": True, "false": False, "": pd.NA}).astype("boolean")
    return frame.set_index(["scope", "interval", "metric", "plan"]).sort_index()


def check(scenarios: list[str | os.PathLike], out: str | os.PathLike, replications: int = 30, seed: int = 1,
          jobs: int | None = None) -> pd.DataFrame:
    """Runs `outletsim check` and returns one row per target: verdict, value, CI and bound.

    A failing target is a result here, not an error (exit status 1 is expected);
    an invalid scenario still raises OutletSimFailed.
    """
    out = pathlib.Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    arguments = ["check", *map(str, scenarios), "--replications", str(replications), "--seed", str(seed), "--json", str(out)]
    if jobs:
        arguments += ["--jobs", str(jobs)]
    _call(arguments, accepted=(0, 1))
    document = json.loads(out.read_text(encoding="utf-8"))
    rows = [{"scenario": scenario["name"], **target} for scenario in document["scenarios"] for target in scenario["targets"]]
    columns = ["scenario", "name", "metric", "per_interval", "interval", "verdict", "value", "ci_low", "ci_high",
               "at_least", "at_most", "suggested_replications"]
    frame = pd.DataFrame(rows, columns=columns)
    for column in ("value", "ci_low", "ci_high", "at_least", "at_most"):
        frame[column] = frame[column].astype("float64")
    frame["suggested_replications"] = frame["suggested_replications"].astype("Int64")
    frame["verdict"] = pd.Categorical(frame["verdict"], categories=["pass", "inconclusive", "fail"])
    return frame.set_index(["scenario", "name"])


def schedule(per_interval: pd.Series) -> dict[str, int]:
    """A per-interval count (indexed by "HH:MM" starts, like Results.plan columns) as a
    scenario schedule map that names only the changes, e.g. {"09:00": 3, "11:30": 4}."""
    changes: dict[str, int] = {}
    previous = None
    for start, count in per_interval.items():
        if count != previous:
            changes[str(start)] = int(count)
            previous = count
    return changes


def band(ax, frame: pd.DataFrame, label: str, **style):
    """Draws value as a line and [ci_low, ci_high] as a shaded band on a matplotlib axis."""
    x = list(frame.index)
    line, = ax.plot(x, frame["value"], marker="o", markersize=3, label=label, **style)
    ax.fill_between(x, frame["ci_low"], frame["ci_high"], color=line.get_color(), alpha=0.2, linewidth=0)
    return line


def variant(base: str | os.PathLike, path: str | os.PathLike, overrides: dict) -> pathlib.Path:
    """Writes a scenario that extends `base` with `overrides` (JSON is valid YAML)."""
    path = pathlib.Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    document = {"extends": str(pathlib.Path(base).resolve()), **overrides}
    path.write_text(json.dumps(document, ensure_ascii=False, indent=2), encoding="utf-8")
    return path
