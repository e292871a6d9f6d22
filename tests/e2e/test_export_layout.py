"""Every registered chart, exported as SVG for the whole country and for the largest county,
names every category of its data and draws no text over another text.

Runs on the national demo database, in kaleido's Chromium (export) and Playwright's Chromium
(measuring the text boxes). The largest county is the one with most municipalities in the
reference data, so the rankings, box plots and heatmaps are at their longest.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

from loftet.charts import all_charts, get_chart, render
from loftet.export import DEMO_MARK
from loftet.export.browser import session
from loftet.export.categories import chart_categories
from loftet.export.images import figure_bytes
from loftet.export.layout import chart_print_figure
from loftet.export.presets import PRESETS
from loftet.export.rankings import SLIDE_MAX_ROWS
from loftet.filters import Filters
from loftet.queries import reference
from tests.svg_boxes import overlapping, text_boxes

YEAR = 2024
CHART_IDS = [chart.id for chart in all_charts()]


def largest_county() -> str:
    """The county (2024 structure) with most municipalities in the reference data."""
    municipalities = reference.municipalities()
    return str(municipalities.groupby("fylkesnummer").size().idxmax())


def municipality_in(county: str | None) -> str:
    """A municipality to show on the municipality profile: the county's first, or Oslo."""
    frame = reference.municipalities()
    if county:
        frame = frame[frame.fylkesnummer == county]
    return str(frame.sort_values("kommunenummer").kommunenummer.iloc[0])


@pytest.fixture(scope="module")
def browser_page(demo_db_url: str, browser: Browser) -> Iterator[Page]:
    """The demo database for the queries, kaleido warm, and one page of the session's
    Playwright browser (one Playwright per process: a second one would clash)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DATABASE_URL", demo_db_url)
        with session():
            page = browser.new_page()
            yield page
            page.close()


def exported_svg(
    chart_id: str, county: str | None, preset: str = "rapport"
) -> tuple[list[str], bytes]:
    """(categories the chart's figure draws, the exported SVG)."""
    chart = get_chart(chart_id)
    filters = Filters(aar=YEAR, fylke=county)
    options = {"kommune": municipality_in(county)} if chart.page == "kommune" else {}
    _frame, figure = render(chart_id, filters, options)
    printable = chart_print_figure(chart, figure, filters, options, PRESETS[preset])
    return chart_categories(figure), figure_bytes(printable, "svg")


def _normal(text: str) -> str:
    """Text without any white space: wrapped lines are drawn as `tspan`s without a space."""
    return "".join(text.replace("\u00a0", " ").split())


@pytest.mark.parametrize("place", ["landet", "største fylke"])
@pytest.mark.parametrize("chart_id", CHART_IDS)
def test_export_names_every_category_and_no_texts_overlap(
    browser_page: Page, chart_id: str, place: str
) -> None:
    county = largest_county() if place == "største fylke" else None
    categories, svg = exported_svg(chart_id, county)
    boxes = text_boxes(browser_page, svg)
    drawn = _normal(" | ".join(box.text for box in boxes))
    missing = [c for c in categories if _normal(c) not in drawn]
    assert not missing, f"{chart_id} ({place}): labels missing from the SVG: {missing}"
    assert _normal(get_chart(chart_id).title) in drawn
    assert _normal(DEMO_MARK) in drawn
    assert overlapping(boxes) == [], f"{chart_id} ({place}): texts overlap"


@pytest.mark.parametrize("preset", ["bred", "lysbilde"])
@pytest.mark.parametrize(
    "chart_id", ["kvalitet-rangering", "kompetanse-heatmap", "kvalitet-fordeling"]
)
def test_wide_and_slide_presets_keep_every_label(
    browser_page: Page, chart_id: str, preset: str
) -> None:
    categories, svg = exported_svg(chart_id, largest_county(), preset)
    boxes = text_boxes(browser_page, svg)
    drawn = _normal(" | ".join(box.text for box in boxes))
    missing = [c for c in categories if _normal(c) not in drawn]
    if preset == "lysbilde" and chart_id == "kvalitet-rangering":
        # the county's 46 municipalities: a slide shows the ends, and the subtitle says so
        half = SLIDE_MAX_ROWS // 2
        assert len(categories) > SLIDE_MAX_ROWS
        assert len(missing) == len(categories) - 2 * half
        assert _normal(f"{half} høyeste og {half} laveste av {len(categories)}") in drawn
    else:
        assert missing == []
    assert overlapping(boxes) == []
