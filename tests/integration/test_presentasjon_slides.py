"""Presentation mode without Dash: the slides' messages on the small database (numbers worked
out by hand from tests/small_data.py), the URL parameters, and the projector figure.

Facts used below (small_data.py; the reference tables hold all 357 municipalities, 43 of them
in Vestland, 51 in Viken in the 2020 structure):
- Units: Vestland has 6 (Bergen bhg A, bhg B, skole, PPT; Askøy bhg, skole), the nation 8.
- 2021: reached Bergen bhg A, skole, PPT (one measure: the whole team) and Oslo skole.
- 2022: reached Bergen bhg A and B, Askøy skole and Bærum vgs (Viken 30 → Akershus 32).
- Granted: 2021 Bergen 1.0 M (INKL), Oslo 0.5 M (INKL); 2022 Bergen 1.2 M (INKL), Askøy 0.3 M
  (LESE), Viken fylkeskommune 0.7 M (AUTI, Bærum); 2025 Bergen 2.0 M (INKL).
"""

from __future__ import annotations

import plotly.graph_objects as go
import pytest

import loftet.theme  # noqa: F401 — registers the projector template
from loftet.filters import Filters
from loftet.formatting import NBSP
from loftet.presentation import (
    AUTO_MAX_S,
    AUTO_MIN_S,
    SLIDES,
    build_deck,
    build_slide,
    first_sentence,
    parse_presentation,
    projector_figure,
    slide_count,
    slide_figure,
    viewport_scale,
)

VESTLAND = "46"


def text(value: str) -> str:
    """Messages use non-breaking spaces inside numbers (`2,0 mill. kr`, `50 %`)."""
    return value.replace(NBSP, " ")


def messages(filters: Filters) -> dict[str, str]:
    return {slide.key: text(slide.message) for slide in build_deck(filters)}


def details(filters: Filters) -> dict[str, str]:
    return {slide.key: text(slide.detail) for slide in build_deck(filters)}


# --- the deck ---------------------------------------------------------------------------------


def test_deck_has_title_charts_and_closing(small_db: str) -> None:
    deck = build_deck(Filters(aar=2022, fylke=VESTLAND))
    assert 6 <= len(deck) <= 8 and len(deck) == slide_count() == len(SLIDES)
    assert [s.key for s in deck] == [
        "tittel",
        "deltakelse",
        "kart",
        "hele-laget",
        "budsjett",
        "kompetanse",
        "behov",
        "slutt",
    ]
    assert deck[0].kind == "title" and deck[-1].kind == "closing"
    assert [s.chart_id for s in deck[1:-1]] == [
        "dekning-fylker",
        "dekning-kart",
        "oversikt-deltakelse",
        "budsjett-per-aar",
        "kompetanse-omrader",
        "kvalitet-behov-rekkevidde",
    ]
    assert deck[2].options == {"maal": "andel_naadd"}


def test_title_slide_names_county_year_and_programme(small_db: str) -> None:
    slide = build_slide(1, Filters(aar=2022, fylke=VESTLAND))
    assert slide.message == "Kompetanseløftet i Vestland 2022"
    assert "Kompetanseløftet for spesialpedagogikk og inkluderende praksis" in slide.detail
    assert build_slide(1, Filters(aar=2023)).message == "Kompetanseløftet i hele landet 2023"


