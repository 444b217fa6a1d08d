"""The network's results as tables, one per level, written as Parquet:

- outlets.parquet: outlet × variant: cost with its interval, targets passed,
  failed and inconclusive, and for optimize the plan's cost, the current
  plan's and the saving with its interval;
- metrics.parquet: outlet × variant × day metric (mean, ci_low, ci_high);
- intervals.parquet: outlet × variant × interval × metric;
- targets.parquet: outlet × variant × target, with verdict, value and interval.

`pandas.read_parquet("results/network-NAME/outlets.parquet")` loads one.
"""
from __future__ import annotations

import json
import pathlib

import pandas as pd

from .tasks import Task


def _rows(tasks: list[Task], folder: pathlib.Path):
    by_place: dict[tuple[str, str], dict[str, Task]] = {}
    for task in tasks:
        if task.kind == "fit":
            continue  # the scenario its outlet's tasks run, not a result of its own
        by_place.setdefault((task.outlet, task.variant), {})[task.kind] = task
    return by_place


def build(tasks: list[Task], folder: pathlib.Path) -> dict[str, pd.DataFrame]:
    outlets, metrics, intervals, targets = [], [], [], []
    for (outlet, variant), kinds in _rows(tasks, folder).items():
        row = {"outlet": outlet, "variant": variant}
        run = kinds.get("run") or kinds.get("merge")
        if run is not None:
            summary = json.loads((folder / run.output / "summary.json").read_text(encoding="utf-8"))
            for name, value in summary["day"].items():
                metrics.append({"outlet": outlet, "variant": variant, "metric": name, "mean": value["mean"],
                                "ci_low": value["ci_low"], "ci_high": value["ci_high"]})
            cost = summary["day"].get("cost")
            row.update({"cost": cost["mean"] if cost else None, "cost_ci_low": cost["ci_low"] if cost else None,
                        "cost_ci_high": cost["ci_high"] if cost else None, "days": summary["run"]["replications"]})
            table = pd.read_csv(folder / run.output / "intervals.csv")
            table.insert(0, "variant", variant)
            table.insert(0, "outlet", outlet)
            intervals.append(table)
        check = kinds.get("check")
        verdicts = None
        if run is not None:
            judged = pd.read_csv(folder / run.output / "targets.csv", keep_default_na=False, na_values=[""])
            verdicts = [{"name": r["target"], "metric": r["metric"], "interval": None if pd.isna(r["interval"]) else r["interval"],
                         "verdict": r["verdict"], "value": r["value"], "ci_low": r["ci_low"], "ci_high": r["ci_high"],
                         "at_least": None if pd.isna(r["at_least"]) else r["at_least"],
                         "at_most": None if pd.isna(r["at_most"]) else r["at_most"],
                         "unit": r["unit"], "bound_text": r["bound_text"]} for r in judged.to_dict("records")]
        elif check is not None:
            report = json.loads((folder / check.output).read_text(encoding="utf-8"))
            verdicts = [t for scenario in report["scenarios"] for t in scenario["targets"]]
        if verdicts is not None:
            for target in verdicts:
                targets.append({"outlet": outlet, "variant": variant, "target": target["name"], "metric": target["metric"],
                                "interval": target["interval"], "verdict": target["verdict"], "value": target["value"],
                                "ci_low": target["ci_low"], "ci_high": target["ci_high"],
                                "at_least": target["at_least"], "at_most": target["at_most"],
                                "unit": target["unit"], "bound_text": target["bound_text"]})
            for verdict in ("pass", "fail", "inconclusive"):
                row[f"targets_{verdict}"] = sum(t["verdict"] == verdict for t in verdicts)
        optimize = kinds.get("optimize")
        if optimize is not None:
            result = folder / optimize.output / "optimization.json"
            if result.exists():
                data = json.loads(result.read_text(encoding="utf-8"))
                current = data.get("current_plan", {})
                saving = current.get("saving", {})
                validation = data.get("validation", {})
                plan_summary = json.loads((folder / optimize.output / "summary.json").read_text(encoding="utf-8"))
                row.update({"plan_cost": plan_summary["day"].get("cost", {}).get("mean"),
                            "current_cost": current.get("cost"), "saving": saving.get("yuan_per_day"),
                            "saving_ci_low": saving.get("ci_low"), "saving_ci_high": saving.get("ci_high"),
                            "plan_found": True,
                            "targets_pass": sum(v.get("verdict") == "pass" for v in validation.values()),
                            "targets_fail": sum(v.get("verdict") == "fail" for v in validation.values()),
                            "targets_inconclusive": sum(v.get("verdict") == "inconclusive" for v in validation.values())})
            else:
                row["plan_found"] = False
        outlets.append(row)
    frames = {
        "outlets": pd.DataFrame(outlets),
        "metrics": pd.DataFrame(metrics, columns=["outlet", "variant", "metric", "mean", "ci_low", "ci_high"]),
        "intervals": pd.concat(intervals, ignore_index=True) if intervals else pd.DataFrame(),
        "targets": pd.DataFrame(targets, columns=["outlet", "variant", "target", "metric", "interval", "verdict", "value",
                                                  "ci_low", "ci_high", "at_least", "at_most", "unit", "bound_text"]),
    }
    return {name: frame.sort_values([c for c in ("outlet", "variant") if c in frame.columns], kind="stable").reset_index(drop=True)
            if len(frame) else frame for name, frame in frames.items()}


def write(frames: dict[str, pd.DataFrame], folder: pathlib.Path) -> None:
    for name, frame in frames.items():
        partial = folder / f".{name}.parquet.partial"
        frame.to_parquet(partial, index=False)
        partial.replace(folder / f"{name}.parquet")
