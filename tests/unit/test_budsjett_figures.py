"""Budsjett figures, called directly with tiny frames."""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go

import loftet.theme  # noqa: F401 — the app's template, as in the app
from loftet.figures import budget
from loftet.formatting import NBSP
from loftet.theme import HIGHLIGHT, NATIONAL, PALETTE

NAN = float("nan")


def per_group(bevilgning: tuple[float, float] = (3_000_000, 5_000_000)) -> pd.DataFrame:
    """Two counties, two years; county 46 has a 2025 level of 2 mill., county 03 none."""
    return pd.DataFrame(
        {
            "aar": [2024, 2024, 2025, 2025],
            "gruppe": ["03", "46", "03", "46"],
            "gruppe_navn": ["Oslo", "Vestland", "Oslo", "Vestland"],
            "innvilget_kr": [500_000, 1_000_000, 0, 2_000_000],
            "andel_av_aar": [100 / 3, 200 / 3, 0.0, 100.0],
            "andel_av_2025": [NAN, 50.0, NAN, 100.0],
            "nivaa_2025_kr": [0, 2_000_000, 0, 2_000_000],
            "bevilgning_kr": [bevilgning[0], bevilgning[0], bevilgning[1], bevilgning[1]],
        }
    )


def test_allocation_by_year_is_one_national_bar_per_year_in_millions() -> None:
    figure = budget.allocation_by_year(per_group())
    bars = [t for t in figure.data if isinstance(t, go.Bar)]
    # no stack of county segments: one bar per year, the total of all groups
    assert len(bars) == 1 and list(bars[0].y) == [1.5, 2.0]
    assert figure.layout.barmode != "stack"
    assert figure.layout.yaxis.title.text == "Innvilget (mill. kr)"
    hover = bars[0].hovertext[0]
    assert f"1{NBSP}500{NBSP}000{NBSP}kr" in hover  # full kroner in the hover
    assert "Størst (fylke): Vestland" in hover and "Oslo" in hover


def test_allocation_by_year_draws_2025_level_line() -> None:
    figure = budget.allocation_by_year(per_group())
    lines = [s for s in figure.layout.shapes if s.type == "line"]
    assert len(lines) == 1 and lines[0].y0 == lines[0].y1 == 2.0
    labels = [a.text for a in figure.layout.annotations]
    assert any(t.startswith("2025-nivå") and f"2,0{NBSP}mill.{NBSP}kr" in t for t in labels)


def test_budget_markers_only_when_they_differ_from_sum() -> None:
    differs = budget.allocation_by_year(per_group())
    markers = [t for t in differs.data if isinstance(t, go.Scatter)]
    assert len(markers) == 1 and markers[0].name == budget.BUDGET_NAME
    assert list(markers[0].y) == [3.0, 5.0] and markers[0].marker.color == NATIONAL
    assert "%{customdata:,.0f} kr" in markers[0].hovertemplate
    equal = budget.allocation_by_year(per_group((1_500_000, 2_000_000)))
    assert not [t for t in equal.data if isinstance(t, go.Scatter)]
    hidden = budget.allocation_by_year(per_group(), show_budget=False)
    assert not [t for t in hidden.data if isinstance(t, go.Scatter)]


def test_single_county_against_its_own_level_without_budget() -> None:
    frame = per_group()
    vestland = frame[frame.gruppe == "46"]
    figure = budget.allocation_by_year(vestland, single=True)
    assert [t.name for t in figure.data] == ["Vestland"]
    assert figure.layout.shapes[0].y0 == 2.0


def test_groups_without_money_are_left_out_of_the_hover() -> None:
    frame = per_group().assign(innvilget_kr=[0, 1_000_000, 0, 2_000_000])
    hover = budget.allocation_by_year(frame).data[0].hovertext[0]
    assert "Vestland" in hover and "Oslo" not in hover


def test_years_keyword_sets_the_axis_range() -> None:
    figure = budget.allocation_by_year(per_group(), years=(2020, 2026))
    assert tuple(figure.layout.xaxis.range) == (2019.5, 2026.5)


def test_empty_allocation_gives_empty_figure() -> None:
    figure = budget.allocation_by_year(per_group().iloc[0:0])
    assert not figure.data and "Ingen tildelinger" in figure.layout.annotations[0].text


def per_year() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "aar": [2021, 2022, 2025],
            "innvilget_kr": [1_500_000, 2_200_000, 2_000_000],
            "brukt_kr": [1_400_000, 1_350_000, NAN],
            "andel_rapportert": [100.0, 100 * 1.5 / 2.2, 0.0],
            "kum_innvilget_kr": [1_500_000, 3_700_000, 5_700_000],
            "kum_brukt_kr": [1_400_000, 2_750_000, NAN],
            "kum_bevilgning_kr": [50_000_000, 175_000_000, 505_000_000],
        }
    )


def test_granted_and_spent_shows_unreported_as_missing_with_note() -> None:
    figure = budget.granted_and_spent(per_year())
    granted, spent = figure.data
    assert (granted.name, spent.name) == ("Innvilget", "Brukt")
    assert spent.y[0] == 1.4 and math.isnan(spent.y[2])  # missing, not 0
    notes = {a.x: a.text for a in figure.layout.annotations}
    assert notes[2025] == "Ikke rapportert ennå"
    assert notes[2022] == f"Delvis rapportert (68{NBSP}%)"
    assert 2021 not in notes
    assert "%{customdata:,.0f} kr" in granted.hovertemplate
    assert figure.layout.barmode == "group"


def test_cumulative_totals_lines() -> None:
    figure = budget.cumulative_totals(per_year())
    assert [t.name for t in figure.data] == ["Innvilget", "Brukt", "Bevilgning"]
    assert list(figure.data[0].y) == [1.5, 3.7, 5.7] and figure.data[0].fill == "tozeroy"
    assert math.isnan(figure.data[1].y[2])
    assert "%{customdata:,.0f} kr" in figure.data[0].hovertemplate
    without = budget.cumulative_totals(per_year(), show_budget=False)
    assert [t.name for t in without.data] == ["Innvilget", "Brukt"]


def test_granted_per_child_highlights_chosen_county_and_marks_national_level() -> None:
    frame = pd.DataFrame(
        {
            "fylke_navn": ["Akershus", "Vestland"],
            "kr_per_barn": [1_000.0, 1_500.0],
            "innvilget_kr": [600_000, 1_320_000],
            "barn_elever": [600, 880],
            "valgt": [False, True],
            "landet_kr_per_barn": [1_250.0, 1_250.0],
        }
    )
    figure = budget.granted_per_child(frame)
    bar = figure.data[0]
    assert bar.orientation == "h" and list(bar.y) == ["Akershus", "Vestland"]
    assert list(bar.marker.color) == [PALETTE[0], HIGHLIGHT]
    assert "%{x:,.0f} kr per barn/elev" in bar.hovertemplate
    assert figure.layout.shapes[0].x0 == 1_250.0
    assert figure.layout.annotations[0].text == f"Hele landet: 1{NBSP}250{NBSP}kr"


def test_budget_differs() -> None:
    assert budget.budget_differs(per_group())
    assert not budget.budget_differs(per_group((1_500_000, 2_000_000)))
    assert not budget.budget_differs(per_group((NAN, NAN)))