def test_messages_2021_county_against_nation(small_db: str) -> None:
    shown = messages(Filters(aar=2021, fylke=VESTLAND))
    # Bergen takes part: 1 of 43 (2.3 %); nation Bergen and Oslo: 2 of 357 (0.56 %).
    assert shown["deltakelse"] == "Vestland: 2 % av kommunene deltar – landet 1 %"
    # Units reached: Vestland 3 of 6, nation 4 of 8.
    assert shown["kart"] == "Vestland: tiltakene har nådd 50 % av enhetene – landet 50 %"
    # Whole team: Bergen only; 1 of 43 (2.3 %) against 1 of 357 (0.28 %).
    assert shown["hele-laget"] == ("Vestland: 2 % av kommunene deltar med hele laget – landet 0 %")
    # 2021 against the 2025 level: Vestland 1.0 of 2.0 M; nation 1.5 of 2.0 M.
    assert shown["budsjett"] == "Vestland har nådd 50 % av 2025-nivået – landet 75 %"
    # All money on INKL, in Vestland (1.0 M) and in the nation (1.5 M).
    assert shown["kompetanse"] == (
        "Vestland: 100 % av midlene går til inkluderende praksis og fellesskap – landet 100 %"
    )
    # SPESUND 2021: national level 90/1200 = 7.5 %; median reach of (76.9, 0, 60, 0) = 30.
    # Askøy (10.0 %, 0 per 1000) has high need, little reach; Bergen (7.5 %) is not above the
    # level; Oslo (6.0 %, 60) is well reached; Bærum is suppressed. Vestland 1 of 2, nation
    # 1 of 3.
    assert shown["behov"] == (
        "Vestland: 50 % av kommunene har høyt behov og er lite nådd – landet 33 %"
    )
    assert shown["slutt"] == "Hva gjør vi videre i Vestland?"


def test_details_2021_give_the_counts(small_db: str) -> None:
    shown = details(Filters(aar=2021, fylke=VESTLAND))
    assert shown["deltakelse"] == "1 av 43 kommuner deltok i 2021."
    assert shown["kart"].startswith("3 av 6 barnehager, skoler, PPT-kontor og andre enheter")
    assert shown["hele-laget"].startswith(
        "Barnehage, skole og PPT i samme tiltak: 1 av 43 kommuner i 2021."
    )
    assert shown["budsjett"] == "Innvilget i 2021: 1,0 mill. kr av 2,0 mill. kr i 2025."
    assert shown["kompetanse"] == "1,0 mill. kr fordelt på 1 av 14 kompetanseområder i 2021."
    assert shown["behov"].startswith(
        "1 av 2 kommuner med tall. Behov: elever med spesialundervisning (2021)"
    )


def test_messages_2022_budget_and_areas(small_db: str) -> None:
    filters = Filters(aar=2022, fylke=VESTLAND)
    shown = messages(filters)
    # Bergen and Askøy take part: 2 of 43 (4.7 %); nation with Bærum: 3 of 357 (0.84 %).
    assert shown["deltakelse"] == "Vestland: 5 % av kommunene deltar – landet 1 %"
    # 2022: Vestland 1.5 of its 2.0 M level; nation 2.2 M of 2.0 M.
    assert shown["budsjett"] == "Vestland har nådd 75 % av 2025-nivået – landet 110 %"
    assert text(build_slide(5, filters).detail) == (
        "Innvilget i 2022: 1,5 mill. kr av 2,0 mill. kr i 2025. Opptrapping fra 1,0 mill. kr "
        "i 2021 (landet 1,5 mill. kr)."
    )
    # INKL: 1.2 of 1.5 M in Vestland (80 %), 1.2 of 2.2 M in the nation (54.5 %).
    assert shown["kompetanse"] == (
        "Vestland: 80 % av midlene går til inkluderende praksis og fellesskap – landet 55 %"
    )
    assert text(build_slide(6, filters).detail) == (
        "1,5 mill. kr fordelt på 2 av 14 kompetanseområder i 2022."
    )


def test_budget_from_2025_is_a_share_of_the_nation(small_db: str) -> None:
    slide = build_slide(5, Filters(aar=2025, fylke=VESTLAND))
    assert text(slide.message) == (
        "Vestland: 2,0 mill. kr innvilget i 2025 – 100 % av landets 2,0 mill. kr"
    )
    assert text(slide.detail) == "Opptrapping fra 1,0 mill. kr i 2021 (landet 1,5 mill. kr)."


def test_county_without_allocations_says_so(small_db: str) -> None:
    slide = build_slide(5, Filters(aar=2021, fylke="50"))
    assert slide.message == "Trøndelag: ingen tildelinger registrert i 2021"
    assert build_slide(6, Filters(aar=2021, fylke="50")).message == (
        "Trøndelag: ingen midler registrert på kompetanseområder i 2021"
    )


