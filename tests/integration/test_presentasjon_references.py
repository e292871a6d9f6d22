"""The national reference on the slides whose message compares with the nation, on the small
database (numbers worked out by hand from tests/small_data.py, see test_presentasjon_slides):

- 2022 budget: Vestland 1.5 of its 2.0 M level, the nation 2.2 M of its 2.0 M (110 %): at
  the nation's pace Vestland would be at 2.2 M.
- 2022 areas: the nation's 2.2 M are INKL 1.2 (Bergen), LESE 0.3 (Askøy), AUTI 0.7 (Bærum);
  Vestland's 1.5 M spread the same way: INKL 0.818, LESE 0.205, AUTI 0.477 M.
"""

from __future__ import annotations

import plotly.graph_objects as go
import pytest

import loftet.theme  # noqa: F401 — registers the projector template
from loftet.figures.references import NATIONAL_NAME
from loftet.filters import Filters
from loftet.presentation import build_deck, build_slide, slide_figure

VESTLAND = "46"
YEAR = 2022


def references(figure: go.Figure) -> list[object]:
    """What a reference added: traces and shapes named as national."""
    traces = [t for t in figure.data if getattr(t, "meta", None) == NATIONAL_NAME]
    shapes = [s for s in figure.layout.shapes if s.name == NATIONAL_NAME]
    return [*traces, *shapes]


def own_national_line(figure: go.Figure) -> bool:
    """The chart's own national line: a line shape labelled "Hele landet: …"."""
    labelled = any((a.text or "").startswith("Hele landet") for a in figure.layout.annotations)
    return labelled and any(s.type == "line" for s in figure.layout.shapes)


def test_every_slide_that_compares_with_the_nation_draws_the_nation(small_db: str) -> None:
    filters = Filters(aar=YEAR, fylke=VESTLAND)
    deck = build_deck(filters)
    compared = [s for s in deck if "landet" in s.comparison]
    assert compared == deck[1:-1]  # every chart slide of a county deck compares
    for slide in compared:
        figure = slide_figure(slide, filters)
        assert figure is not None
        assert references(figure) or own_national_line(figure), slide.key
        labels = [t.name for t in figure.data if getattr(t, "meta", None) == NATIONAL_NAME]
        assert slide.key == "deltakelse" or any("landet" in (n or "") for n in labels), slide.key


def test_the_national_deck_adds_no_reference(small_db: str) -> None:
    filters = Filters(aar=YEAR)
    for slide in build_deck(filters):
        figure = slide_figure(slide, filters)
        assert figure is None or references(figure) == [], slide.key


def test_budget_line_at_the_nations_pace(small_db: str) -> None:
    filters = Filters(aar=YEAR, fylke=VESTLAND)
    figure = slide_figure(build_slide(5, filters), filters)
    assert figure is not None
    lines = [s for s in figure.layout.shapes if s.name == NATIONAL_NAME]
    assert [round(s.y0, 3) for s in lines] == [2.2]
    assert all(s.layer == "below" for s in lines)  # behind the bars and their values


def test_area_ticks_spread_the_county_funds_as_the_nation(small_db: str) -> None:
    filters = Filters(aar=YEAR, fylke=VESTLAND)
    figure = slide_figure(build_slide(6, filters), filters)
    assert figure is not None
    order = list(figure.layout.yaxis.categoryarray)
    ticks = {
        order[round((s.y0 + s.y1) / 2)]: round(s.x0, 3)
        for s in figure.layout.shapes
        if s.name == NATIONAL_NAME
    }
    inkl = next(name for name in ticks if name.startswith("Inkluderende"))
    assert ticks[inkl] == pytest.approx(0.818, abs=0.001)
    assert sorted(round(v, 2) for v in ticks.values() if v) == [0.2, 0.48, 0.82]
    bars = [t for t in figure.data if t.type == "bar"]
    assert all(not t.texttemplate for t in bars)  # values moved out of the bars
    values = [t for t in figure.data if t.type == "scatter" and t.mode == "text"]
    assert values and all("customdata" in t.texttemplate for t in values)


def test_whole_team_trend_agrees_with_the_headline(small_db: str) -> None:
    filters = Filters(aar=YEAR, fylke=VESTLAND)
    slide = build_slide(4, filters)
    figure = slide_figure(slide, filters)
    assert figure is not None
    trend = next(t for t in figure.data if getattr(t, "meta", None) == NATIONAL_NAME)
    by_year = dict(zip(trend.x, trend.y, strict=True))
    shown = slide.comparison.removeprefix("landet ").replace("\u00a0", " ")
    assert f"{by_year[YEAR]:.0f} %" == shown
    assert f"({shown} i {YEAR})" in trend.name.replace("\u00a0", " ")
