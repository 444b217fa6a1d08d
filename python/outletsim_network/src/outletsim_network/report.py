"""report.html of a network: the network's totals, charts of each outlet's
cost and verdicts, cost and targets met per outlet, the targets that fail
with their bounds, and the saving of optimized plans against the current
ones. One self-contained page, inline SVG, no scripts."""
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


def _shown(value, unit: str) -> str:
    """A target's value as OutletSim shows it everywhere (Swift's ValueUnit): shares as percentages with one
    decimal, minutes with one, people and densities with two."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    if unit == "share":
        return f"{value * 100:.1f}%"
    return f"{value:.1f}" if unit in ("minutes", "hours", "count", "staff") else f"{value:.2f}"


def _value(row) -> str:
    """ "77.2% [76.4%, 77.9%]", "17.3 min [16.8, 18.0]": as the terminal shows a target's value."""
    suffix = {"minutes": " min", "hours": " h", "density": " per m²"}.get(row.unit, "")
    return f"{_shown(row.value, row.unit)}{suffix} [{_shown(row.ci_low, row.unit)}, {_shown(row.ci_high, row.unit)}]"


def _bound(row) -> str:
    return row.bound_text if isinstance(row.bound_text, str) and row.bound_text else "—"


def _cost_chart(outlets: pd.DataFrame) -> str:
    """Horizontal bars: each outlet variant's cost a day with its 95% interval."""
    rows = outlets[outlets.cost.notna()] if "cost" in outlets.columns else outlets.iloc[0:0]
    if not len(rows):
        return "<p>No outlet gives costs (a scenario's <code>costs:</code>), so there is no cost to chart.</p>"
    label_width, bar_width, height = 260, 560, 22
    highest = max(rows.cost_ci_high.max(), rows.cost.max())
    magnitude = 10 ** math.floor(math.log10(highest / 4))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude * 4 >= highest)
    top = step * 4
    parts = []
    for index, row in enumerate(rows.itertuples()):
        y = 30 + index * height
        x = lambda value: label_width + bar_width * value / top  # noqa: E731
        parts.append(f'<text x="{label_width - 8}" y="{y + 15}" text-anchor="end">{html.escape(f"{row.outlet} · {row.variant}")}</text>'
                     f'<rect x="{label_width}" y="{y + 4}" width="{x(row.cost) - label_width:.1f}" height="{height - 8}" fill="#5b8bd0"/>'
                     f'<line x1="{x(row.cost_ci_low):.1f}" x2="{x(row.cost_ci_high):.1f}" y1="{y + 11}" y2="{y + 11}" stroke="#222"/>'
                     f'<text x="{x(row.cost_ci_high) + 6:.1f}" y="{y + 15}">{_number(row.cost)}</text>')
    ticks = "".join(f'<line x1="{label_width + bar_width * t / 4:.1f}" x2="{label_width + bar_width * t / 4:.1f}" y1="24" '
                    f'y2="{30 + len(rows) * height}" stroke="#ddd"/><text x="{label_width + bar_width * t / 4:.1f}" y="18" '
                    f'text-anchor="middle">{_number(top * t / 4)}</text>' for t in range(5))
    total_height = 40 + len(rows) * height
    return (f'<figure><svg xmlns="http://www.w3.org/2000/svg" width="{label_width + bar_width + 90}" height="{total_height}" '
            f'font-size="12" role="img" aria-label="cost a day per outlet">{ticks}{"".join(parts)}</svg>'
            "<figcaption>Cost a day (yuan) per outlet and variant: the bar is the mean over the days run, "
            "the line its 95% interval.</figcaption></figure>")


