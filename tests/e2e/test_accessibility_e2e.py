"""WCAG 2.1 AA checks with axe-core on every page, in headless Chromium, offline.

axe-core comes from the npm registry (`scripts/install_node_packages.sh`, into the git-ignored
`.node/`) and is injected into the page as a script: nothing is fetched at run time. Every
page must have zero serious or critical violations once its charts are drawn.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.conftest import ROOT
from tests.e2e.test_pages_e2e import wait_for_charts

AXE = ROOT / ".node" / "node_modules" / "axe-core" / "axe.min.js"
PAGES = [
    "/",
    "/dekning",
    "/kvalitet",
    "/budsjett",
    "/behov",
    "/kompetanse",
    "/kommune/4601",
    "/rapportpakke",
    "/presentasjon?fylke=46&aar=2025&slide=3",
    "/om",
    "/data",
]
RUN_AXE = """async () => {
  const result = await axe.run(document, {
    runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},
    resultTypes: ['violations'],
  });
  return result.violations.map(v => ({id: v.id, impact: v.impact,
    nodes: v.nodes.slice(0, 5).map(n => n.target.join(' '))}));
}"""


def axe_violations(page) -> list[dict]:
    """Serious and critical axe-core violations on the page as it is now."""
    if not AXE.is_file():
        pytest.fail(f"{AXE} is missing: run scripts/install_node_packages.sh (make setup)")
    page.add_script_tag(content=Path(AXE).read_text(encoding="utf-8"))
    return [v for v in page.evaluate(RUN_AXE) if v["impact"] in ("serious", "critical")]


@pytest.mark.parametrize("path", PAGES)
def test_page_has_no_serious_accessibility_violations(
    page_without_csp, app_url: str, path: str
) -> None:
    page = page_without_csp
    page.goto(app_url + path)
    if path.startswith("/presentasjon") or path in ("/rapportpakke", "/om", "/data"):
        page.wait_for_load_state("networkidle")
    else:
        wait_for_charts(page)
    assert page.evaluate("document.documentElement.lang") == "nb"
    assert axe_violations(page) == []
    assert page.problems == []


def test_filters_and_export_buttons_are_reachable_and_operable_by_keyboard(
    page_without_csp, app_url: str
) -> None:
    page = page_without_csp
    page.goto(app_url + "/dekning")
    wait_for_charts(page)
    reached = []
    for _ in range(40):
        page.keyboard.press("Tab")
        reached.append(page.evaluate("document.activeElement.id"))
        if '"fylke"' in reached[-1]:
            break
    assert any('"aar"' in r for r in reached) and '"fylke"' in reached[-1]
    page.keyboard.press("Enter")
    page.wait_for_selector("[role='option']")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url("**fylke=**")
    wait_for_charts(page)
    for _ in range(40):
        page.keyboard.press("Tab")
        if '"type":"export"' in page.evaluate("document.activeElement.id"):
            break
    assert '"fmt":"png"' in page.evaluate("document.activeElement.id")
    assert page.problems == []


def test_every_chart_has_a_caption_read_out_when_it_changes(page_without_csp, app_url: str) -> None:
    page = page_without_csp
    page.goto(app_url + "/kvalitet")
    wait_for_charts(page)
    figures = page.locator("figure.chart-figure")
    assert figures.count() >= 3
    for i in range(figures.count()):
        caption = figures.nth(i).locator("figcaption")
        assert caption.get_attribute("aria-live") == "polite"
        assert len(caption.inner_text().strip()) > 20


def test_the_bundled_font_is_served_and_used(page_without_csp, app_url: str) -> None:
    page = page_without_csp
    page.goto(app_url + "/")
    wait_for_charts(page)
    assert page.evaluate("getComputedStyle(document.body).fontFamily").startswith('"Source Sans 3"')
    assert page.evaluate("document.fonts.check('16px \"Source Sans 3\"')")
    assert page.evaluate("[...document.fonts].some(f => f.status === 'loaded')")


def test_copy_link_confirmation_fades_without_growing_the_navbar(
    page_without_csp, app_url: str
) -> None:
    page = page_without_csp
    page.goto(app_url + "/")
    wait_for_charts(page)
    height = page.evaluate("document.querySelector('.app-navbar').offsetHeight")
    page.click("#copy-link")
    page.wait_for_function("document.getElementById('copy-link-status').textContent !== ''")
    assert page.evaluate("document.querySelector('.app-navbar').offsetHeight") == height
    page.wait_for_function(
        "getComputedStyle(document.getElementById('copy-link-status')).opacity === '0'",
        timeout=10_000,
    )
