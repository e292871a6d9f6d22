"""Kommuneprofil figures, called directly with tiny frames."""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go

from loftet.figures.municipality import (
    allocation_comparison,
    participation_comparison,
    reach_comparison,
)
from loftet.figures.municipality_indicators import indicator_comparison
from loftet.theme import HIGHLIGHT, NATIONAL

NAMES = {"kommune": "Bergen", "fylke": "Vestland"}


def annotation_texts(figure: go.Figure) -> list[str]:
    return [a.text for a in figure.layout.annotations]


def test_participation_three_lines_municipality_highlighted() -> None:
    frame = pd.DataFrame(
        {
            "aar": [2021, 2022],
            "per_1000_kommune": [76.9, 30.8],
            "per_1000_fylke": [45.5, 40.9],
            "per_1000_landet": [35.4, 25.8],
            "deltakere": [40, 16],
            "deltakere_fylke": [40, 36],
            "deltakere_landet": [70, 51],
        }
    )
    figure = participation_comparison(frame, **NAMES)
    traces = {t.name: t for t in figure.data}
    assert list(traces) == ["Hele landet", "Vestland", "Bergen"]  # municipality drawn on top
    bergen = traces["Bergen"]
    assert bergen.line.color == HIGHLIGHT and traces["Hele landet"].line.color == NATIONAL
    assert bergen.line.width > traces["Vestland"].line.width
    assert list(bergen.y) == [76.9, 30.8] and list(bergen.customdata) == [40, 16]
    assert "%{y:,.1f} per 1 000" in bergen.hovertemplate
    assert "%{customdata:,.0f} deltakelser" in bergen.hovertemplate
    assert figure.layout.xaxis.dtick == 1 and figure.layout.xaxis.tickformat == "d"


def test_empty_frames_give_the_empty_figure() -> None:
    for draw in (participation_comparison, reach_comparison, allocation_comparison):
        figure = draw(pd.DataFrame(), **NAMES)
        assert not figure.data and annotation_texts(figure) == ["Ingen data for valgt utvalg"]
    assert annotation_texts(indicator_comparison(pd.DataFrame(), **NAMES)) == [
        "Ingen kvalitetsindikatorer for valgt år"
    ]


def _reach_frame() -> pd.DataFrame:
    return pd.DataFrame(
        [
            ("profesjon", "LAERER", "Lærere", 25, 40, 62.5, 62.5, 78.6),
            ("profesjon", "HELSE", "Helsetjeneste", 0, 40, 0.0, 0.0, 1.0),
            ("profesjon", "PPT", "PPT-ansatte", 15, 40, 37.5, 37.5, 20.4),
            ("sektor", "BHG", "Barnehage", 2, 2, 100.0, 66.7, 66.7),
            ("sektor", "VGS", "Videregående", 0, 0, math.nan, math.nan, 100.0),
        ],
        columns=[
            "del",
            "kode",
            "navn",
            "antall",
            "av",
            "andel_kommune",
            "andel_fylke",
            "andel_landet",
        ],
    )


def test_reach_profession_bars_and_sector_shares() -> None:
    figure = reach_comparison(_reach_frame(), **NAMES)
    professions, sectors = figure.data[0], figure.data[1]
    assert professions.type == "bar" and professions.orientation == "h"
    assert list(professions.y) == ["PPT-ansatte", "Lærere"]  # zero rows left out, largest on top
    assert "%{x:,.0f} deltakelser" in professions.hovertemplate
    assert "Vestland: %{customdata[1]:.1f} %" in professions.hovertemplate
    assert sectors.name == "Bergen" and sectors.marker.color == HIGHLIGHT
    assert "%{x:.1f} % nådd" in sectors.hovertemplate
    markers = {t.name: t for t in figure.data[2:]}
    assert set(markers) == {"Vestland", "Hele landet"}
    assert markers["Hele landet"].mode == "markers"
    assert "ingen enheter i kommunen" in annotation_texts(figure)
    assert figure.layout.xaxis2.ticksuffix == " %"


def test_reach_without_participants_says_so() -> None:
    frame = _reach_frame()
    frame.loc[frame["del"] == "profesjon", "antall"] = 0
    figure = reach_comparison(frame, **NAMES)
    assert "Ingen deltakelser dette året" in annotation_texts(figure)
    assert figure.data[0].name == "Bergen"  # only the sector panel has traces


