"""report.html opens in headless Chromium with its charts drawn."""
import pathlib
import shutil
import subprocess

import pytest

CHARTS = [
    "Arrivals and open windows per interval",
    "Wait for a window per interval (p50 and p90, with 95% intervals)",
    "Waiting-zone occupancy over the day",
    "Window utilisation by group and interval",
    "Outcomes per segment",
    "Kiosk use and breakdowns",
]


def chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if shutil.which(name):
            return name
    pytest.fail("headless Chromium is required (Debian package chromium); `make test` installs it")


def run_chromium(*arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run([chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", *arguments],
                          capture_output=True, text=True, timeout=120, check=True)


def test_report_is_self_contained(weekday_results):
    html = (weekday_results / "report.html").read_text(encoding="utf-8")
    assert "http://" not in html.replace("http://www.w3.org/2000/svg", "")
    assert "https://" not in html
    assert "<script" not in html


def test_charts_render_with_titles_axes_and_legends(weekday_results):
    dom = run_chromium("--dump-dom", (weekday_results / "report.html").as_uri()).stdout
    assert dom.count("<svg") >= len(CHARTS)
    for title in CHARTS:
        assert title in dom, title
    for label in ("wait (minutes)", "arrivals per hour", "windows open", "customers waiting",
                  "interval start (clock time)", "share of customers", "% of kiosk time"):
        assert label in dom, label
    assert 'class="legend"' in dom
    assert "regular" in dom and "VIP" in dom


def test_screenshot(weekday_results):
    screenshot = pathlib.Path(weekday_results) / "report.png"
    run_chromium(f"--screenshot={screenshot}", "--window-size=1280,3600", (weekday_results / "report.html").as_uri())
    assert screenshot.exists() and screenshot.stat().st_size > 20_000
    print(f"screenshot: {screenshot}")


COMPARISON_CHARTS = [
    "p90 wait per interval, by plan",
    "Mean wait per interval, by plan",
    "Windows open per interval, by plan",
    "Waiting-zone occupancy per interval, by plan",
]


def test_comparison_page_renders_side_by_side(comparison):
    page = comparison / "comparison.html"
    dom = run_chromium("--dump-dom", page.as_uri()).stdout
    assert dom.count("<svg") >= len(COMPARISON_CHARTS)
    for title in COMPARISON_CHARTS:
        assert title in dom, title
    for label in ("wait (minutes)", "windows open", "customers waiting", "interval start (clock time)",
                  "bank-branch-weekday", "weekday-more-kiosks"):
        assert label in dom, label
    screenshot = comparison / "comparison.png"
    run_chromium(f"--screenshot={screenshot}", "--window-size=1280,2600", page.as_uri())
    assert screenshot.exists() and screenshot.stat().st_size > 20_000


def test_comparison_csv_loads_with_pandas(comparison):
    import pandas as pd

    table = pd.read_csv(comparison / "comparison.csv")
    arrivals = table[(table.metric == "arrivals") & (table.plan == "weekday-more-kiosks")]
    assert arrivals["difference"].iloc[0] == 0  # the same customers arrive in both plans
    assert set(table["plan"]) == {"bank-branch-weekday", "weekday-more-kiosks"}