def test_nation_deck_has_no_comparison(small_db: str) -> None:
    filters = Filters(aar=2022)
    shown = messages(filters)
    assert shown["deltakelse"] == "Hele landet: 1 % av kommunene deltar"
    assert shown["kart"] == "Hele landet: tiltakene har nådd 50 % av enhetene"
    assert shown["budsjett"] == "Hele landet har nådd 110 % av 2025-nivået"
    assert shown["slutt"] == "Hva gjør vi videre?"
    assert all(" – " not in m for m in shown.values())
    # Akershus (Bærum: 1 of 21, 4.8 %) and Vestland (2 of 43, 4.7 %) both read 5 % on a slide,
    # so both are named; the 13 counties at 0 % are counted, not one picked among them.
    assert details(filters)["deltakelse"] == (
        "3 av 357 kommuner deltok i 2022. Høyest andel i "
        "Akershus og Vestland (begge 5 %), lavest i "
        "13 fylker (alle 0 %)."
    )


def test_county_of_the_2020_structure(small_db: str) -> None:
    slide = build_slide(2, Filters(aar=2022, fylke="30", struktur=2020))
    # Bærum (3024 in 2020) is 1 of Viken's 51; nation 3 of 356 (0.84 %).
    assert text(slide.message) == "Viken: 2 % av kommunene deltar – landet 1 %"
    assert slide.detail == "1 av 51 kommuner deltok i 2022."


def test_closing_slide_recaps_and_links(small_db: str) -> None:
    slide = build_slide(8, Filters(aar=2021, fylke=VESTLAND))
    assert [text(p) for p in slide.points] == [
        "2 % av kommunene deltar – landet 1 %",
        "2 % av kommunene deltar med hele laget – landet 0 %",
        "50 % av kommunene har høyt behov og er lite nådd – landet 33 %",
    ]
    assert slide.link == "/dekning?aar=2021&fylke=46"


def test_one_municipality_county_is_singular(small_db: str) -> None:
    slide = build_slide(2, Filters(aar=2021, fylke="03"))
    assert text(slide.message) == "Oslo: 100 % av kommunene deltar – landet 1 %"
    assert slide.detail == "1 av 1 kommune deltok i 2021."


def test_every_slide_has_a_short_source(small_db: str) -> None:
    for slide in build_deck(Filters(aar=2022, fylke=VESTLAND)):
        assert slide.source.startswith("Kilde:") and slide.source.count(". ") == 0, slide.key
    assert first_sentence("Kilde: a; b. Mer tekst. Enda mer.") == "Kilde: a; b."
    assert first_sentence("Kilde: uten punktum") == "Kilde: uten punktum"


def test_build_slide_clamps_the_number(small_db: str) -> None:
    filters = Filters(aar=2022, fylke=VESTLAND)
    assert build_slide(0, filters).key == "tittel"
    assert build_slide(99, filters).key == "slutt"


# --- URL parameters ---------------------------------------------------------------------------


def test_parse_defaults() -> None:
    parsed = parse_presentation({})
    assert parsed.filters == Filters()
    assert (parsed.slide, parsed.auto, parsed.notices) == (1, None, [])


def test_parse_valid_values() -> None:
    parsed = parse_presentation({"fylke": "46", "aar": "2025", "slide": "3", "auto": "30"})
    assert (parsed.filters.fylke, parsed.filters.aar) == ("46", 2025)
    assert (parsed.slide, parsed.auto, parsed.notices) == (3, 30, [])


def test_parse_ignores_other_filters_and_unknown_parameters() -> None:
    parsed = parse_presentation({"sektor": "BHG", "eier": "privat", "fra": "2023", "x": "y"})
    assert parsed.filters == Filters() and parsed.notices == []


@pytest.mark.parametrize(
    ("raw", "slide", "notice"),
    [
        ("abc", 1, "«slide=abc» er ikke et lysbildenummer"),
        ("2.5", 1, "«slide=2.5» er ikke et lysbildenummer"),
        ("0", 1, "bare lysbilde 1–8; viser lysbilde 1"),
        ("-2", 1, "bare lysbilde 1–8; viser lysbilde 1"),
        ("99", 8, "bare lysbilde 1–8; viser lysbilde 8"),
    ],
)
def test_parse_bad_slide_falls_back_with_notice(raw: str, slide: int, notice: str) -> None:
    parsed = parse_presentation({"slide": raw})
    assert parsed.slide == slide
    assert len(parsed.notices) == 1 and notice in parsed.notices[0]