def _verdict_chart(outlets: pd.DataFrame) -> str:
    """Stacked bars: each outlet variant's targets passed, inconclusive and failed."""
    label_width, unit, height = 260, 40, 22
    colours = {"pass": "#4c9a4c", "inconclusive": "#d9a400", "fail": "#c0392b"}
    most = max(1, int(max((_count(r, "targets_pass") + _count(r, "targets_fail") + _count(r, "targets_inconclusive"))
                          for _, r in outlets.iterrows())) if len(outlets) else 1)
    unit = min(unit, 560 / most)
    parts = []
    for index, (_, row) in enumerate(outlets.iterrows()):
        y = 30 + index * height
        x = label_width
        parts.append(f'<text x="{label_width - 8}" y="{y + 15}" text-anchor="end">{html.escape(f"{row.outlet} · {row.variant}")}</text>')
        for verdict in ("pass", "inconclusive", "fail"):
            count = _count(row, f"targets_{verdict}")
            if count:
                parts.append(f'<rect x="{x:.1f}" y="{y + 4}" width="{unit * count:.1f}" height="{height - 8}" fill="{colours[verdict]}">'
                             f"<title>{count} {verdict}</title></rect>")
                x += unit * count
        parts.append(f'<text x="{x + 6:.1f}" y="{y + 15}">{_count(row, "targets_pass")} / {_count(row, "targets_inconclusive")} / '
                     f'{_count(row, "targets_fail")}</text>')
    legend = "".join(f'<rect x="{label_width + 130 * i}" y="6" width="12" height="12" fill="{colours[v]}"/>'
                     f'<text x="{label_width + 130 * i + 16}" y="16">{v}</text>' for i, v in enumerate(("pass", "inconclusive", "fail")))
    return (f'<figure><svg xmlns="http://www.w3.org/2000/svg" width="{label_width + 560 + 120}" height="{40 + len(outlets) * height}" '
            f'font-size="12" role="img" aria-label="targets per outlet">{legend}{"".join(parts)}</svg>'
            "<figcaption>Targets per outlet and variant: passed / inconclusive / failed (judged on the 95% interval).</figcaption></figure>")


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
            cost = row.get("cost")
            cells.append("no costs given" if cost is None or cost != cost else
                         f"{_number(cost)} [{_number(row.get('cost_ci_low'))}, {_number(row.get('cost_ci_high'))}]")
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
        f"<td>{html.escape(_value(r))}</td><td>{html.escape(_bound(r))}</td></tr>"
        for r in failing.itertuples())
    failing_outlets = sorted(set(zip(failing.outlet, failing.variant))) if len(failing) else []
    total_saving = outlets["saving"].sum() if "saving" in outlets.columns else None
    unreachable = int((outlets["plan_found"] == False).sum()) if "plan_found" in outlets.columns else 0  # noqa: E712
    summary = (f"{len(outlets)} outlet variants, work: {work}, {days} days each. "
               f"{len(failing_outlets)} fail a target.")
    as_is = outlets[outlets.variant == "as-is"] if len(outlets) else outlets
    totals = [("outlets", str(len(as_is))), ("outlet variants", str(len(outlets)))]
    if "cost" in outlets.columns and len(as_is):
        priced = as_is[as_is.cost.notna()]
        totals.append(("cost a day of the outlets as they are (yuan)",
                       f"{_number(priced.cost.sum())} (sum of the means of {len(priced)} of {len(as_is)} outlets; the others give no costs)"
                       if len(priced) < len(as_is) else f"{_number(priced.cost.sum())} (sum of the outlets' means)"))
    for verdict, label in (("pass", "targets passed"), ("inconclusive", "targets inconclusive"), ("fail", "targets failed")):
        totals.append((label, str(sum(_count(r, f"targets_{verdict}") for _, r in outlets.iterrows()))))
    totals_rows = "".join(f"<tr><td>{html.escape(k)}</td><td>{html.escape(v)}</td></tr>" for k, v in totals)
    if total_saving is not None:
        summary += f" Optimized plans save {_number(total_saving)} yuan a day in all against today's plans."
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
<h2>The network in all</h2>
<table class="totals">{totals_rows}</table>
<h2>Cost a day per outlet</h2>
{_cost_chart(outlets)}
<h2>Targets per outlet</h2>
{_verdict_chart(outlets)}
<h2>Outlets</h2>
<table class="outlets"><tr><th>{"</th><th>".join(header)}</th></tr>
{"".join(rows)}
</table>
<h2>Outlets that fail a target</h2>
{"<p>None.</p>" if not failing_rows else '<table class="failing"><tr><th>outlet</th><th>variant</th><th>target</th><th>where</th><th>value [95% CI]</th><th>bound</th></tr>' + failing_rows + "</table>"}
</body></html>
"""
