"""Every page OutletSim writes, opened in Chromium through Playwright as a planner opens it: no text runs past
its chart or past its zone on the floor plan, and a full-page screenshot is kept as a test artefact in
test-artefacts/screenshots/ (the repository's top level; CI keeps the folder)."""
import pathlib
import shutil

from playwright.sync_api import sync_playwright

ARTEFACTS = pathlib.Path(__file__).resolve().parents[2] / "test-artefacts" / "screenshots"

# Text whose box leaves its chart's box (or its zone's square), by more than half a pixel.
SPILLS = """() => {
  const outside = (inner, outer) => inner.left < outer.left - 0.5 || inner.top < outer.top - 0.5
      || inner.right > outer.right + 0.5 || inner.bottom > outer.bottom + 0.5;
  const found = [];
  for (const svg of document.querySelectorAll('svg')) {
    const chart = svg.getBoundingClientRect();
    const title = (svg.querySelector('title') || {}).textContent || '(untitled chart)';
    for (const text of svg.querySelectorAll('text')) {
      const box = text.getBoundingClientRect();
      if (box.width > 0 && outside(box, chart)) found.push(`${title}: "${text.textContent}" leaves the chart`);
    }
    for (const zone of svg.querySelectorAll('rect.zone')) {
      const label = zone.nextElementSibling;
      if (label && label.classList.contains('zone-label') && outside(label.getBoundingClientRect(), zone.getBoundingClientRect()))
        found.push(`${title}: "${label.textContent}" leaves its zone`);
    }
  }
  return found;
}"""


def check_page(page_path: pathlib.Path, name: str) -> str:
    """Opens `page_path` at 1280 px wide, asserts nothing spills, keeps `name`.png, and returns the page's DOM."""
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=shutil.which("chromium"), args=["--no-sandbox"])
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(page_path.as_uri())
            spills = page.evaluate(SPILLS)
            assert page.evaluate("document.querySelectorAll('svg').length") > 0, f"{name}: no charts drawn"
            screenshot = ARTEFACTS / f"{name}.png"
            page.screenshot(path=str(screenshot), full_page=True)
            dom = page.content()
        finally:
            browser.close()
    assert not spills, f"{name}: " + "; ".join(spills)
    assert screenshot.stat().st_size > 20_000, f"{name}: the screenshot is nearly empty"
    return dom
