"""Presentation mode in real headless Chromium on the national demo data: keys move between
slides, the URL and the counter follow, charts render with data, the shell is hidden, type is
projector-sized, and nothing errs or goes online."""

from __future__ import annotations

import re

COUNTER = "#presentasjon-teller"
CHART_HAS_DATA = """() => {
  const plot = document.querySelector('.js-plotly-plot');
  return !!plot && Array.isArray(plot.data) && plot.data.length > 0;
}"""
SMALLEST_CHART_TEXT = """() => Math.min(...[...document.querySelectorAll('.js-plotly-plot text')]
  .filter(t => t.textContent.trim() && t.getBBox().width > 0)
  .map(t => parseFloat(getComputedStyle(t).fontSize)))"""


def open_deck(page, url: str) -> None:
    """Go to `url` and wait until the page's slide is drawn and the network is quiet."""
    page.goto(url)
    page.wait_for_selector(".presentation-root .slide-message", timeout=60_000)
    page.wait_for_load_state("networkidle")


def counter(page) -> str:
    return page.locator(COUNTER).inner_text().replace("\u00a0", " ")


COUNTER_IS = "([sel, text]) => document.querySelector(sel).textContent.trim() === text"
"""Waits are functions, not expression strings: Playwright evaluates a string with `eval`,
which the app's Content-Security-Policy rightly forbids."""


def wait_for_slide(page, number: int, total: int = 8, timeout: int = 30_000) -> None:
    page.wait_for_function(COUNTER_IS, arg=[COUNTER, f"{number} / {total}"], timeout=timeout)
    page.wait_for_url(re.compile(rf"[?&]slide={number}(&|$)"))


def wait_for_message(page, pattern: str) -> None:
    page.wait_for_function(
        "t => (document.querySelector('.slide-message') || {}).textContent?.includes(t)",
        arg=pattern,
        timeout=30_000,
    )


def test_keys_move_between_slides(page, app_url: str) -> None:
    open_deck(page, app_url + "/presentasjon?fylke=46&aar=2025")
    assert counter(page) == "1 / 8"
    assert page.locator(".slide-message").inner_text().startswith("Kompetanseløftet i Vestland")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    wait_for_slide(page, 3)
    assert "fylke=46" in page.url and "aar=2025" in page.url
    wait_for_message(page, "av enhetene")
    page.wait_for_function(CHART_HAS_DATA, timeout=30_000)
    assert page.evaluate("document.querySelector('.js-plotly-plot').data.length") > 0
    page.keyboard.press("ArrowLeft")
    wait_for_slide(page, 2)
    wait_for_message(page, "av kommunene deltar")
    page.wait_for_function(CHART_HAS_DATA)
    page.keyboard.press("End")
    wait_for_slide(page, 8)
    wait_for_message(page, "Hva gjør vi videre i Vestland?")
    page.keyboard.press("PageDown")  # stays on the last slide
    page.keyboard.press("Home")
    wait_for_slide(page, 1)
    page.keyboard.press(" ")
    wait_for_slide(page, 2)
    assert page.problems == []


def test_link_reopens_the_same_slide(page, app_url: str) -> None:
    open_deck(page, app_url + "/presentasjon?fylke=46&aar=2025&slide=6")
    assert counter(page) == "6 / 8"
    assert "av midlene går til" in page.locator(".slide-message").inner_text()
    page.wait_for_function(CHART_HAS_DATA)
    page.locator("#presentasjon-forrige").click()
    wait_for_slide(page, 5)
    wait_for_message(page, "innvilget i 2025")
    page.wait_for_load_state("networkidle")
    link = page.url
    page.goto(app_url + "/")
    page.wait_for_load_state("networkidle")
    open_deck(page, link)
    assert counter(page) == "5 / 8"
    assert "innvilget i 2025" in page.locator(".slide-message").inner_text()
    assert page.problems == []


def test_full_screen_and_projector_sizes(page, app_url: str) -> None:
    page.set_viewport_size({"width": 1920, "height": 1080})
    open_deck(page, app_url + "/presentasjon?fylke=46&aar=2025&slide=2")
    page.wait_for_function(CHART_HAS_DATA)
    assert not page.locator(".app-navbar").is_visible()
    assert not page.locator(".app-footer").is_visible()
    assert not page.locator(".filter-bar").count()
    size = page.evaluate(
        "parseFloat(getComputedStyle(document.querySelector('.slide-message')).fontSize)"
    )
    assert size >= 48
    assert page.evaluate(SMALLEST_CHART_TEXT) >= 22
    footer = page.locator(".slide-footer").inner_text()
    assert "Kilde:" in footer and "DEMODATA" in footer.upper() and "2 / 8" in footer
    # The slide fills the window: no scrolling.
    assert page.evaluate("document.documentElement.scrollHeight") <= 1080
    # A laptop screen: the chart is redrawn with text scaled like the page's own (0.71 × 24).
    page.set_viewport_size({"width": 1366, "height": 768})
    page.wait_for_function(f"() => ({SMALLEST_CHART_TEXT})() < 20", timeout=30_000)
    assert page.evaluate(SMALLEST_CHART_TEXT) >= 16
    page.wait_for_function(CHART_HAS_DATA)
    page.wait_for_load_state("networkidle")
    assert page.problems == []


def test_auto_advance_plays_and_pauses(page, app_url: str) -> None:
    open_deck(page, app_url + "/presentasjon?fylke=46&aar=2025&slide=8&auto=5")
    # The timer wraps round from the last slide to the first.
    page.wait_for_function(COUNTER_IS, arg=[COUNTER, "1 / 8"], timeout=15_000)
    page.keyboard.press("p")
    page.wait_for_url(lambda url: "auto=" not in url)
    page.keyboard.press("p")
    page.wait_for_url(re.compile(r"auto=5"))
    assert page.problems == []


def test_garbage_parameters_give_friendly_notices(page, app_url: str) -> None:
    open_deck(page, app_url + "/presentasjon?fylke=99&aar=abc&slide=x&auto=y")
    body = page.locator("body").inner_text()
    assert "Error" not in body and "Traceback" not in body
    assert page.locator(".presentation-notice").count() == 4
    assert counter(page) == "1 / 8"
    page.locator(".presentation-notice-close").first.click()
    assert page.locator(".presentation-notice").count() == 3
    page.keyboard.press("ArrowRight")
    wait_for_slide(page, 2)
    wait_for_message(page, "Hele landet")
    assert page.problems == []


def test_quick_key_presses_all_count(page, app_url: str) -> None:
    open_deck(page, app_url + "/presentasjon?fylke=46&aar=2025")
    for key in ("End", "Home", "ArrowRight", "ArrowRight", "ArrowRight"):
        page.keyboard.press(key)
    wait_for_slide(page, 4)
    wait_for_message(page, "deltar med hele laget")
    page.wait_for_function(CHART_HAS_DATA)
    page.locator("#presentasjon-neste").click()
    wait_for_slide(page, 5)
    wait_for_message(page, "innvilget i 2025")
    page.wait_for_load_state("networkidle")
    assert page.problems == []