@pytest.mark.parametrize(
    ("raw", "auto", "notice"),
    [
        ("", None, None),
        ("0", None, None),
        ("av", None, None),
        ("12", 12, None),
        ("x", None, "«auto=x» er ikke et antall sekunder"),
        ("2", AUTO_MIN_S, f"mellom {AUTO_MIN_S} og {AUTO_MAX_S} sekunder; bruker {AUTO_MIN_S}"),
        ("99999", AUTO_MAX_S, f"bruker {AUTO_MAX_S} sekunder"),
    ],
)
def test_parse_auto(raw: str, auto: int | None, notice: str | None) -> None:
    parsed = parse_presentation({"auto": raw})
    assert parsed.auto == auto
    if notice is None:
        assert parsed.notices == []
    else:
        assert len(parsed.notices) == 1 and notice in parsed.notices[0]


def test_parse_bad_filters_give_notices_not_errors() -> None:
    parsed = parse_presentation({"fylke": "99", "aar": "abc", "struktur": "1999"})
    assert parsed.filters == Filters()
    assert len(parsed.notices) == 3


# --- the projector figure ---------------------------------------------------------------------


def small_figure() -> go.Figure:
    figure = go.Figure(
        go.Scatter(x=[2021, 2022], y=[10, 20], mode="lines+markers", line={"width": 2})
    )
    figure.add_annotation(text="Hele landet", x=2021, y=10, font={"size": 12})
    figure.add_hline(y=15, line={"width": 1})
    figure.update_layout(title_text="Tittel")
    return figure


def test_projector_figure_is_a_bigger_copy() -> None:
    original = small_figure()
    fig = projector_figure(original)
    assert fig.layout.template.layout.font.size == 24
    assert fig.layout.title.text is None
    assert fig.layout.annotations[0].font.size >= 22
    assert fig.data[0].line.width >= 4 and fig.data[0].marker.size >= 12
    assert fig.layout.shapes[0].line.width >= 3
    # The page's figure is untouched.
    assert original.data[0].line.width == 2 and original.layout.annotations[0].font.size == 12
    assert original.layout.title.text == "Tittel"


def test_projector_figure_scales_with_the_screen() -> None:
    fig = projector_figure(small_figure(), scale=0.71)
    assert fig.layout.font.size == 17 and fig.layout.annotations[0].font.size == 17


@pytest.mark.parametrize(
    ("viewport", "scale"),
    [
        ({"width": 1920, "height": 1080}, 1.0),
        ({"width": 1366, "height": 768}, 0.71),
        ({"width": 3840, "height": 2160}, 2.0),
        ({"width": 800, "height": 400}, 0.6),
        (None, 1.0),
        ({}, 1.0),
        ({"width": "x", "height": 5}, 1.0),
        ({"width": 0, "height": 0}, 1.0),
    ],
)
def test_viewport_scale(viewport: dict | None, scale: float) -> None:
    assert viewport_scale(viewport) == scale


def test_every_chart_slide_renders_with_data(small_db: str) -> None:
    filters = Filters(aar=2022, fylke=VESTLAND)
    for slide in build_deck(filters):
        figure = slide_figure(slide, filters)
        if slide.chart_id is None:
            assert figure is None
            continue
        assert figure is not None
        assert figure.layout.template.layout.font.size == 24, slide.key
        assert len(figure.data) > 0, slide.key


def test_projector_bars_carry_their_values_in_the_axis_unit() -> None:
    import plotly.graph_objects as go

    from loftet.presentation import projector_figure

    shares = go.Figure(go.Bar(x=[12.5, 40.0], y=["Agder", "Troms"], orientation="h"))
    shares.update_xaxes(ticksuffix=" %")
    money = go.Figure(go.Bar(x=[2021, 2022], y=[50.0, 120.0]))
    labelled = go.Figure(go.Bar(x=[1], y=[2], texttemplate="%{y} stk"))
    assert projector_figure(shares).data[0].texttemplate == "%{x:.1f} %"
    assert projector_figure(money).data[0].texttemplate == "%{y:,.1~f}"
    assert projector_figure(labelled).data[0].texttemplate == "%{y} stk"
