"""report.html of a network: cost and targets met per outlet, the outlets
that fail, and the saving of optimized plans against the current ones.
One self-contained page, no scripts."""
from __future__ import annotations

import html
import math

import pandas as pd


def _number(value, digits: int = 0) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    return f"{value:,.{digits}f}"


def _count(row, key: str) -> int:
    value = row.get(key)
    return 0 if value is None or (isinstance(value, float) and math.isnan(value)) else int(value)


def render(name: str, frames: dict[str, pd.DataFrame], work: str, days: int) -> str:
    outlets = frames["outlets"]
    targets = frames["targets"]
    rows = []
    for _, row in outlets.iterrows():
        failing = _count(row, "targets_fail")
        no_plan = "plan_found" in outlets.columns and row.get("plan_found") is False
        css = "fail" if failing or no_plan else ("inconclusive" if _count(row, "targets_inconclusive") else "pass")
        cells = [html.escape(str(row["outlet"])), html.escape(str(row["variant"]))]
        if "cost" in outlets.columns:
            cells.append(f"{_number(row.get('cost'))} [{_number(row.get('cost_ci_low'))}, {_number(row.get('cost_ci_high'))}]")
        if "saving" in outlets.columns and no_plan:
            cells += ["no plan within the search bounds meets the targets", "—", "—"]
        elif "saving" in outlets.columns:
            cells.append(_number(row.get("plan_cost")))
            cells.append(_number(row.get("current_cost")))
            cells.append(f"{_number(row.get('saving'))} [{_number(row.get('saving_ci_low'))}, {_number(row.get('saving_ci_high'))}]")
        for verdict in ("pass", "fail", "inconclusive"):
            cells.append(str(_count(row, f"targets_{verdict}")))
        rows.append(f'<tr class="{css}"><td>' + "</td><td>".join(cells) + "</td></tr>")
    header = ["outlet", "variant"]
    if "cost" in outlets.columns:
        header.append("cost a day (yuan) [95% CI]")
    if "saving" in outlets.columns:
        header += ["plan cost", "current cost", "saving a day [95% CI]"]
    header += ["targets passed", "failed", "inconclusive"]
    failing = targets[targets.verdict == "fail"] if len(targets) else targets
    failing_rows = "".join(
        f"<tr><td>{html.escape(str(r.outlet))}</td><td>{html.escape(str(r.variant))}</td><td>{html.escape(str(r.target))}</td>"
        f"<td>{html.escape(str(r.interval)) if r.interval is not None and r.interval == r.interval else 'day'}</td>"
        f"<td>{_number(r.value, 3)} [{_number(r.ci_low, 3)}, {_number(r.ci_high, 3)}]</td></tr>"
        for r in failing.itertuples())
    failing_outlets = sorted(set(zip(failing.outlet, failing.variant))) if len(failing) else []
    total_saving = outlets["saving"].sum() if "saving" in outlets.columns else None
    unreachable = int((outlets["plan_found"] == False).sum()) if "plan_found" in outlets.columns else 0  # noqa: E712
    summary = (f"{len(outlets)} outlet variants, work: {work}, {days} days each. "
               f"{len(failing_outlets)} fail a target.")
    if total_saving is not None:
        summary += f" Optimized plans save {_number(total_saving)} yuan a day in all against the current plans."
    if unreachable:
        summary += f" {unreachable} outlet variant(s) have no plan within their search bounds that meets every target."
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Network {html.escape(name)}</title>
<style>
body {{ font-family: system-ui, "Noto Sans CJK SC", sans-serif; margin: 2rem auto; max-width: 1100px; padding: 0 1rem; color: #222; }}
table {{ border-collapse: collapse; margin: 1rem 0 2rem; }} td, th {{ padding: 0.3rem 0.6rem; border-bottom: 1px solid #ddd; text-align: right; }}
td:first-child, th:first-child, td:nth-child(2), th:nth-child(2) {{ text-align: left; }}
tr.pass td {{ background: #eef8ea; }} tr.fail td {{ background: #f9dedb; }} tr.inconclusive td {{ background: #fdf6dc; }}
</style></head><body>
<h1>Network {html.escape(name)}</h1>
<p class="meta">{html.escape(summary)}</p>
<h2>Outlets</h2>
<table class="outlets"><tr><th>{"</th><th>".join(header)}</th></tr>
{"".join(rows)}
</table>
<h2>Outlets that fail a target</h2>
{"<p>None.</p>" if not failing_rows else '<table class="failing"><tr><th>outlet</th><th>variant</th><th>target</th><th>where</th><th>value [95% CI]</th></tr>' + failing_rows + "</table>"}
</body></html>
"""