def test_allocations_bars_lines_and_unreported_spending_never_zero() -> None:
    frame = pd.DataFrame(
        {
            "aar": [2021, 2022, 2023],
            "innvilget_kr": [1_000_000, 1_200_000, 0],
            "brukt_kr": [900_000, math.nan, math.nan],
            "kr_per_barn_kommune": [1923.1, 2307.7, 0.0],
            "kr_per_barn_fylke": [1136.4, 1704.5, 0.0],
            "kr_per_barn_landet": [757.6, 1111.1, 0.0],
        }
    )
    figure = allocation_comparison(frame, **NAMES)
    traces = {t.name: t for t in figure.data}
    assert traces["Innvilget"].type == traces["Brukt"].type == "bar"
    # millions on the axis, full kroner in the tooltip
    assert traces["Innvilget"].hovertemplate.startswith("Innvilget: %{customdata:,.0f} kr")
    assert list(traces["Innvilget"].customdata) == [1_000_000, 1_200_000, 0]
    assert figure.layout.yaxis.title.text == "Mill. kr"
    spent = list(traces["Brukt"].y)
    assert spent[0] == 0.9 and math.isnan(spent[1])  # missing, not 0
    # only 2022 (granted, spending not reported) gets the note; 2023 had nothing granted
    notes = [a for a in figure.layout.annotations if a.text == "brukt: ikke rapportert"]
    assert len(notes) == 1 and 2022 < notes[0].x < 2022.5
    assert traces["Bergen"].line.color == HIGHLIGHT
    assert "kr per barn/elev" in traces["Vestland"].hovertemplate
    assert figure.layout.barmode == "group"


def _indicator_frame() -> pd.DataFrame:
    return pd.DataFrame(
        [
            (
                "SPESUND",
                "Elever med spesialundervisning",
                "prosent",
                True,
                2022,
                8.0,
                "vist",
                7.5,
                2021,
                8.43,
                6.72,
            ),
            (
                "PPT_FRIST",
                "PPT-saker ferdig innen 3 måneder",
                "prosent",
                False,
                2022,
                math.nan,
                "skjermet",
                math.nan,
                2021,
                70.0,
                72.0,
            ),
            (
                "UKVAL",
                "Lærere uten godkjent kompetanse",
                "prosent",
                True,
                2021,
                math.nan,
                "mangler",
                math.nan,
                2020,
                5.0,
                6.0,
            ),
        ],
        columns=[
            "indikator",
            "navn",
            "enhet",
            "hoy_er_behov",
            "aar",
            "kommune",
            "status",
            "kommune_forrige",
            "aar_forrige",
            "fylke",
            "landet",
        ],
    )


def test_indicator_dot_plot_one_row_per_indicator() -> None:
    figure = indicator_comparison(_indicator_frame(), **NAMES)
    texts = annotation_texts(figure)
    assert any(
        "Elever med spesialundervisning" in t and "2022" in t and "høy verdi = større behov" in t
        for t in texts
    )
    assert any("PPT-saker" in t and "høy verdi = bedre" in t for t in texts)
    assert figure.layout.yaxis3.visible is False and figure.layout.xaxis3.ticksuffix == " %"
    first_row = [t for t in figure.data if t.xaxis == "x"]
    names = {t.name: t for t in first_row}
    assert set(names) == {"Hele landet", "Vestland", "Bergen året før", "Bergen"}
    assert names["Bergen"].x == (8.0,) and names["Bergen"].marker.color == HIGHLIGHT
    assert "%{x:.1f} %" in names["Bergen"].hovertemplate
    assert sum(t.showlegend is not False for t in figure.data) == 4  # legend once


def test_suppressed_indicator_is_written_skjermet_and_not_drawn() -> None:
    figure = indicator_comparison(_indicator_frame(), **NAMES)
    assert "Bergen: skjermet" in annotation_texts(figure)
    assert "Bergen: ingen tall" in annotation_texts(figure)
    second_row = {t.name: t for t in figure.data if t.xaxis == "x2"}
    assert math.isnan(second_row["Bergen"].x[0])  # no marker at 0
    assert second_row["Vestland"].x == (70.0,)
    # every share on the same 0–100 % scale, values written out in the row title
    assert figure.layout.xaxis2.range == (0, 100) and figure.layout.xaxis.range == (0, 100)
    assert any("Bergen 8,0 % · Vestland" in t for t in annotation_texts(figure))
